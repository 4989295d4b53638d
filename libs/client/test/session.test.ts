// Session keep-alive: the stream goes to the leader (looked up, or named by NOT_LEADER),
// heartbeats every ttl/3, a silent node is abandoned after ttl/6, and the session expires when
// the server says so or when the TTL passes without an answer.
import { status as Code } from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';
import { Session } from '../src/session';
import type { KeepAliveRequest, KeepAliveResponse } from '../src/wire';
import { ENDPOINTS, FakeCall, flush, ManualClock, testRouter } from './fakes';

function setup(ttlMs = 3000, leader: string | null = ENDPOINTS[1]!) {
  const clock = new ManualClock();
  const router = testRouter(clock);
  type Stream = { address: string; call: FakeCall<KeepAliveRequest, KeepAliveResponse> };
  const streams: Stream[] = [];
  const run = jest.spyOn(router, 'run').mockResolvedValue({ header: null } as never);
  const lookup = jest.spyOn(router, 'leaderAddress').mockResolvedValue(leader ?? undefined);
  jest.spyOn(router, 'connection').mockImplementation(
    (address: string) =>
      ({
        coord: {
          KeepAlive: () => {
            const call = new FakeCall<KeepAliveRequest, KeepAliveResponse>();
            streams.push({ address, call });
            return call;
          },
        },
      }) as never,
  );
  const session = new Session(router, { id: 7, ttlMs, openedAtMs: 0, requestTimeoutMs: 1000 });
  const expired = jest.fn();
  session.on('expired', expired);
  /** Fires due timers and lets the leader lookup settle. */
  const settle = async (ms = 0) => {
    clock.advance(ms);
    await flush();
  };
  return {
    clock,
    router,
    session,
    streams,
    run,
    lookup,
    expired,
    settle,
    last: () => streams[streams.length - 1]!,
  };
}

const renew = (ttl_ms: number): KeepAliveResponse => ({ header: null, session_id: 7, ttl_ms });

describe('Session', () => {
  it('connects to the leader ClusterService names and heartbeats every ttl/3', async () => {
    const { session, streams, last, expired, settle } = setup(3000);
    session.start();
    await settle();
    expect(streams).toHaveLength(1);
    expect(last().address).toBe(ENDPOINTS[1]);
    expect(last().call.written).toEqual([{ session_id: 7 }]);
    for (let i = 0; i < 10; i++) {
      last().call.answer(renew(3000));
      await settle(1000);
    }
    expect(streams).toHaveLength(1);
    expect(last().call.written).toHaveLength(11);
    expect(expired).not.toHaveBeenCalled();
    expect(session.state).toBe('alive');
    expect(session.remainingMs).toBeGreaterThan(1000);
    void session.close();
  });

  it('falls back to the current endpoint when no leader is known', async () => {
    const { session, last, settle } = setup(3000, null);
    session.start();
    await settle();
    expect(last().address).toBe(ENDPOINTS[0]);
    void session.close();
  });

  it('expires when the TTL passes without an answer, then tries CloseSession', async () => {
    const { session, expired, run, settle } = setup(3000);
    session.start();
    await settle(2999);
    expect(expired).not.toHaveBeenCalled();
    await settle(1);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expired.mock.calls[0][0]).toMatchObject({ reason: 'SESSION_EXPIRED' });
    expect(session.state).toBe('expired');
    expect(run).toHaveBeenCalledWith('close_session', { session_id: 7 }, 3000);
  });

  it('counts the renewed TTL from when the heartbeat was sent', async () => {
    const { session, last, expired, settle } = setup(3000);
    session.start();
    await settle(); // connected, heartbeat sent at 0
    await settle(400);
    last().call.answer(renew(3000)); // the heartbeat of t=0: expires at 3000
    await settle(2599);
    expect(expired).not.toHaveBeenCalled();
    await settle(1);
    expect(expired).toHaveBeenCalled();
  });

  it('expires at once when the server answers ttl 0', async () => {
    const { session, last, expired, settle } = setup();
    session.start();
    await settle();
    last().call.answer(renew(0));
    expect(expired).toHaveBeenCalledTimes(1);
    expect(last().call.cancelled).toBe(true);
  });

  it('expires when the stream ends with SESSION_EXPIRED', async () => {
    const { session, last, expired, settle } = setup();
    session.start();
    await settle();
    last().call.failWith(tributaryError('SESSION_EXPIRED', 'session 7 expired'));
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('follows NOT_LEADER to the named leader at once', async () => {
    const { session, streams, last, settle } = setup();
    session.start();
    await settle();
    last().call.failWith(tributaryError('NOT_LEADER', 'follower', { leader: ENDPOINTS[2]! }));
    await settle();
    expect(streams).toHaveLength(2);
    expect(last().address).toBe(ENDPOINTS[2]);
    expect(last().call.written).toEqual([{ session_id: 7 }]);
    void session.close();
  });

  it('looks for the leader again after a failure, else takes the next endpoint', async () => {
    const { session, streams, last, lookup, settle } = setup();
    session.start();
    await settle();
    lookup.mockResolvedValue(ENDPOINTS[1]); // still names the node that just failed
    last().call.failWith(Object.assign(new Error('refused'), { code: Code.UNAVAILABLE }));
    await settle();
    expect(streams).toHaveLength(2);
    expect(last().address).toBe(ENDPOINTS[2]);
    void session.close();
  });

  it('abandons a node that does not answer within ttl/6', async () => {
    const { session, streams, settle } = setup(3000);
    session.start();
    await settle();
    await settle(499);
    expect(streams).toHaveLength(1);
    await settle(1);
    expect(streams).toHaveLength(2);
    expect(streams[0]!.call.cancelled).toBe(true);
    expect(streams[1]!.address).toBe(ENDPOINTS[2]);
    expect(streams[1]!.call.written).toEqual([{ session_id: 7 }]);
    void session.close();
  });

  it('close() stops heartbeats and sends CloseSession once', async () => {
    const { clock, session, last, run, expired, settle } = setup();
    session.start();
    await settle();
    const closed = jest.fn();
    session.on('closed', closed);
    await Promise.all([session.close(), session.close()]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('close_session', { session_id: 7 }, 1000);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(last().call.ended).toBe(true);
    const writes = last().call.written.length;
    await settle(10_000);
    expect(last().call.written).toHaveLength(writes);
    expect(expired).not.toHaveBeenCalled();
    expect(clock.pendingTimers).toBe(0);
  });
});

// Session keep-alive: heartbeats every ttl/3, NOT_LEADER followed to the leader, expiry when the
// server says so or when the TTL passes without an answer.
import { status as Code } from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';
import { Router } from '../src/router';
import { Session } from '../src/session';
import type { KeepAliveRequest, KeepAliveResponse } from '../src/wire';
import { FakeCall, ManualClock } from './fakes';

const ENDPOINTS = ['127.0.0.1:7101', '127.0.0.1:7102', '127.0.0.1:7103'];

function setup(ttlMs = 3000) {
  const clock = new ManualClock();
  const router = new Router({
    endpoints: ENDPOINTS,
    mode: 'execute',
    limits: {},
    connectTimeoutMs: 1000,
    backoff: { baseMs: 10, maxMs: 100 },
    reconnectBackoffMs: { initial: 10, max: 100 },
    maxInFlight: 16,
    maxQueued: 16,
    clock,
    random: () => 0,
  });
  type Stream = { address: string; call: FakeCall<KeepAliveRequest, KeepAliveResponse> };
  const streams: Stream[] = [];
  const run = jest.spyOn(router, 'run').mockResolvedValue({ header: null } as never);
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
  return {
    clock,
    router,
    session,
    streams,
    run,
    expired,
    last: () => streams[streams.length - 1]!,
  };
}

const renew = (ttl_ms: number): KeepAliveResponse => ({ header: null, session_id: 7, ttl_ms });

describe('Session', () => {
  it('heartbeats every ttl/3 and stays alive while answers come', () => {
    const { clock, session, last, expired } = setup(3000);
    session.start();
    expect(last().call.written).toEqual([{ session_id: 7 }]);
    for (let i = 0; i < 10; i++) {
      last().call.answer(renew(3000));
      clock.advance(1000);
    }
    expect(last().call.written).toHaveLength(11);
    expect(expired).not.toHaveBeenCalled();
    expect(session.state).toBe('alive');
    expect(session.remainingMs).toBeGreaterThan(1000);
    void session.close();
  });

  it('expires when the TTL passes without an answer, then tries CloseSession', () => {
    const { clock, session, expired, run } = setup(3000);
    session.start();
    clock.advance(2999);
    expect(expired).not.toHaveBeenCalled();
    clock.advance(1);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expired.mock.calls[0][0]).toMatchObject({ reason: 'SESSION_EXPIRED' });
    expect(session.state).toBe('expired');
    expect(run).toHaveBeenCalledWith('close_session', { session_id: 7 }, 3000);
  });

  it('counts the renewed TTL from when the heartbeat was sent', () => {
    const { clock, session, last, expired } = setup(3000);
    session.start(); // heartbeat sent at 0
    clock.advance(900);
    last().call.answer(renew(3000)); // answers the heartbeat of t=0: expires at 3000
    clock.advance(100); // t=1000: heartbeat 2 sent, never answered
    clock.advance(1999);
    expect(expired).not.toHaveBeenCalled();
    clock.advance(1);
    expect(expired).toHaveBeenCalled();
  });

  it('expires at once when the server answers ttl 0', () => {
    const { session, last, expired } = setup();
    session.start();
    last().call.answer(renew(0));
    expect(expired).toHaveBeenCalledTimes(1);
    expect(last().call.cancelled).toBe(true);
  });

  it('expires when the stream ends with SESSION_EXPIRED', () => {
    const { session, last, expired } = setup();
    session.start();
    last().call.failWith(tributaryError('SESSION_EXPIRED', 'session 7 expired'));
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('follows NOT_LEADER to the named leader at once', () => {
    const { clock, session, streams, last } = setup();
    session.start();
    expect(last().address).toBe(ENDPOINTS[0]);
    last().call.failWith(tributaryError('NOT_LEADER', 'follower', { leader: ENDPOINTS[2]! }));
    clock.advance(0);
    expect(streams).toHaveLength(2);
    expect(last().address).toBe(ENDPOINTS[2]);
    expect(last().call.written).toEqual([{ session_id: 7 }]);
    void session.close();
  });

  it('moves to the next endpoint with backoff when a node is unreachable', () => {
    const { clock, session, streams, last } = setup();
    session.start();
    last().call.failWith(Object.assign(new Error('refused'), { code: Code.UNAVAILABLE }));
    expect(streams).toHaveLength(1);
    clock.advance(10);
    expect(streams).toHaveLength(2);
    expect(last().address).toBe(ENDPOINTS[1]);
    void session.close();
  });

  it('abandons a stream that stops answering', () => {
    const { clock, session, streams } = setup(3000);
    session.start();
    clock.advance(1999); // heartbeats of t=0 and t=1000 unanswered
    expect(streams).toHaveLength(1);
    clock.advance(1); // the third tick gives up on this stream, a TTL third before expiry
    expect(streams).toHaveLength(2);
    expect(streams[0]!.call.cancelled).toBe(true);
    expect(streams[1]!.address).toBe(ENDPOINTS[1]);
    expect(streams[1]!.call.written).toEqual([{ session_id: 7 }]);
    void session.close();
  });

  it('close() stops heartbeats and sends CloseSession once', async () => {
    const { clock, session, last, run, expired } = setup();
    session.start();
    const closed = jest.fn();
    session.on('closed', closed);
    await Promise.all([session.close(), session.close()]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('close_session', { session_id: 7 }, 1000);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(last().call.ended).toBe(true);
    const writes = last().call.written.length;
    clock.advance(10_000);
    expect(last().call.written).toHaveLength(writes);
    expect(expired).not.toHaveBeenCalled();
    expect(clock.pendingTimers).toBe(0);
  });
});

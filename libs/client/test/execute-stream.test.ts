// Request-id bookkeeping of one Execute stream: ids, out-of-order answers, the in-flight bound,
// deadlines, and what a broken stream means for writes (indeterminate) and waiters (unsent).
import { status as Code } from '@grpc/grpc-js';
import { statusDetailsBytes } from '@tributary/rpc';
import { CoordinationError } from '../src/errors';
import { ExecuteStream } from '../src/execute-stream';
import type { ExecuteRequest, ExecuteResponse } from '../src/wire';
import { FakeCall, flush, ManualClock } from './fakes';

function setup(maxInFlight = 8, maxQueued = 8) {
  const clock = new ManualClock();
  const calls: FakeCall<ExecuteRequest, ExecuteResponse>[] = [];
  const stream = new ExecuteStream(
    () => {
      const call = new FakeCall<ExecuteRequest, ExecuteResponse>();
      calls.push(call);
      return call;
    },
    { maxInFlight, maxQueued, clock },
  );
  return { clock, calls, stream, call: () => calls[0]! };
}

const header = { cluster_id: 'c1', node_id: 1, term: 2, revision: 7 };
const stat = {
  version: 0,
  cversion: 0,
  create_revision: 7,
  mod_revision: 7,
  ephemeral_owner: 0,
  num_children: 0,
  data_length: 1,
};

function getAnswer(requestId: number, data: string): ExecuteResponse {
  return {
    header,
    request_id: requestId,
    response: 'get',
    get: { header, data: Buffer.from(data), stat, revision: 7 },
  };
}

async function settled<T>(promise: Promise<T>) {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: CoordinationError) => ({ ok: false as const, error }),
  );
}

describe('ExecuteStream', () => {
  it('opens one stream lazily and gives each request a fresh increasing id', () => {
    const { stream, calls } = setup();
    expect(calls).toHaveLength(0);
    void stream.send('get', { path: '/a' }, 1000);
    void stream.send('set', { path: '/b', data: Buffer.from('x'), expected_version: -1 }, 1000);
    void stream.send('get', { path: '/c' }, 1000);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.written.map((w) => w.request_id)).toEqual([1, 2, 3]);
    expect(calls[0]!.written[1]!.set).toEqual({
      path: '/b',
      data: Buffer.from('x'),
      expected_version: -1,
    });
    expect(stream.inFlight).toBe(3);
  });

  it('settles each promise with its own answer when answers come out of order', async () => {
    const { stream, call } = setup();
    const a = stream.send('get', { path: '/a' }, 1000);
    const b = stream.send('get', { path: '/b' }, 1000);
    call().answer(getAnswer(2, 'B'));
    call().answer(getAnswer(1, 'A'));
    expect((await a).data.toString()).toBe('A');
    expect((await b).data.toString()).toBe('B');
    expect(stream.inFlight).toBe(0);
  });

  it('turns an error answer into a CoordinationError and keeps the stream open', async () => {
    const { stream, call } = setup();
    const write = stream.send('set', { path: '/a', expected_version: 3 }, 1000);
    call().answer({
      header,
      request_id: 1,
      response: 'status_details',
      status_details: statusDetailsBytes('VERSION_MISMATCH', 'version is 4, expected 3'),
    });
    const result = await settled(write);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(CoordinationError);
    expect(result.error.reason).toBe('VERSION_MISMATCH');
    expect(result.error.code).toBe(Code.FAILED_PRECONDITION);
    expect(result.error.message).toBe('version is 4, expected 3');
    expect(result.error.indeterminate).toBe(false);
    expect(stream.failed).toBe(false);
    const next = stream.send('get', { path: '/a' }, 1000);
    call().answer(getAnswer(2, 'ok'));
    expect((await next).data.toString()).toBe('ok');
  });

  it('rejects an answer of the wrong kind as a protocol error', async () => {
    const { stream, call } = setup();
    const get = stream.send('get', { path: '/a' }, 1000);
    call().answer({
      header,
      request_id: 1,
      response: 'list',
      list: { header, children: [], stat },
    });
    const result = await settled(get);
    expect(!result.ok && result.error.reason).toBe('PROTOCOL');
  });

  it('ignores answers to unknown ids and counts them', async () => {
    const { stream, call } = setup();
    const get = stream.send('get', { path: '/a' }, 1000);
    call().answer(getAnswer(99, 'stray'));
    expect(stream.unmatchedAnswers).toBe(1);
    call().answer(getAnswer(1, 'A'));
    expect((await get).data.toString()).toBe('A');
  });

  it('holds requests beyond maxInFlight until a slot frees, in order', async () => {
    const { stream, call } = setup(2, 8);
    const first = stream.send('get', { path: '/1' }, 1000);
    void stream.send('get', { path: '/2' }, 1000);
    const third = stream.send('get', { path: '/3' }, 1000);
    expect(call().written).toHaveLength(2);
    expect(stream.queued).toBe(1);
    call().answer(getAnswer(1, 'one'));
    await first;
    expect(call().written).toHaveLength(3);
    expect(call().written[2]!.get).toEqual({ path: '/3' });
    call().answer(getAnswer(3, 'three'));
    expect((await third).data.toString()).toBe('three');
  });

  it('refuses requests beyond maxQueued with QUEUE_FULL, marked unsent', async () => {
    const { stream } = setup(1, 1);
    void stream.send('get', { path: '/1' }, 1000);
    void stream.send('get', { path: '/2' }, 1000);
    const result = await settled(stream.send('set', { path: '/3' }, 1000));
    expect(!result.ok && result.error.reason).toBe('QUEUE_FULL');
    expect(!result.ok && result.error.unsent).toBe(true);
  });

  it('fails a request whose deadline passes; a write is then indeterminate', async () => {
    const { stream, call, clock } = setup();
    const read = stream.send('get', { path: '/a' }, 100);
    const write = stream.send('create', { path: '/b' }, 200);
    clock.advance(100);
    const r = await settled(read);
    expect(!r.ok && r.error.code).toBe(Code.DEADLINE_EXCEEDED);
    expect(!r.ok && r.error.indeterminate).toBe(false);
    clock.advance(100);
    const w = await settled(write);
    expect(!w.ok && w.error.indeterminate).toBe(true);
    call().answer(getAnswer(1, 'late'));
    expect(stream.unmatchedAnswers).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('times out a request while it waits for a slot, unsent', async () => {
    const { stream, clock } = setup(1, 4);
    void stream.send('get', { path: '/1' }, 10_000);
    const waiting = stream.send('set', { path: '/2' }, 50);
    clock.advance(50);
    const result = await settled(waiting);
    expect(!result.ok && result.error.code).toBe(Code.DEADLINE_EXCEEDED);
    expect(!result.ok && result.error.unsent).toBe(true);
    expect(stream.queued).toBe(0);
  });

  it('on a broken stream fails sent writes as indeterminate, reads plainly, waiters as unsent', async () => {
    const { stream, call } = setup(2, 4);
    const read = stream.send('get', { path: '/a' }, 1000);
    const write = stream.send('create', { path: '/b' }, 1000);
    const waiter = stream.send('create', { path: '/c' }, 1000);
    call().failWith(Object.assign(new Error('Connection dropped'), { code: Code.UNAVAILABLE }));
    const [r, w, q] = await Promise.all([settled(read), settled(write), settled(waiter)]);
    expect(!r.ok && [r.error.code, r.error.indeterminate]).toEqual([Code.UNAVAILABLE, false]);
    expect(!w.ok && [w.error.code, w.error.indeterminate, w.error.unsent]).toEqual([
      Code.UNAVAILABLE,
      true,
      false,
    ]);
    expect(!q.ok && [q.error.indeterminate, q.error.unsent]).toEqual([false, true]);
    expect(stream.failed).toBe(true);
    const after = await settled(stream.send('get', { path: '/x' }, 1000));
    expect(!after.ok && after.error.unsent).toBe(true);
  });

  it('treats a stream the server ends as broken', async () => {
    const { stream, call } = setup();
    const write = stream.send('delete', { path: '/a', expected_version: -1 }, 1000);
    call().emit('end');
    const w = await settled(write);
    expect(!w.ok && w.error.indeterminate).toBe(true);
  });

  it('close() fails everything pending with CLIENT_CLOSED and cancels the call', async () => {
    const { stream, call } = setup();
    const read = stream.send('get', { path: '/a' }, 1000);
    stream.close();
    const r = await settled(read);
    expect(!r.ok && r.error.reason).toBe('CLIENT_CLOSED');
    expect(call().cancelled).toBe(true);
    await flush();
  });

  it('fills in the outer header when an answer lacks its own', async () => {
    const { stream, call } = setup();
    const get = stream.send('get', { path: '/a' }, 1000);
    call().answer({
      ...getAnswer(1, 'A'),
      get: { header: null, data: Buffer.from('A'), stat, revision: 7 },
    });
    expect((await get).header).toEqual(header);
  });
});

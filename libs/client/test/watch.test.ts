// Watch resumption against FakeWatchCluster, which sends exactly what coordinators send (the
// contract test in watch.e2e.test.ts holds it to that): after a transient failure the watch
// reopens on the next endpoint from the last revision it was told (start message, events or
// progress marks), delivers nothing twice, and ends on a definitive error.
import { status as Code } from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';
import { Watch, type WatchOptions } from '../src/watch';
import type { WatchEvent } from '../src/types';
import type { WatchRequest } from '../src/wire';
import { FakeWatchCluster } from './fake-watch-server';
import { ENDPOINTS, flush, ManualClock, testRouter } from './fakes';

const [A, B, C] = ENDPOINTS as [string, string, string];

function setup() {
  const clock = new ManualClock();
  const router = testRouter(clock);
  const cluster = new FakeWatchCluster(clock, ENDPOINTS);
  const opened: { address: string; request: WatchRequest; call: { paused: boolean } }[] = [];
  jest.spyOn(router, 'connection').mockImplementation((address: string) => {
    const connection = cluster.connection(address);
    return {
      coord: {
        Watch: (request: WatchRequest) => {
          const call = connection.coord.Watch(request);
          opened.push({ address, request, call });
          return call;
        },
      },
    } as never;
  });
  const watch = (path: string, options: WatchOptions = {}) => {
    const w = new Watch(router, path, options);
    w.start();
    return { watch: w, it: w[Symbol.asyncIterator]() };
  };
  return { clock, router, cluster, opened, watch, last: () => opened[opened.length - 1]! };
}

async function take(iterator: AsyncIterator<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for (let i = 0; i < n; i++) {
    const r = await iterator.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

const unavailable = () =>
  Object.assign(new Error('Connection dropped'), { code: Code.UNAVAILABLE });

describe('Watch', () => {
  it('delivers events in order and resumes on the next endpoint from the last revision', async () => {
    const { clock, cluster, opened, watch, last } = setup();
    for (let i = 0; i < 4; i++) cluster.write(['created', `/other/${i}`]);
    const { watch: w, it } = watch('/app', { prefix: true });
    await flush();
    expect(opened[0]!.request).toEqual({
      path: '/app',
      prefix: true,
      start_revision: 0,
      progress_notify: true,
    });
    expect(w.revision).toBe(4); // the start message
    cluster.write(['created', '/app/a']);
    cluster.write(['created', '/app/b']);
    expect((await take(it, 2)).map((e) => [e.revision, e.path, e.type])).toEqual([
      [5, '/app/a', 'created'],
      [6, '/app/b', 'created'],
    ]);

    const reconnecting = jest.fn();
    w.on('reconnecting', reconnecting);
    cluster.member(A).kill();
    expect(reconnecting).toHaveBeenCalledTimes(1);
    // Written while the watch has no stream; 8 has two events in one revision.
    cluster.write(['created', '/app/c']);
    cluster.write(['created', '/app/d'], ['created', '/app/e']);
    clock.advance(100);
    expect(last().address).toBe(B);
    expect(last().request.start_revision).toBe(6);
    await flush();
    expect((await take(it, 3)).map((e) => e.revision)).toEqual([7, 8, 8]);
    expect(w.revision).toBe(8);
    w.close();
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('resumes from the start message when the stream breaks before the first event', async () => {
    const { clock, cluster, watch, last } = setup();
    cluster.write(['created', '/x']);
    const { watch: w, it } = watch('/x');
    await flush();
    expect(w.revision).toBe(1);
    cluster.member(A).kill();
    const r = cluster.write(['updated', '/x']);
    clock.advance(100);
    expect(last().request.start_revision).toBe(1);
    await flush();
    expect((await take(it, 1)).map((e) => [e.revision, e.type])).toEqual([[r, 'updated']]);
    w.close();
  });

  it('advances the resume point of an idle watch on progress marks', async () => {
    const { clock, cluster, watch, last } = setup();
    const { watch: w } = watch('/x', { startRevision: 0 });
    await flush();
    expect(w.revision).toBe(0);
    for (let i = 0; i < 25; i++) cluster.write(['created', `/y${i}`]);
    expect(w.revision).toBe(0); // nothing matched: nothing said yet
    clock.advance(cluster.options.progressIntervalMs);
    expect(w.revision).toBe(25);
    cluster.member(A).kill();
    clock.advance(100);
    expect(last().request.start_revision).toBe(25);
    w.close();
  });

  it('gets no progress marks when it does not ask for them', async () => {
    const { clock, cluster, watch } = setup();
    const { watch: w } = watch('/x', { progressNotify: false });
    await flush();
    cluster.write(['created', '/y']);
    clock.advance(10 * cluster.options.progressIntervalMs);
    expect(w.revision).toBe(0);
    w.close();
  });

  it('resumed on a lagging member, waits for it and repeats nothing', async () => {
    const { clock, cluster, watch, last } = setup();
    const { watch: w, it } = watch('/x', { prefix: true });
    await flush();
    cluster.member(B).hold();
    const first = cluster.write(['created', '/x/1']);
    const second = cluster.write(['created', '/x/2']);
    expect((await take(it, 2)).map((e) => e.revision)).toEqual([first, second]);
    cluster.member(A).kill();
    clock.advance(100);
    expect(last().address).toBe(B);
    expect(last().request.start_revision).toBe(second);
    await flush();
    const third = cluster.write(['created', '/x/3']);
    cluster.member(B).release();
    expect((await take(it, 1)).map((e) => e.revision)).toEqual([third]);
    expect(w.revision).toBe(third);
    w.close();
  });

  it('moves on when a lagging member gives up (LAGGING)', async () => {
    const { clock, cluster, watch, last } = setup();
    const { watch: w, it } = watch('/x');
    await flush();
    cluster.member(B).hold();
    const r = cluster.write(['created', '/x']);
    expect((await take(it, 1)).map((e) => e.revision)).toEqual([r]);
    cluster.member(A).kill();
    clock.advance(100);
    expect(last().address).toBe(B);
    await flush();
    const reconnecting = jest.fn();
    w.on('reconnecting', reconnecting);
    clock.advance(cluster.options.catchUpTimeoutMs + 100);
    expect(reconnecting.mock.calls[0][0].error).toMatchObject({
      reason: 'LAGGING',
      code: Code.UNAVAILABLE,
      metadata: { revision: '0' },
    });
    expect(last().address).toBe(C);
    expect(last().request.start_revision).toBe(r);
    w.close();
  });

  it('follows a NOT_LEADER hint', async () => {
    const { clock, cluster, watch, last } = setup();
    const { watch: w } = watch('/x');
    await flush();
    cluster
      .member(A)
      .failAll(tributaryError('NOT_LEADER', 'ask the leader', { leader: '127.0.0.1:9999' }));
    jest.spyOn(cluster, 'connection').mockReturnValue(cluster.connection(B));
    clock.advance(100);
    expect(last().address).toBe('127.0.0.1:9999');
    w.close();
  });

  it('ends the iteration with COMPACTED and does not reconnect', async () => {
    const { clock, cluster, opened, watch } = setup();
    for (let i = 0; i < 60; i++) cluster.write(['created', `/y${i}`]);
    cluster.compact(49);
    const { it } = watch('/x', { startRevision: 3 });
    const pending = it.next();
    await expect(pending).rejects.toMatchObject({
      reason: 'COMPACTED',
      code: Code.OUT_OF_RANGE,
      metadata: { compact_revision: '50' },
    });
    clock.advance(10_000);
    expect(opened).toHaveLength(1);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('pauses the stream when the consumer falls behind, and resumes it', async () => {
    const { cluster, watch, last } = setup();
    const { watch: w, it } = watch('/x', { maxBufferedEvents: 4 });
    await flush();
    for (let i = 0; i < 4; i++) cluster.write(['updated', '/x']);
    expect(last().call.paused).toBe(true);
    await take(it, 2);
    expect(last().call.paused).toBe(false);
    w.close();
    await flush();
  });

  it('breaking out of for-await closes the stream', async () => {
    const { cluster, watch } = setup();
    const { watch: w } = watch('/x');
    await flush();
    cluster.write(['created', '/x']);
    for await (const e of w) {
      expect(e.revision).toBe(1);
      break;
    }
    expect(cluster.member(A).openWatches).toBe(0);
  });

  it('fails a stream with a transport error and reconnects', async () => {
    const { clock, cluster, watch, last } = setup();
    const { watch: w } = watch('/x');
    await flush();
    cluster.member(A).failAll(unavailable());
    clock.advance(100);
    expect(last().address).toBe(B);
    w.close();
  });
});

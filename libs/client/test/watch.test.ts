// Watch resumption: after a transient failure the watch reopens on the next endpoint from the
// last revision it received, drops what it already delivered, and ends on a definitive error.
import { status as Code } from '@grpc/grpc-js';
import { tributaryError } from '@tributary/rpc';
import { Watch } from '../src/watch';
import type { WatchEvent } from '../src/types';
import type { WatchRequest, WatchResponse, WireWatchEvent } from '../src/wire';
import { ENDPOINTS, FakeCall, flush, ManualClock, testRouter } from './fakes';

function setup() {
  const clock = new ManualClock();
  const router = testRouter(clock);
  const opened: { address: string; request: WatchRequest; call: FakeCall<never, WatchResponse> }[] =
    [];
  jest.spyOn(router, 'connection').mockImplementation(
    (address: string) =>
      ({
        coord: {
          Watch: (request: WatchRequest) => {
            const call = new FakeCall<never, WatchResponse>();
            opened.push({ address, request, call });
            return call;
          },
        },
      }) as never,
  );
  return { clock, router, opened, last: () => opened[opened.length - 1]! };
}

function event(revision: number, path: string, type = 'EVENT_TYPE_CREATED'): WireWatchEvent {
  return {
    type: type as WireWatchEvent['type'],
    path,
    data: Buffer.from(`r${revision}`),
    stat: null,
    revision,
  };
}

function message(revision: number, events: WireWatchEvent[]): WatchResponse {
  return { header: { cluster_id: 'c', node_id: 1, term: 1, revision }, events };
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
    const { clock, router, opened, last } = setup();
    const watch = new Watch(router, '/app', { prefix: true });
    watch.start();
    const it = watch[Symbol.asyncIterator]();
    expect(opened[0]!.request).toEqual({
      path: '/app',
      prefix: true,
      start_revision: 0,
      progress_notify: true,
    });
    last().call.answer(message(4, [])); // start point
    expect(watch.revision).toBe(4);
    last().call.answer(message(6, [event(5, '/app/a'), event(6, '/app/b')]));
    expect((await take(it, 2)).map((e) => [e.revision, e.path, e.type])).toEqual([
      [5, '/app/a', 'created'],
      [6, '/app/b', 'created'],
    ]);

    const reconnecting = jest.fn();
    watch.on('reconnecting', reconnecting);
    last().call.failWith(unavailable());
    expect(reconnecting).toHaveBeenCalledTimes(1);
    clock.advance(100);
    expect(opened).toHaveLength(2);
    expect(last().address).toBe(ENDPOINTS[1]);
    expect(last().request.start_revision).toBe(6);

    // A lagging node re-sends revision 6: dropped; 7 and 8 (two events in one revision) pass.
    last().call.answer(message(6, []));
    last().call.answer(
      message(8, [event(6, '/app/b'), event(7, '/app/c'), event(8, '/app/d'), event(8, '/app/e')]),
    );
    expect((await take(it, 3)).map((e) => e.revision)).toEqual([7, 8, 8]);
    expect(watch.revision).toBe(8);
    watch.close();
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('advances the resume point on progress marks', async () => {
    const { clock, router, last } = setup();
    const watch = new Watch(router, '/x', { startRevision: 10 });
    watch.start();
    last().call.answer(message(10, []));
    last().call.answer(message(25, []));
    expect(watch.revision).toBe(25);
    last().call.emit('end');
    clock.advance(100);
    expect(last().request.start_revision).toBe(25);
    watch.close();
  });

  it('follows a NOT_LEADER hint', async () => {
    const { clock, router, last } = setup();
    const watch = new Watch(router, '/x');
    watch.start();
    last().call.failWith(
      tributaryError('NOT_LEADER', 'ask the leader', { leader: '127.0.0.1:9999' }),
    );
    clock.advance(100);
    expect(last().address).toBe('127.0.0.1:9999');
    watch.close();
  });

  it('ends the iteration with COMPACTED and does not reconnect', async () => {
    const { clock, router, opened, last } = setup();
    const watch = new Watch(router, '/x', { startRevision: 3 });
    watch.start();
    const it = watch[Symbol.asyncIterator]();
    const pending = it.next();
    const compacted = tributaryError('COMPACTED', 'revision 3 is compacted', {
      metadata: { compact_revision: '50' },
    });
    last().call.failWith(compacted);
    await expect(pending).rejects.toMatchObject({ reason: 'COMPACTED', code: Code.OUT_OF_RANGE });
    clock.advance(10_000);
    expect(opened).toHaveLength(1);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('pauses the stream when the consumer falls behind, and resumes it', async () => {
    const { router, last } = setup();
    const watch = new Watch(router, '/x', { maxBufferedEvents: 4 });
    watch.start();
    const it = watch[Symbol.asyncIterator]();
    last().call.answer(message(1, []));
    last().call.answer(
      message(
        5,
        [2, 3, 4, 5].map((r) => event(r, '/x')),
      ),
    );
    expect(last().call.paused).toBe(true);
    await take(it, 2);
    expect(last().call.paused).toBe(false);
    watch.close();
    await flush();
  });

  it('breaking out of for-await closes the stream', async () => {
    const { router, last } = setup();
    const watch = new Watch(router, '/x');
    watch.start();
    last().call.answer(message(1, [event(2, '/x')]));
    for await (const e of watch) {
      expect(e.revision).toBe(2);
      break;
    }
    expect(last().call.cancelled).toBe(true);
  });
});

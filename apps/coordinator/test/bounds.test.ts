// Bounds of the CoordinationService with real processes and plain grpc-js clients (issue 7,
// item 7): Execute stops reading and dispatching while its answers cannot be written, counts
// malformed requests in its in-flight bound and refuses a duplicate in-flight request_id;
// sessions per client connection are capped; a Lock wait that is abandoned (call cancelled,
// deadline passed, stream broken) removes its queue key; and locks are granted in FIFO order.
import * as http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { decodeStatusDetails, readError } from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import { call, CoordinatorCluster, drained, eventually, grpcFrame } from '@tributary/testkit';

jest.setTimeout(120_000);

const MiB = 1024 * 1024;
/** SESSIONS_PER_CONNECTION_MAX of coordination-service.ts. */
const SESSIONS_PER_CONNECTION_MAX = 1024;

let cluster: CoordinatorCluster;

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 1 });
  await call(coord(), 'Create', { path: '/locks', data: Buffer.alloc(0) });
});

afterAll(async () => {
  await cluster.shutdown();
});

/** The testkit's shared client of member 1. */
const coord = () => cluster.coord(1);

/** A client on a TCP connection of its own, closed by the cluster's shutdown. */
const freshClient = (): CoordinationServiceClient => cluster.ownConnection(1);

const rssBytes = () => cluster.rssBytes(1);

/** Samples RSS every 100 ms until it has stayed within 4 MiB for 2 s (or 20 s pass); the peak. */
async function peakRssUntilStable(): Promise<number> {
  const startMs = Date.now();
  let peak = rssBytes();
  let stableSinceMs = Date.now();
  let stableAt = peak;
  while (Date.now() - startMs < 20_000) {
    await new Promise((r) => setTimeout(r, 100));
    const rss = rssBytes();
    peak = Math.max(peak, rss);
    if (Math.abs(rss - stableAt) > 4 * MiB) {
      stableAt = rss;
      stableSinceMs = Date.now();
    } else if (Date.now() - stableSinceMs >= 2000 && Date.now() - startMs >= 3000) break;
  }
  return peak;
}

/** Protobuf base-128 varint. */
function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  for (; v >= 128; v = Math.floor(v / 128)) bytes.push((v % 128) | 0x80);
  bytes.push(v);
  return bytes;
}

/** A GetRequest message {path}. */
function getRequest(path: string): Buffer {
  const p = Buffer.from(path);
  return Buffer.concat([Buffer.from([0x0a, ...varint(p.length)]), p]);
}

/** An ExecuteRequest {request_id, get}; without `get` it names no operation. */
function executeRequest(requestId: number, get?: Buffer): Buffer {
  const id = Buffer.from([0x08, ...varint(requestId)]);
  if (!get) return id;
  return Buffer.concat([id, Buffer.from([0x2a, ...varint(get.length)]), get]);
}

/**
 * Writes messages from `request(n)` to a bidi stream of `method` over raw HTTP/2 (our writes
 * complete only as the server reads them; grpc-js would buffer its client's writes without
 * bound) and never reads the answers, until writes stall for 5 s (long enough for a loaded
 * machine's pauses); returns how many were taken.
 * Fails if 1,000,000 messages go through: the server never stopped reading.
 */
async function floodUntilStalled(method: string, request: (n: number) => Buffer): Promise<number> {
  const session = http2.connect(`http://${cluster.member(1).address}`);
  const stream = session.request({
    ':method': 'POST',
    ':path': `/tributary.coord.v1.CoordinationService/${method}`,
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.on('error', () => undefined);
  stream.pause();
  let sent = 0;
  try {
    while (sent < 1_000_000) {
      const batch: Buffer[] = [];
      for (let k = 0; k < 1000; k++) batch.push(grpcFrame(request(++sent)));
      if (!stream.write(Buffer.concat(batch)) && !(await drained(stream, 5000))) return sent;
    }
    throw new Error(`the server read all ${sent} messages of a client that reads no answers`);
  } finally {
    stream.close();
    session.destroy();
  }
}

type Answer = { request_id: number; response: string; status_details?: Buffer } & Record<
  string,
  any
>;

/** An Execute stream that reads its answers into `answers`. */
function readingStream(client: CoordinationServiceClient = coord()) {
  const stream = client.Execute();
  const answers: Answer[] = [];
  stream.on('data', (a: Answer) => answers.push(a));
  stream.on('error', () => undefined);
  const reasonOf = (a: Answer) => decodeStatusDetails(a.status_details!)!.errorInfo?.reason;
  return { stream, answers, reasonOf };
}

async function openSession(): Promise<number> {
  const r = await call<any>(coord(), 'OpenSession', { ttl_ms: 60_000 });
  return r.session_id;
}

async function queueOf(name: string): Promise<string[]> {
  const r = await call<any>(coord(), 'List', { path: name });
  return r.children;
}

async function lockNode(name: string): Promise<void> {
  await call(coord(), 'Create', { path: name, data: Buffer.alloc(0) });
}

describe('Execute', () => {
  it('keeps memory bounded under 600 pipelined Gets of a 1 MiB node from a client that never reads', async () => {
    await call(coord(), 'Create', { path: '/big', data: Buffer.alloc(MiB, 7) });
    await call(coord(), 'Get', { path: '/big' });
    const before = rssBytes();
    // No 'data' listener: grpc-js never reads, so HTTP/2 flow control stops the server's sends.
    const stream = freshClient().Execute();
    stream.on('error', () => undefined);
    for (let id = 1; id <= 600; id++) stream.write({ request_id: id, get: { path: '/big' } });
    const peak = await peakRssUntilStable();
    const growthMiB = (peak - before) / MiB;
    console.log(
      `RSS before ${(before / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB (+${growthMiB.toFixed(0)} MiB)`,
    );
    expect(growthMiB).toBeLessThan(100);
    // The member still serves others.
    expect((await call<any>(coord(), 'Get', { path: '/big' })).data.length).toBe(MiB);
    stream.cancel();
  });

  // A server that respects write back-pressure and counts every request (malformed ones too)
  // stops reading once its bound of unanswered requests is reached.
  it.each([
    ['malformed requests (no operation)', (id: number) => executeRequest(id)],
    ['Gets', (id: number) => executeRequest(id, getRequest('/'))],
  ])('stops reading %s from a client that never reads its answers', async (what, request) => {
    const sent = await floodUntilStalled('Execute', request);
    console.log(`${what}: ${sent} taken before the stream stalled`);
    expect(sent).toBeGreaterThan(4096);
    expect(sent).toBeLessThan(100_000);
  });

  it('answers a malformed request with INVALID_ARGUMENT / MALFORMED_REQUEST', async () => {
    const { stream, answers, reasonOf } = readingStream();
    stream.write({ request_id: 3 });
    await eventually(() => answers.length === 1, 10_000, 'the answer');
    expect(answers[0]!.request_id).toBe(3);
    expect(reasonOf(answers[0]!)).toBe('MALFORMED_REQUEST');
    expect(decodeStatusDetails(answers[0]!.status_details!)!.code).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    stream.end();
  });

  it('refuses a duplicate in-flight request_id with INVALID_ARGUMENT / DUPLICATE_REQUEST_ID', async () => {
    await lockNode('/locks/dup');
    const holder = await openSession();
    const waiter = await openSession();
    const held = await call<any>(coord(), 'Lock', { name: '/locks/dup', session_id: holder });
    const { stream, answers, reasonOf } = readingStream();
    // Request 7 waits for the lock: it stays in flight.
    stream.write({
      request_id: 7,
      lock: { name: '/locks/dup', session_id: waiter, wait_ms: 60_000 },
    });
    await eventually(async () => (await queueOf('/locks/dup')).length === 2, 10_000, 'queued');
    stream.write({ request_id: 7, get: { path: '/' } });
    await eventually(() => answers.length === 1, 10_000, 'the refusal');
    expect(answers[0]).toMatchObject({ request_id: 7, response: 'status_details' });
    expect(reasonOf(answers[0]!)).toBe('DUPLICATE_REQUEST_ID');
    const status = decodeStatusDetails(answers[0]!.status_details!)!;
    expect(status.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(status.message).toMatch(/request_id 7/);

    // The original request is unaffected, and once answered its id may be used again.
    await call(coord(), 'Unlock', { key: held.key });
    await eventually(() => answers.length === 2, 10_000, 'the lock grant');
    expect(answers[1]).toMatchObject({ request_id: 7, response: 'lock' });
    expect(answers[1]!.lock.fencing_token).toBeGreaterThan(held.fencing_token);
    stream.write({ request_id: 7, get: { path: '/' } });
    await eventually(() => answers.length === 3, 10_000, 'the reused id');
    expect(answers[2]).toMatchObject({ request_id: 7, response: 'get' });
    stream.end();
  });
});

describe('sessions per client connection', () => {
  it('KeepAlive stops reading from a client that never reads its answers', async () => {
    const sessionId = await openSession();
    const sent = await floodUntilStalled('KeepAlive', () =>
      Buffer.from([0x08, ...varint(sessionId)]),
    );
    console.log(`KeepAlives: ${sent} taken before the stream stalled`);
    expect(sent).toBeLessThan(100_000);
  });

  it(`opens ${SESSIONS_PER_CONNECTION_MAX} on one connection, then RESOURCE_EXHAUSTED with RetryInfo`, async () => {
    const client = freshClient();
    const { stream, answers, reasonOf } = readingStream(client);
    for (let id = 1; id <= SESSIONS_PER_CONNECTION_MAX + 1; id++)
      stream.write({ request_id: id, open_session: { ttl_ms: 600_000 } });
    await eventually(
      () => answers.length === SESSIONS_PER_CONNECTION_MAX + 1,
      60_000,
      'every answer',
    );
    const opened = answers.filter((a) => a.response === 'open_session');
    const refused = answers.filter((a) => a.response === 'status_details');
    expect(opened).toHaveLength(SESSIONS_PER_CONNECTION_MAX);
    expect(refused).toHaveLength(1);
    expect(reasonOf(refused[0]!)).toBe('TOO_MANY_SESSIONS');
    const status = decodeStatusDetails(refused[0]!.status_details!)!;
    expect(status.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(status.retryDelayMs).toBeGreaterThan(0);

    // The unary RPC on the same connection is refused too.
    const error = await call(client, 'OpenSession', { ttl_ms: 60_000 }).catch((e) => e);
    expect(readError(error)).toMatchObject({
      code: grpc.status.RESOURCE_EXHAUSTED,
      reason: 'TOO_MANY_SESSIONS',
      retriable: true,
    });
    expect(readError(error).retryDelayMs).toBeGreaterThan(0);

    // Another connection is not affected; closing a session frees a slot on this one.
    await call(freshClient(), 'OpenSession', { ttl_ms: 60_000 });
    await call(client, 'CloseSession', { session_id: opened[0]!.open_session.session_id });
    const again = await call<any>(client, 'OpenSession', { ttl_ms: 60_000 });
    expect(again.session_id).toBeGreaterThan(0);
    stream.end();
  });
});

describe('a Lock wait that is abandoned removes its queue key', () => {
  /** A holder on `name`, and a second session that will queue behind it. */
  async function contended(name: string) {
    await lockNode(name);
    const holder = await openSession();
    const waiter = await openSession();
    const held = await call<any>(coord(), 'Lock', { name, session_id: holder });
    return { held, waiter };
  }

  /** The retry by the same session queues, and gets the lock once the holder releases. */
  async function retryGetsTheLock(name: string, waiter: number, held: { key: string }) {
    const retry = call<any>(coord(), 'Lock', { name, session_id: waiter, wait_ms: 30_000 }, 40_000);
    await eventually(async () => (await queueOf(name)).length === 2, 10_000, 'the retry queued');
    const [, retryKey] = await queueOf(name);
    await call(coord(), 'Unlock', { key: held.key });
    const got = await retry;
    expect(got.key).toBe(`${name}/${retryKey}`);
  }

  it('when its unary call is cancelled; a retry by the same session gets the lock', async () => {
    const { held, waiter } = await contended('/locks/cancelled');
    const client = freshClient();
    const pending = client.Lock(
      { name: '/locks/cancelled', session_id: waiter, wait_ms: 0 },
      { deadline: Date.now() + 60_000 },
      () => undefined,
    );
    await eventually(
      async () => (await queueOf('/locks/cancelled')).length === 2,
      10_000,
      'the waiter queued',
    );
    pending.cancel();
    await eventually(
      async () => (await queueOf('/locks/cancelled')).length === 1,
      10_000,
      "the cancelled waiter's key removed",
    );
    await retryGetsTheLock('/locks/cancelled', waiter, held);
  });

  it('when its wait_ms passes (LOCK_TIMEOUT)', async () => {
    const { held, waiter } = await contended('/locks/wait-ms');
    const error = await call(coord(), 'Lock', {
      name: '/locks/wait-ms',
      session_id: waiter,
      wait_ms: 300,
    }).catch((e) => e);
    expect(readError(error)).toMatchObject({
      code: grpc.status.DEADLINE_EXCEEDED,
      reason: 'LOCK_TIMEOUT',
    });
    expect(await queueOf('/locks/wait-ms')).toHaveLength(1);
    await retryGetsTheLock('/locks/wait-ms', waiter, held);
  });

  it('when its gRPC deadline passes before wait_ms', async () => {
    const { held, waiter } = await contended('/locks/deadline');
    const error = await call(
      coord(),
      'Lock',
      { name: '/locks/deadline', session_id: waiter, wait_ms: 60_000 },
      1000,
    ).catch((e) => e);
    expect(readError(error).code).toBe(grpc.status.DEADLINE_EXCEEDED);
    await eventually(
      async () => (await queueOf('/locks/deadline')).length === 1,
      10_000,
      "the timed-out waiter's key removed",
    );
    await retryGetsTheLock('/locks/deadline', waiter, held);
  });

  it('when the Execute stream that carried it breaks', async () => {
    const { held, waiter } = await contended('/locks/stream');
    const { stream } = readingStream(freshClient());
    stream.write({ request_id: 1, lock: { name: '/locks/stream', session_id: waiter } });
    await eventually(
      async () => (await queueOf('/locks/stream')).length === 2,
      10_000,
      'the waiter queued',
    );
    stream.cancel();
    await eventually(
      async () => (await queueOf('/locks/stream')).length === 1,
      10_000,
      "the broken stream's key removed",
    );
    await retryGetsTheLock('/locks/stream', waiter, held);
  });
});

it('grants a lock in FIFO order to waiters that had really queued', async () => {
  await lockNode('/locks/fifo');
  const [a, b, c] = [await openSession(), await openSession(), await openSession()];
  const first = await call<any>(coord(), 'Lock', { name: '/locks/fifo', session_id: a });
  const second = call<any>(coord(), 'Lock', { name: '/locks/fifo', session_id: b }, 30_000);
  await eventually(async () => (await queueOf('/locks/fifo')).length === 2, 10_000, 'b queued');
  const third = call<any>(coord(), 'Lock', { name: '/locks/fifo', session_id: c }, 30_000);
  await eventually(async () => (await queueOf('/locks/fifo')).length === 3, 10_000, 'c queued');
  const queue = await queueOf('/locks/fifo');
  expect(`/locks/fifo/${queue[0]}`).toBe(first.key);

  await call(coord(), 'Unlock', { key: first.key });
  const gotB = await second;
  expect(gotB.key).toBe(`/locks/fifo/${queue[1]}`);
  expect(gotB.fencing_token).toBeGreaterThan(first.fencing_token);
  await call(coord(), 'Unlock', { key: gotB.key });
  const gotC = await third;
  expect(gotC.key).toBe(`/locks/fifo/${queue[2]}`);
  expect(gotC.fencing_token).toBeGreaterThan(gotB.fencing_token);
});

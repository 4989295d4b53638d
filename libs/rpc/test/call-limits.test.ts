// How long a call may hold a server (call-limits.ts), through real loopback calls from a plain
// client: a unary call past --max-call-ms is ended, a client stream idle past --stream-idle-ms
// is reaped, and nothing that is still being worked on, or meant to last, is touched.
import * as grpc from '@grpc/grpc-js';
import { contract, createServer, readError, type TributaryServer } from '../src';
import { plainCoordinationClient } from './plain-client';

const MAX_CALL_MS = 300;
const IDLE_MS = 300;
/** Get with this path is never answered; an Execute `get` of it is answered after SLOW_MS. */
const HANG = '/hang';
const SLOW_MS = 3 * IDLE_MS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('call limits', () => {
  let server: TributaryServer;
  let address: string;
  /** Method names whose handler saw its call cancelled. */
  const cancelled: string[] = [];

  beforeAll(async () => {
    server = createServer({ maxCallMs: MAX_CALL_MS, streamIdleMs: IDLE_MS });
    const header = { node_id: 1 };
    const hang = (name: string) => (call: grpc.ServerUnaryCall<unknown, unknown>) =>
      call.on('cancelled', () => cancelled.push(name));
    server.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
      Get: (
        call: grpc.ServerUnaryCall<{ path: string }, unknown>,
        cb: grpc.sendUnaryData<unknown>,
      ) =>
        call.request.path === HANG
          ? hang('Get')(call)
          : cb(null, { header, data: Buffer.from('x') }),
      Lock: hang('Lock'),
      Watch: hang('Watch'),
      Execute: (call: grpc.ServerDuplexStream<any, unknown>) => {
        call.on('cancelled', () => cancelled.push('Execute'));
        call.on('data', (request: { request_id: string; get?: { path: string } }) => {
          const answer = () => call.write({ header, request_id: request.request_id, get: {} });
          if (request.get?.path === HANG) setTimeout(answer, SLOW_MS);
          else answer();
        });
        call.on('end', () => setTimeout(() => call.end(), SLOW_MS));
      },
    } as unknown as grpc.UntypedServiceImplementation);
    address = await server.listen('127.0.0.1:0');
  });

  afterAll(() => server.drain(1000));

  const client = () => plainCoordinationClient(address);

  function unary(method: string, request: object, options: grpc.CallOptions = {}) {
    const c = client();
    const started = Date.now();
    let call: grpc.ClientUnaryCall | undefined;
    const done = new Promise<{ error: grpc.ServiceError | null; ms: number }>((resolve) => {
      call = c[method]!(request, options, (error: grpc.ServiceError | null) => {
        c.close();
        resolve({ error, ms: Date.now() - started });
      });
    });
    return { done, cancel: () => call!.cancel() };
  }

  function execute() {
    const c = client();
    const stream = c['Execute']!() as grpc.ClientDuplexStream<object, { request_id: string }>;
    const answers: string[] = [];
    const started = Date.now();
    stream.on('data', (r) => answers.push(String(r.request_id)));
    type Ended = { error: grpc.ServiceError | null; ms: number; at: number };
    const ended = new Promise<Ended>((resolve) => {
      const end = (error: grpc.ServiceError | null) =>
        resolve({ error, ms: Date.now() - started, at: Date.now() });
      stream.on('error', end);
      stream.on('status', (s: grpc.StatusObject) => {
        if (s.code === grpc.status.OK) end(null);
      });
    });
    void ended.then(() => c.close());
    return { stream, answers, ended };
  }

  it('ends a unary call that came without a deadline at --max-call-ms, and its handler hears so', async () => {
    const { error, ms } = await unary('Get', { path: HANG }).done;
    expect(error?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    const info = readError(error);
    expect(info.reason).toBe('CALL_TOO_LONG');
    expect(info.message).toMatch(/300 ms.*--max-call-ms.*deadline below it/);
    expect(ms).toBeGreaterThanOrEqual(MAX_CALL_MS - 20);
    expect(ms).toBeLessThan(MAX_CALL_MS + 1_000);
    await sleep(50);
    expect(cancelled).toContain('Get');
  });

  it('clamps a deadline later than --max-call-ms, and leaves an earlier one to grpc-js', async () => {
    const late = await unary('Get', { path: HANG }, { deadline: Date.now() + 60_000 }).done;
    expect(readError(late.error).reason).toBe('CALL_TOO_LONG');
    const early = await unary('Get', { path: HANG }, { deadline: Date.now() + 100 }).done;
    expect(early.error?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    // grpc-js's own deadline ended it: no CALL_TOO_LONG reason.
    expect(readError(early.error).reason).toBeUndefined();
  });

  it('answers a quick unary call as ever', async () => {
    expect((await unary('Get', { path: '/a' }).done).error).toBeNull();
  });

  it('leaves a Lock wait (bounded by its session) and a Watch (meant to last) alone', async () => {
    const lock = unary('Lock', { name: '/l', session_id: 1 });
    const watch = client()['Watch']!({ path: '/' }) as grpc.ClientReadableStream<unknown>;
    const watchEnded = new Promise<grpc.ServiceError>((resolve) => watch.on('error', resolve));
    let lockEnded = false;
    void lock.done.then(() => (lockEnded = true));
    await sleep(3 * Math.max(MAX_CALL_MS, IDLE_MS));
    expect(lockEnded).toBe(false);
    lock.cancel();
    watch.cancel();
    expect((await lock.done).error?.code).toBe(grpc.status.CANCELLED);
    expect((await watchEnded).code).toBe(grpc.status.CANCELLED);
  });

  it('reaps a stream the client opened and never wrote to, UNAVAILABLE and retriable', async () => {
    const before = cancelled.filter((m) => m === 'Execute').length;
    const { error, ms } = await execute().ended;
    expect(error?.code).toBe(grpc.status.UNAVAILABLE);
    const info = readError(error);
    expect(info.reason).toBe('STREAM_IDLE');
    expect(info.retriable).toBe(true);
    expect(info.message).toMatch(/--stream-idle-ms.*open a new one/);
    expect(ms).toBeGreaterThanOrEqual(IDLE_MS - 20);
    await sleep(50);
    expect(cancelled.filter((m) => m === 'Execute').length).toBe(before + 1);
  });

  it('keeps a stream alive while requests move, and reaps it once they stop', async () => {
    const { stream, answers, ended } = execute();
    let lastWrite = 0;
    for (let i = 1; i <= 10; i++) {
      stream.write({ request_id: i, get: { path: '/a' } });
      lastWrite = Date.now();
      await sleep(IDLE_MS / 3);
    }
    expect(answers).toHaveLength(10);
    const { error, ms, at } = await ended;
    expect(readError(error).reason).toBe('STREAM_IDLE');
    // Ten requests a third of the limit apart kept it open well past one limit; the reaper
    // counts from the last of them (the timer's granularity allows a little slack).
    expect(ms).toBeGreaterThan(3 * IDLE_MS);
    expect(at - lastWrite).toBeGreaterThanOrEqual(IDLE_MS - 50);
  });

  it('never reaps a stream while the server owes an answer', async () => {
    const { stream, answers, ended } = execute();
    stream.write({ request_id: 7, get: { path: HANG } });
    const { error, ms } = await ended;
    expect(answers).toEqual(['7']);
    expect(readError(error).reason).toBe('STREAM_IDLE');
    expect(ms).toBeGreaterThanOrEqual(SLOW_MS + IDLE_MS - 50);
  });

  it('never reaps a stream the client half-closed', async () => {
    const { stream, ended } = execute();
    stream.write({ request_id: 1, get: { path: '/a' } });
    stream.end();
    const { error, ms } = await ended;
    expect(error).toBeNull();
    expect(ms).toBeGreaterThanOrEqual(SLOW_MS - 50);
  });
});

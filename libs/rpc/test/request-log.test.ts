// Request ids on a real loopback server: the client's x-request-id (or a fresh one) comes back
// in the response headers, and a call the server failed is logged with it, its method, status
// and duration — the handler's own error line too.
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import { contract, createServer, unary, REQUEST_ID_HEADER, type TributaryServer } from '../src';
import { plainCoordinationClient } from './plain-client';

let server: TributaryServer;
let address: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  server = createServer({}, undefined, log);
  server.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
    Get: unary(async () => {
      throw new Error('a bug');
    }, log),
    Set: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { stat: { version: 1 } }),
  } as unknown as grpc.UntypedServiceImplementation);
  address = await server.listen('127.0.0.1:0');
});
afterAll(() => server.drain(1000));

function call(method: 'Get' | 'Set', id?: string) {
  const client = plainCoordinationClient(address);
  const metadata = new grpc.Metadata();
  if (id) metadata.set(REQUEST_ID_HEADER, id);
  return new Promise<{ error: grpc.ServiceError | null; id: unknown }>((resolve) => {
    let headerId: unknown;
    const c = client[method]!({ path: '/a' }, metadata, (error: grpc.ServiceError | null) => {
      client.close();
      resolve({ error, id: headerId });
    }) as grpc.ClientUnaryCall;
    c.on('metadata', (m: grpc.Metadata) => (headerId = m.get(REQUEST_ID_HEADER)[0]));
  });
}

it('returns the client’s request id, or a fresh one', async () => {
  expect((await call('Set', 'client-id-1')).id).toBe('client-id-1');
  const fresh = await call('Set');
  expect(fresh.id).toMatch(/^[0-9a-f]{16}$/);
  // An id that is not a sane token is replaced, not echoed into logs.
  expect((await call('Set', 'x'.repeat(65))).id).toMatch(/^[0-9a-f]{16}$/);
});

it('logs a call the server failed with its request id, method and status', async () => {
  const { error } = await call('Get', 'trace-42');
  expect(error?.code).toBe(grpc.status.INTERNAL);
  await new Promise((r) => setTimeout(r, 50));
  const mine = lines.filter((l) => l['request_id'] === 'trace-42');
  expect(mine.map((l) => l['msg'])).toEqual([
    'unexpected error in a request handler',
    expect.stringMatching(
      /^\/tributary\.coord\.v1\.CoordinationService\/Get failed: internal error: a bug/,
    ),
  ]);
  expect(mine[1]).toMatchObject({ level: 40, code: 'INTERNAL', ms: expect.any(Number) });
});

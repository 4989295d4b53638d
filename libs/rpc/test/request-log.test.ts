// Request ids on a real loopback server: the client's x-request-id (or a fresh one) comes back
// in the response headers, and a call the server failed is logged with it, its method, status
// and duration — the handler's own error line too — and, on a TLS server, with its principal.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import pino from 'pino';
import {
  clientChannelCredentials,
  contract,
  createDevCa,
  createDevLeaf,
  createServer,
  unary,
  REQUEST_ID_HEADER,
  type TributaryServer,
} from '../src';
import { plainCoordinationClient } from './plain-client';

let server: TributaryServer;
let address: string;
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const log = pino({ level: 'debug' }, sink);

async function start(tls?: Parameters<typeof createServer>[1]): Promise<[TributaryServer, string]> {
  const s = createServer({}, tls, log);
  s.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
    Get: unary(async () => {
      throw new Error('a bug');
    }, log),
    Set: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, { stat: { version: 1 } }),
  } as unknown as grpc.UntypedServiceImplementation);
  return [s, await s.listen('127.0.0.1:0')];
}

beforeAll(async () => {
  [server, address] = await start();
});
afterAll(() => server.drain(1000));

function call(
  method: 'Get' | 'Set',
  id?: string,
  client = plainCoordinationClient(address),
  authorization?: string,
) {
  const metadata = new grpc.Metadata();
  if (id) metadata.set(REQUEST_ID_HEADER, id);
  if (authorization) metadata.set('authorization', authorization);
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

describe('on a TLS server', () => {
  let dir: string;
  let secure: TributaryServer;
  let secureAddress: string;
  let pem: (name: string) => Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-request-log-'));
    const ca = createDevCa(dir);
    const member = createDevLeaf(dir, ca, { name: 'member', cn: 'tributary-member' });
    createDevLeaf(dir, ca, { name: 'alice', cn: 'alice' });
    pem = (name) => fs.readFileSync(path.join(dir, name));
    [secure, secureAddress] = await start({ cert: member.cert, key: member.key, ca: ca.cert });
  });
  afterAll(async () => {
    await secure.drain(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const alice = () => {
    const Ctor = contract().tributary.coord.v1.CoordinationService;
    const creds = clientChannelCredentials({
      ca: pem('ca.crt'),
      cert: pem('alice.crt'),
      key: pem('alice.key'),
    });
    return new Ctor(secureAddress, creds) as unknown as ReturnType<typeof plainCoordinationClient>;
  };

  it('names the authenticated principal; a call refused before it had one names none', async () => {
    expect((await call('Get', 'as-alice', alice())).error?.code).toBe(grpc.status.INTERNAL);
    expect((await call('Get', 'as-nobody', alice(), 'Bearer guess')).error?.code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    await new Promise((r) => setTimeout(r, 50));
    const ended = (id: string) => lines.find((l) => l['request_id'] === id && 'code' in l);
    expect(ended('as-alice')).toMatchObject({ code: 'INTERNAL', principal: 'alice' });
    expect(ended('as-nobody')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended('as-nobody')).not.toHaveProperty('principal');
  });
});

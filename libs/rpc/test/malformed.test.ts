// refuseMalformed over real loopback calls: bytes that are not the request message (here a
// string whose length runs past the end, which protobufjs's Buffer reader would cut short and
// accept) are refused as INVALID_ARGUMENT / MALFORMED_REQUEST before any handler runs, unary
// and server-streaming alike, each refusal reported to onMalformed with its method's name, and
// well-formed requests still reach the handler.
import * as grpc from '@grpc/grpc-js';
import {
  contract,
  createServer,
  readError,
  refuseMalformed,
  statusText,
  tributaryError,
  type TributaryServer,
} from '../src';

let server: TributaryServer;
let client: grpc.Client;
const handled: string[] = [];
const refused: string[] = [];
const identity = (b: Buffer) => b;
// Field 1 (path, a string) with a length far past the end of the message.
const GARBAGE = Buffer.from([0x0a, 0x7f, 0x61]);

beforeAll(async () => {
  server = createServer({ maxMessageBytes: 1 << 20 });
  const v1 = contract().tributary.coord.v1;
  const guarded = refuseMalformed(
    v1.CoordinationService.service,
    {
      Get: (call: grpc.ServerUnaryCall<any, unknown>, cb: grpc.sendUnaryData<unknown>) => {
        handled.push(`Get ${call.request.path}`);
        cb(null, {});
      },
      Watch: (call: grpc.ServerWritableStream<any, unknown>) => {
        handled.push(`Watch ${call.request.path}`);
        call.end();
      },
    } as unknown as grpc.UntypedServiceImplementation,
    [],
    (method) => refused.push(method),
  );
  server.grpc.addService(guarded.service, guarded.impl);
  client = new grpc.Client(await server.listen('127.0.0.1:0'), grpc.credentials.createInsecure());
});
afterAll(async () => {
  client.close();
  await server.drain(1000);
});

const unary = (method: string, body: Buffer) =>
  new Promise<grpc.ServiceError | null>((resolve) =>
    client.makeUnaryRequest(
      `/tributary.coord.v1.CoordinationService/${method}`,
      identity,
      identity,
      body,
      (error) => resolve(error),
    ),
  );

const serverStream = (method: string, body: Buffer) =>
  new Promise<grpc.ServiceError | null>((resolve) => {
    const call = client.makeServerStreamRequest(
      `/tributary.coord.v1.CoordinationService/${method}`,
      identity,
      identity,
      body,
    );
    call.on('data', () => undefined);
    call.on('error', (error: grpc.ServiceError) => resolve(error));
    call.on('status', (s: grpc.StatusObject) => s.code === grpc.status.OK && resolve(null));
  });

it('refuses undecodable unary and server-streaming requests before the handler', async () => {
  for (const error of [await unary('Get', GARBAGE), await serverStream('Watch', GARBAGE)]) {
    expect(readError(error)).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      reason: 'MALFORMED_REQUEST',
    });
    expect(readError(error).message).toMatch(/request is not a valid protobuf message/);
  }
  expect(handled).toEqual([]);
  expect(refused).toEqual(['Get', 'Watch']);
});

it('passes well-formed requests to the handler', async () => {
  const path = Buffer.from([0x0a, 0x02, 0x2f, 0x61]); // path "/a"
  expect(await unary('Get', path)).toBeNull();
  expect(await serverStream('Watch', path)).toBeNull();
  expect(handled).toEqual(['Get /a', 'Watch /a']);
  expect(refused).toEqual(['Get', 'Watch']); // no more refusals
});

it('answers with a status whose message echoes a lone surrogate, and goes on serving', async () => {
  // grpc-js percent-encodes status messages and throws on ill-formed UTF-16, outside any
  // handler: before statusText, this request ended the server's process.
  const v1 = contract().tributary.coord.v1;
  const echo = createServer({ maxMessageBytes: 1 << 20 });
  echo.grpc.addService(v1.CoordinationService.service, {
    Get: (call: grpc.ServerUnaryCall<any, unknown>, cb: grpc.sendUnaryData<unknown>) =>
      cb(tributaryError('NO_NODE', `no node ${call.request.path}`)),
  } as unknown as grpc.UntypedServiceImplementation);
  const c = new grpc.Client(await echo.listen('127.0.0.1:0'), grpc.credentials.createInsecure());
  try {
    // path "/\uD800" (a lone high surrogate) as protobufjs writes it: UTF-8 of U+FFFD would be
    // replaced; the string is built in JS, so encode it as the server will decode it.
    const path = Buffer.from([0x0a, 0x04, 0x2f, 0xed, 0xa0, 0x80]);
    for (let k = 0; k < 2; k++) {
      const error = await new Promise<grpc.ServiceError | null>((resolve) =>
        c.makeUnaryRequest(
          '/tributary.coord.v1.CoordinationService/Get',
          identity,
          identity,
          path,
          resolve,
        ),
      );
      expect(readError(error)).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'NO_NODE' });
    }
  } finally {
    c.close();
    await echo.drain(1000);
  }
});

it('cuts a long status message and makes it well-formed', () => {
  expect(statusText('a\uD800b')).toBe('a\uFFFDb');
  expect(statusText('\uDC00')).toBe('\uFFFD');
  expect(statusText('\uD83D\uDCA9')).toBe('\uD83D\uDCA9');
  const long = statusText('x'.repeat(10_000));
  expect(long.length).toBeLessThan(2_100);
  expect(long).toMatch(/… \(8000 more characters\)$/);
});

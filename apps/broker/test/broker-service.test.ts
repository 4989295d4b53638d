// BrokerService's stream handlers in process, over a real gRPC server with a scripted data
// plane: ProduceStream stops reading at its in-flight bound and resumes as answers go out,
// answers each partition in request order whatever order the appends finish in, turns a failed
// request (even an unexpected exception) into an error answer without ending the stream, refuses
// a duplicate request_id in flight, ends the stream MALFORMED_REQUEST on undecodable bytes, and
// stops reading a client that reads none of its answers.
import * as http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import {
  contract,
  allowAll,
  createClient,
  RateQuota,
  createServer,
  decodeStatusDetails,
  readError,
  silentLogger,
  tributaryError,
  refuseMalformed,
  type TributaryServer,
} from '@tributary/rpc';
import type { BrokerServiceClient } from '@tributary/rpc/src/generated/tributary/broker/v1/BrokerService';
import { drained, grpcFrame } from '@tributary/testkit';
import { BrokerMetrics } from '../src/broker-metrics';
import type { CoordinatorLink } from '../src/coordinators/coordinator-link';
import { MetadataCache } from '../src/coordinators/metadata-cache';
import { brokerHandlers } from '../src/services/broker-service';
import type { ReplicaSurface } from '../src/services/replica-surface';

const MAX_IN_FLIGHT = 8;

/** Produce calls the handler made, each settled by the test. */
interface Pending {
  partition: number;
  seq: number;
  resolve(offset: number): void;
  reject(error: unknown): void;
}
const pending: Pending[] = [];

let server: TributaryServer;
let client: BrokerServiceClient;
let address: string;

beforeAll(async () => {
  const cache = new MetadataCache();
  const link = { clusterId: 'test', cache } as unknown as CoordinatorLink;
  const replicas = {
    produce: (req) =>
      new Promise((resolve, reject) =>
        pending.push({
          partition: req.partition,
          seq: req.batch!.base_sequence,
          resolve: (offset) => resolve({ base_offset: offset, log_append_time_ms: 1 }),
          reject,
        }),
      ),
    leaderEpoch: () => 3,
  } as Partial<ReplicaSurface> as ReplicaSurface;
  server = createServer();
  // As broker.ts adds it: ProduceStream refuses undecodable messages itself.
  const guarded = refuseMalformed(
    contract().tributary.broker.v1.BrokerService.service,
    brokerHandlers({
      brokerId: 1,
      link,
      replicas,
      metrics: new BrokerMetrics(new Registry(), 1, cache),
      log: silentLogger(),
      produceStreamMaxInFlight: MAX_IN_FLIGHT,
      authorize: allowAll,
      quotas: {
        produce: new RateQuota('produce bytes', undefined, new Set()),
        fetch: new RateQuota('fetch bytes', undefined, new Set()),
      },
    }) as grpc.UntypedServiceImplementation,
    ['ProduceStream'],
  );
  server.grpc.addService(guarded.service, guarded.impl);
  address = await server.listen('127.0.0.1:0');
  client = createClient(contract().tributary.broker.v1.BrokerService, address);
});
afterAll(async () => {
  client.close();
  await server.drain(100);
});

const request = (id: number, partition: number) => ({
  request_id: id,
  produce: {
    topic: 't',
    partition,
    batch: { record_count: 1, base_sequence: id, records: Buffer.from('x') },
  },
});

const until = async (probe: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

it('stops reading at the in-flight bound, answers in order per partition, and survives errors', async () => {
  const stream = client.ProduceStream();
  const answers: any[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('data', (a: any) => answers.push(a));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const total = 40;
  for (let id = 1; id <= total; id++) stream.write(request(id, id % 2));
  stream.end();

  await until(() => pending.length === MAX_IN_FLIGHT, 'the first window of produce calls');
  await new Promise((r) => setTimeout(r, 200));
  expect(pending.length).toBe(MAX_IN_FLIGHT); // no more read while at the bound

  // Settle the window newest first, with one failure and one unexpected exception.
  let settled = 0;
  while (settled < total) {
    await until(() => pending.length > 0, 'more produce calls');
    const batch = pending.splice(0).reverse();
    for (const p of batch) {
      if (p.seq === 5) p.reject(tributaryError('OUT_OF_ORDER_SEQUENCE', 'gap'));
      else if (p.seq === 6) p.reject(new Error('boom'));
      else p.resolve(p.seq * 10);
    }
    settled += batch.length;
  }
  await ended;

  expect(answers).toHaveLength(total);
  for (const partition of [0, 1]) {
    const ids = answers.map((a) => Number(a.request_id)).filter((id) => id % 2 === partition);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  }
  const byId = new Map(answers.map((a) => [Number(a.request_id), a]));
  expect(decodeStatusDetails(byId.get(5).status_details)?.errorInfo?.reason).toBe(
    'OUT_OF_ORDER_SEQUENCE',
  );
  expect(decodeStatusDetails(byId.get(6).status_details)?.errorInfo?.reason).toBe('INTERNAL');
  expect(Number(byId.get(7).produce.base_offset)).toBe(70);
  expect(byId.get(7).header).toMatchObject({ cluster_id: 'test', node_id: 1, term: 3 });
});

it('stops reading from a client that reads none of its answers, however fast produce is', async () => {
  // Raw HTTP/2, not grpc-js: a grpc-js client takes in answers even without a 'data' listener.
  // This one never reads, so its receive window fills and the server's writes stop completing.
  const session = http2.connect(`http://${address}`);
  const stream = session.request({
    ':method': 'POST',
    ':path': '/tributary.broker.v1.BrokerService/ProduceStream',
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.on('error', () => undefined);
  stream.pause();
  const serialize = contract().tributary.broker.v1.BrokerService.service.ProduceStream
    .requestSerialize as (r: object) => Buffer;
  let produced = 0;
  const settle = setInterval(() => {
    for (const p of pending.splice(0)) {
      produced++;
      p.resolve(p.seq);
    }
  }, 5);
  const total = 100_000;
  try {
    let sent = 0;
    while (sent < total) {
      const frames: Buffer[] = [];
      for (let k = 0; k < 1000; k++) frames.push(grpcFrame(serialize(request(++sent, sent % 2))));
      if (!stream.write(Buffer.concat(frames)) && !(await drained(stream, 3000))) break;
    }
    expect(produced).toBeLessThan(total / 4);
  } finally {
    clearInterval(settle);
    stream.close();
    session.destroy();
  }
});

it('refuses a request_id already in flight with an error answer', async () => {
  const stream = client.ProduceStream();
  const answers: any[] = [];
  stream.on('data', (a: any) => answers.push(a));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  stream.write(request(1, 0));
  stream.write(request(1, 0));
  await until(() => answers.length === 1, 'the duplicate answer');
  expect(decodeStatusDetails(answers[0].status_details)?.errorInfo?.reason).toBe(
    'DUPLICATE_REQUEST_ID',
  );
  await until(() => pending.length === 1, 'the first request');
  pending.splice(0)[0]!.resolve(0);
  stream.end();
  await ended;
  expect(answers).toHaveLength(2);
});

it('ends a stream MALFORMED_REQUEST on bytes that are not a ProduceStreamRequest', async () => {
  const raw = new grpc.Client(address, grpc.credentials.createInsecure());
  const identity = (b: Buffer) => b;
  const stream = raw.makeBidiStreamRequest(
    '/tributary.broker.v1.BrokerService/ProduceStream',
    identity,
    identity,
  );
  const error = await new Promise<ReturnType<typeof readError>>((resolve) => {
    stream.on('error', (e) => resolve(readError(e)));
    stream.on('data', () => undefined);
    stream.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
  });
  raw.close();
  expect([error.code, error.reason]).toEqual([grpc.status.INVALID_ARGUMENT, 'MALFORMED_REQUEST']);
});

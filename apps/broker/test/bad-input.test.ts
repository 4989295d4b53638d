// The bad-input table against real processes (1 coordinator, 2 `trib broker`): each malformed,
// oversize, misaddressed or out-of-range request gets its own clear status and reason, nothing
// of it reaches the log, and the broker keeps serving.
import { status as Code } from '@grpc/grpc-js';
import { buildBatch, crc32c, readError } from '@tributary/rpc';
import type { RecordBatch__Output } from '@tributary/rpc';
import { BrokerCluster, CoordinatorCluster, call, eventually } from '@tributary/testkit';

jest.setTimeout(180_000);

const TOPIC = 'bad-input';
let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let leader: number;
let follower: number;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 2 });
  await call(brokers.client(1), 'CreateTopic', {
    name: TOPIC,
    partitions: 1,
    replication_factor: 2,
    configs: { 'max.message.bytes': '4096' },
  });
  await eventually(
    async () => {
      const r = await call<{ topics: { partitions: { leader: number }[] }[] }>(
        brokers.client(1),
        'Metadata',
        { topics: [TOPIC] },
      );
      leader = r.topics[0]?.partitions[0]?.leader ?? -1;
      return leader > 0;
    },
    30_000,
    'a leader',
  );
  follower = leader === 1 ? 2 : 1;
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const record = (bytes: number) => ({ value: Buffer.alloc(bytes, 7), timestampMs: Date.now() });
const good = () => buildBatch({ records: [record(10)] });

/** The gRPC code and reason a call failed with; throws if it succeeded. */
async function refusal(to: number, method: string, request: object) {
  try {
    await call(brokers.client(to), method, request, 10_000);
  } catch (error) {
    const info = readError(error);
    return {
      code: (error as { code: number }).code,
      reason: info.reason,
      metadata: info.metadata,
      message: (error as Error).message,
    };
  }
  throw new Error(`${method} ${JSON.stringify(request).slice(0, 200)} succeeded`);
}

const produce = (batch: RecordBatch__Output, extra: object = {}) => ({
  topic: TOPIC,
  partition: 0,
  acks: 'ACKS_ALL',
  batch,
  ...extra,
});

async function latest(): Promise<number> {
  const r = await call<{ offset: number }>(brokers.client(leader), 'ListOffsets', {
    topic: TOPIC,
    partition: 0,
    spec: 'OFFSET_SPEC_LATEST',
  });
  return r.offset;
}

it('refuses each bad request with its own status, writes none of them, and keeps serving', async () => {
  const before = await latest();
  const cases: Array<
    [string, () => Promise<{ method: string; request: object; to?: number }>, number, string]
  > = [
    [
      'unknown topic',
      async () => ({
        method: 'Produce',
        request: { ...produce(await good()), topic: 'no-such-topic' },
      }),
      Code.NOT_FOUND,
      'UNKNOWN_TOPIC',
    ],
    [
      'unknown partition',
      async () => ({ method: 'Produce', request: produce(await good(), { partition: 7 }) }),
      Code.NOT_FOUND,
      'UNKNOWN_PARTITION',
    ],
    [
      'batch over max.message.bytes',
      async () => ({
        method: 'Produce',
        request: produce(await buildBatch({ records: [record(8_000)] })),
      }),
      Code.RESOURCE_EXHAUSTED,
      'MESSAGE_TOO_LARGE',
    ],
    [
      'bad CRC',
      async () => ({ method: 'Produce', request: produce({ ...(await good()), crc32c: 12345 }) }),
      Code.DATA_LOSS,
      'CHECKSUM_MISMATCH',
    ],
    [
      'zero record count',
      async () => ({ method: 'Produce', request: produce({ ...(await good()), record_count: 0 }) }),
      Code.INVALID_ARGUMENT,
      'INVALID_ARGUMENT',
    ],
    [
      'max timestamp before first',
      async () => {
        const b = await good();
        return {
          method: 'Produce',
          request: produce({ ...b, max_timestamp_ms: b.first_timestamp_ms - 1 }),
        };
      },
      Code.INVALID_ARGUMENT,
      'INVALID_ARGUMENT',
    ],
    [
      'zstd payload that does not decompress',
      async () => {
        const junk = Buffer.from('definitely not a zstd frame');
        return {
          method: 'Produce',
          request: produce({
            ...(await good()),
            compression: 'COMPRESSION_ZSTD',
            records: junk,
            crc32c: crc32c(junk),
          }),
        };
      },
      Code.DATA_LOSS,
      'CORRUPT_RECORD',
    ],
    [
      'produce to a follower',
      async () => ({ method: 'Produce', request: produce(await good()), to: follower }),
      Code.FAILED_PRECONDITION,
      'NOT_LEADER',
    ],
    [
      'stale leader epoch',
      async () => ({ method: 'Produce', request: produce(await good(), { leader_epoch: -5 }) }),
      Code.FAILED_PRECONDITION,
      'FENCED',
    ],
    [
      'fetch past the log end',
      async () => ({ method: 'Fetch', request: { topic: TOPIC, partition: 0, offset: 1_000_000 } }),
      Code.OUT_OF_RANGE,
      'OFFSET_OUT_OF_RANGE',
    ],
    [
      'fetch a negative offset',
      async () => ({ method: 'Fetch', request: { topic: TOPIC, partition: 0, offset: -1 } }),
      Code.OUT_OF_RANGE,
      'OFFSET_OUT_OF_RANGE',
    ],
    [
      'fetch an unknown topic',
      async () => ({ method: 'Fetch', request: { topic: 'nope', partition: 0, offset: 0 } }),
      Code.NOT_FOUND,
      'UNKNOWN_TOPIC',
    ],
    [
      'invalid topic name',
      async () => ({ method: 'Fetch', request: { topic: 'bad/name', partition: 0, offset: 0 } }),
      Code.INVALID_ARGUMENT,
      'INVALID_NAME',
    ],
  ];
  const seen: string[] = [];
  for (const [what, make, code, reason] of cases) {
    const { method, request, to } = await make();
    const r = await refusal(to ?? leader, method, request);
    seen.push(`${what}: ${Code[r.code]} ${r.reason}`);
    expect(`${what}: ${Code[r.code]} ${r.reason}`).toBe(`${what}: ${Code[code]} ${reason}`);
    expect(r.message.length).toBeGreaterThan(10);
    if (reason === 'NOT_LEADER')
      expect(r.metadata?.['leader']).toBe(brokers.broker(leader).address);
  }
  // A request over the 16 MiB transport limit is refused before it is buffered whole.
  const huge = await buildBatch({ records: [record(17 << 20)] });
  const tooBig = await refusal(leader, 'Produce', produce(huge));
  expect(tooBig.code).toBe(Code.RESOURCE_EXHAUSTED);

  // Nothing of the above reached the log; good requests still work.
  expect(await latest()).toBe(before);
  const ok = await call<{ base_offset: number }>(
    brokers.client(leader),
    'Produce',
    produce(await good()),
  );
  expect(ok.base_offset).toBe(before);
  // max_bytes 0 means the server default: the batch comes back.
  const fetched = await call<{ batches: unknown[]; high_watermark: number }>(
    brokers.client(leader),
    'Fetch',
    { topic: TOPIC, partition: 0, offset: before, max_bytes: 0 },
  );
  expect(fetched.batches.length).toBe(1);
  expect(fetched.high_watermark).toBe(before + 1);
});

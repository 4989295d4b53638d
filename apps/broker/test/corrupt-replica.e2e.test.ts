// A bit flipped in (or the tail cut off) one stored batch of one replica, while its broker is
// down, through the corrupt-replica nemesis. 3 coordinators, 3 brokers, RF 3, acks=all. The
// damaged follower cuts its log at the batch when it starts (a warn line names partition and
// offset), fetches it again and rejoins the ISR; then the other two are killed so that it must
// lead, and every acknowledged record is read from it at its offset with its value; after the
// others return, every replica's log is the same, record by record. The damaged leader case:
// its batch moves to a healthy replica's leadership meanwhile, and it catches up the same way.
// Planted: with start-up verification off (TRIBUTARY_TEST_PLANT_SKIP_LOG_VERIFY=1) the damaged
// replica keeps its batch, and once it leads the same read fails on it (DATA_LOSS /
// CHECKSUM_MISMATCH): damage is never served, and the check sees the loss.
import * as path from 'node:path';
import { Admin, Producer, type RecordMetadata } from '@tributary/client';
import { LogStore, RocksStore, wireFromStored } from '@tributary/log-store';
import { Xoshiro128 } from '@tributary/raft';
import { decodeBatchRecords, readError } from '@tributary/rpc';
import {
  BrokerCluster,
  call,
  CoordinatorCluster,
  CorruptReplicaNemesis,
  eventually,
  type Damage,
} from '@tributary/testkit';

/** What a nemesis acts on (FaultTarget), named through the nemesis. */
type FaultTarget = Parameters<CorruptReplicaNemesis['start']>[0];

jest.setTimeout(300_000);

const PLANT = 'TRIBUTARY_TEST_PLANT_SKIP_LOG_VERIFY';
const CUT_LINE = /stored batch of .* is damaged .* log truncated to/;
const TOTAL = 3_000;
let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let admin: Admin;
const bootstrap = () => brokers.live().map((b) => b.address);

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 3 });
});
afterEach(async () => {
  delete process.env[PLANT];
  admin?.close();
  await brokers?.shutdown();
});
afterAll(() => coordinators?.shutdown());

async function partitionState(topic: string) {
  const [t] = await admin.describeTopics([topic]);
  return t!.partitions[0]!;
}

/** TOTAL acks=all records in small batches; the value of each acknowledged offset. */
async function produce(topic: string): Promise<Map<number, string>> {
  await admin.createTopic(topic, {
    partitions: 1,
    replicationFactor: 3,
    configs: { 'min.insync.replicas': '1' },
  });
  const producer = new Producer({
    bootstrap: bootstrap(),
    acks: 'all',
    lingerMs: 1,
    batchBytesMax: 4096,
  });
  const sends: Array<Promise<RecordMetadata>> = [];
  for (let i = 0; i < TOTAL; i++) sends.push(producer.send({ topic, value: `v${i}` }));
  const results = await Promise.all(sends);
  await producer.close();
  return new Map(results.map((r, i) => [r.offset, `v${i}`]));
}

/** Waits until `id` leads `topic` and reads its whole log there: values, or the error reason. */
async function readFromLeader(topic: string, id: number, end: number) {
  await eventually(
    async () => (await partitionState(topic)).leader === id,
    60_000,
    `${id} to lead`,
  );
  const got = new Map<number, string>();
  let at = 0;
  while (at < end) {
    const r = await call<any>(brokers.client(id), 'Fetch', {
      topic,
      partition: 0,
      offset: at,
      max_bytes: 1 << 20,
    }).catch((e: unknown) => readError(e));
    if (r.reason === 'NOT_LEADER' || r.reason === 'UNAVAILABLE') continue;
    if (r.reason) return { got, error: `${r.reason} at ${at}: ${r.message}` };
    if (r.batches.length === 0) break;
    for (const b of r.batches) {
      for (const rec of await decodeBatchRecords(b))
        got.set(Number(b.base_offset) + rec.offsetDelta, String(rec.value));
      at = Number(b.base_offset) + Number(b.record_count);
    }
  }
  return { got, error: undefined };
}

/** One replica's whole log, read from its directory (the broker must be down). */
async function replicaValues(id: number, topic: string): Promise<string[]> {
  const store = await LogStore.open(
    await RocksStore.open(path.join(brokers.broker(id).dataDir, 'log')),
  );
  try {
    const log = store.get(topic, 0);
    const out: string[] = [];
    for (let at = log?.logStartOffset ?? 0; log && at < log.logEndOffset;) {
      for (const b of await log.read(at, log.logEndOffset, 1 << 20)) {
        for (const r of await decodeBatchRecords(wireFromStored(b))) out.push(String(r.value));
        at = b.baseOffset + b.recordCount;
      }
    }
    return out;
  } finally {
    await store.close();
  }
}

async function scenario(topic: string, victimRole: 'follower' | 'leader', damage: Damage) {
  brokers = await BrokerCluster.start({ coordinators, size: 3 });
  admin = new Admin({ bootstrap: bootstrap() });
  const acked = await produce(topic);
  const first = await partitionState(topic);
  const victim =
    victimRole === 'leader' ? first.leader : first.replicas.find((r) => r !== first.leader)!;
  const cuts = brokers.logCount(victim, CUT_LINE);
  const target: FaultTarget = {
    coordinators,
    brokers,
    random: new Xoshiro128(7),
    record: () => undefined,
  };
  const nemesis = new CorruptReplicaNemesis({ broker: victim, topic, damage });
  const done = await nemesis.start(target);
  expect(done).toMatchObject({ broker: victim, topic, partition: 0, damage });
  await nemesis.stop(target);
  const damagedAt = done['baseOffset'] as number;
  await eventually(async () => (await partitionState(topic)).isr.length === 3, 60_000, 'ISR of 3');
  // The damaged replica is made to lead: the other two go down.
  const others = [1, 2, 3].filter((id) => id !== victim);
  for (const id of others) await brokers.kill(id);
  const read = await readFromLeader(topic, victim, TOTAL);
  for (const id of others) await brokers.start(id);
  return { acked, read, victim, damagedAt, newCuts: brokers.logCount(victim, CUT_LINE) - cuts };
}

async function replicasAgree(topic: string) {
  await eventually(async () => (await partitionState(topic)).isr.length === 3, 60_000, 'ISR of 3');
  for (const id of [1, 2, 3]) await brokers.kill(id);
  const expected = Array.from({ length: TOTAL }, (_, i) => `v${i}`);
  for (const id of [1, 2, 3]) expect([id, await replicaValues(id, topic)]).toEqual([id, expected]);
}

const lostOf = (acked: Map<number, string>, got: Map<number, string>) =>
  [...acked].filter(([offset, value]) => got.get(offset) !== value).map(([offset]) => offset);

// The damaged leader restarts within its old session's TTL, its log now shorter than what it
// acknowledged: it must take no role until its new registration, by which time the controller
// has moved the leadership to a follower holding every acknowledged record.
it.each([
  ['follower', 'flip'],
  ['leader', 'truncate'],
] as const)(
  'a damaged %s (%s) cuts its log at the batch, re-fetches it, and serves every acknowledged record once it leads',
  async (role, damage) => {
    const topic = `damaged-${role}`;
    const { acked, read, damagedAt, newCuts } = await scenario(topic, role, damage);
    expect(damagedAt).toBeGreaterThanOrEqual(0);
    expect(newCuts).toBe(1);
    expect(read.error).toBeUndefined();
    expect(lostOf(acked, read.got)).toEqual([]);
    await replicasAgree(topic);
  },
);

it('planted: with start-up verification off the damaged replica keeps its batch, and the read from it fails there', async () => {
  process.env[PLANT] = '1';
  const { acked, read, damagedAt, newCuts } = await scenario('planted', 'follower', 'flip');
  expect(newCuts).toBe(0);
  expect(read.error).toMatch(
    new RegExp(`^CHECKSUM_MISMATCH .*the batch at ${damagedAt} fails its CRC-32C`),
  );
  expect(lostOf(acked, read.got).length).toBeGreaterThan(0);
  // Never served: everything it did return is what was acknowledged.
  for (const [offset, value] of read.got) expect(acked.get(offset)).toBe(value);
});

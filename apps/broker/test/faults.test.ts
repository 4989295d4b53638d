// Replication under faults with real processes on loopback: 3 coordinators and 3 `trib broker`
// processes, topics with RF 3. Leaders killed -9 in the middle of a write stream, a follower
// killed for 50,000 records, a leader frozen (SIGSTOP) while it holds an unreplicated tail,
// acks=ALL below min.insync.replicas, retention and compaction across a restart. Each replica's
// log is then read from its RocksDB directory (the broker killed first, so nothing is cached) and
// compared record by record.
import { status as Code } from '@grpc/grpc-js';
import * as path from 'node:path';
import { Admin, Producer, type RecordMetadata } from '@tributary/client';
import { LogStore, RocksStore, wireFromStored } from '@tributary/log-store';
import { buildBatch, decodeBatchRecords, readError } from '@tributary/rpc';
import { BrokerCluster, CoordinatorCluster, call, eventually, sleep } from '@tributary/testkit';

jest.setTimeout(600_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let admin: Admin;
const bootstrap = () => brokers.live().map((b) => b.address);

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 3 });
  brokers = await BrokerCluster.start({
    coordinators,
    size: 3,
    extraArgs: ['--retention-check-interval-ms', '300'],
  });
  admin = new Admin({ bootstrap: bootstrap() });
});
afterAll(async () => {
  admin?.close();
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

async function partitionState(topic: string, partition = 0) {
  const [t] = await admin.describeTopics([topic]);
  return t!.partitions[partition]!;
}

async function createTopic(topic: string, configs: Record<string, string>, rf = 3) {
  await admin.createTopic(topic, { partitions: 1, replicationFactor: rf, configs });
  await eventually(async () => (await partitionState(topic)).leader > 0, 30_000, `${topic} leader`);
}

/** ListOffsets on broker `id` (LATEST is the high watermark). */
async function listOffset(id: number, topic: string, spec: string): Promise<number> {
  const r = await call<{ offset: number }>(brokers.client(id), 'ListOffsets', {
    topic,
    partition: 0,
    spec,
  });
  return r.offset;
}
const latest = (id: number, topic: string) => listOffset(id, topic, 'OFFSET_SPEC_LATEST');

/** Waits until every replica is in the ISR again. */
async function fullIsr(topic: string, timeoutMs = 60_000) {
  await eventually(
    async () => (await partitionState(topic)).isr.length === 3,
    timeoutMs,
    `${topic} ISR of 3`,
  );
}

/** Values of one replica's whole log, read from its data directory (the broker must be down). */
async function replicaValues(id: number, topic: string): Promise<string[]> {
  const kv = await RocksStore.open(path.join(brokers.broker(id).dataDir, 'log'));
  const store = await LogStore.open(kv);
  try {
    const log = store.get(topic, 0);
    if (!log) return [];
    const out: string[] = [];
    for (let at = log.logStartOffset; at < log.logEndOffset;) {
      const batches = await log.read(at, log.logEndOffset, 1 << 20);
      for (const b of batches) {
        for (const r of await decodeBatchRecords(wireFromStored(b)))
          if (b.baseOffset + r.offsetDelta >= at) out.push(r.value?.toString() ?? '');
        at = b.baseOffset + b.recordCount;
      }
    }
    return out;
  } finally {
    await store.close();
  }
}

/** Kills every broker (kill -9: what is acknowledged is on disk), returns each one's log values
 * for `topic`, and starts them again. */
async function replicaLogs(topic: string): Promise<string[][]> {
  const ids = [1, 2, 3];
  for (const id of ids) await brokers.kill(id);
  const logs: string[][] = [];
  for (const id of ids) logs.push(await replicaValues(id, topic));
  for (const id of ids) await brokers.start(id, { wait: false });
  for (const id of ids) await brokers.waitReady(id);
  return logs;
}

/** Sends values `from`..`to - 1` (as decimal strings); resolves with every acknowledgement. */
function sendRange(producer: Producer, topic: string, from: number, to: number) {
  const out: Promise<RecordMetadata>[] = [];
  for (let i = from; i < to; i++) out.push(producer.send({ topic, value: String(i) }));
  return out;
}

it('100,000 acks=all records with the leader killed -9 twice: each acknowledged record once, in order, on every replica', async () => {
  const topic = 'kill-leader';
  await createTopic(topic, { 'min.insync.replicas': '2' });
  const producer = new Producer({ bootstrap: bootstrap(), acks: 'all', lingerMs: 2 });
  const total = 100_000;
  const acked: Array<Promise<RecordMetadata>> = [];
  const restarts: Promise<void>[] = [];
  for (let from = 0; from < total; from += 5_000) {
    acked.push(...sendRange(producer, topic, from, from + 5_000));
    if (from === 30_000 || from === 65_000) {
      const victim = (await partitionState(topic)).leader;
      await brokers.kill(victim);
      restarts.push(sleep(2_000).then(() => brokers.start(victim)));
    }
    // Keep a bounded amount in flight, as an application would.
    await Promise.all(acked.slice(Math.max(0, acked.length - 10_000), acked.length - 5_000));
  }
  const results = await Promise.allSettled(acked);
  await producer.close();
  await Promise.all(restarts);
  const failed = results.filter((r) => r.status === 'rejected');
  expect(failed).toEqual([]);
  const offsets = results.map((r) => (r as PromiseFulfilledResult<RecordMetadata>).value.offset);
  // Idempotence: no record was written twice, so the offsets are exactly 0..total-1 in order.
  expect(offsets).toEqual(Array.from({ length: total }, (_, i) => i));

  await fullIsr(topic);
  const expected = Array.from({ length: total }, (_, i) => String(i));
  for (const log of await replicaLogs(topic)) expect(log).toEqual(expected);
});

it('a follower killed for 50,000 records catches up and rejoins the ISR', async () => {
  const topic = 'kill-follower';
  await createTopic(topic, { 'min.insync.replicas': '2' });
  const { leader, replicas } = await partitionState(topic);
  const follower = replicas.find((id) => id !== leader)!;
  await brokers.kill(follower);
  const producer = new Producer({ bootstrap: bootstrap(), acks: 'all', lingerMs: 2 });
  const acked = await Promise.all(sendRange(producer, topic, 0, 50_000));
  await producer.close();
  expect(acked.length).toBe(50_000);
  expect((await partitionState(topic)).isr).not.toContain(follower);

  await brokers.start(follower);
  await fullIsr(topic);
  const expected = Array.from({ length: 50_000 }, (_, i) => String(i));
  for (const log of await replicaLogs(topic)) expect(log).toEqual(expected);
});

it('a leader frozen with an unreplicated tail comes back as a follower and truncates it', async () => {
  const topic = 'stale-leader';
  await createTopic(topic, { 'min.insync.replicas': '2' });
  // A non-idempotent acks=LEADER producer, warmed up on records every replica gets.
  const tail = new Producer({ bootstrap: bootstrap(), acks: 'leader', idempotent: false });
  await Promise.all(sendRange(tail, topic, 0, 1_000));
  const { leader: old, replicas } = await partitionState(topic);
  await eventually(async () => (await latest(old, topic)) === 1_000, 30_000, 'HW at 1000');
  const followers = replicas.filter((id) => id !== old);
  const pid = (id: number) => brokers.broker(id).process!.pid!;

  // The followers freeze (for less than their session TTL, so they stay in the ISR) while the
  // leader takes acks=LEADER writes no one else has.
  for (const f of followers) process.kill(pid(f), 'SIGSTOP');
  // A follower frozen mid long-poll would still find the leader's answer in its socket when it
  // wakes, tail and all: wait out the leader's long-poll (--replica-fetch-max-wait-ms, 500 ms)
  // so that those answers go out empty, and no follower can ask again while frozen.
  await sleep(1_500);
  const tailAcks = await Promise.all(
    Array.from({ length: 200 }, (_, i) => tail.send({ topic, value: `tail-${i}` })),
  );
  // Then the leader freezes and the followers wake: its session expires and one of them leads.
  process.kill(pid(old), 'SIGSTOP');
  for (const f of followers) process.kill(pid(f), 'SIGCONT');
  expect(tailAcks.map((a) => a.offset)).toEqual(Array.from({ length: 200 }, (_, i) => 1_000 + i));
  const committed = new Producer({ bootstrap: bootstrap(), acks: 'all', lingerMs: 1 });
  try {
    await eventually(
      async () => {
        const p = await partitionState(topic);
        return p.leader > 0 && p.leader !== old;
      },
      60_000,
      'a new leader',
    );
    await Promise.all(sendRange(committed, topic, 1_000, 1_300));
  } finally {
    process.kill(pid(old), 'SIGCONT');
  }
  await Promise.all([committed.close(), tail.close()]);

  await fullIsr(topic);
  const expected = Array.from({ length: 1_300 }, (_, i) => String(i));
  for (const log of await replicaLogs(topic)) expect(log).toEqual(expected);
});

it('acks=ALL is refused below min.insync.replicas while acks=LEADER keeps working', async () => {
  const topic = 'min-isr';
  await createTopic(topic, { 'min.insync.replicas': '3' });
  const { leader, replicas } = await partitionState(topic);
  const follower = replicas.find((id) => id !== leader)!;
  await brokers.kill(follower);
  // The controller drops the dead broker from the ISR when its session ends.
  await eventually(
    async () => !(await partitionState(topic)).isr.includes(follower),
    60_000,
    'ISR without the killed follower',
  );
  const batch = await buildBatch({
    records: [{ value: Buffer.from('x'), timestampMs: Date.now() }],
  });
  const produce = (acks: string) =>
    call(brokers.client(leader), 'Produce', {
      topic,
      partition: 0,
      acks,
      timeout_ms: 5_000,
      batch,
    });
  try {
    const refused = await produce('ACKS_ALL').catch((e: unknown) => e);
    expect((refused as { code: number }).code).toBe(Code.UNAVAILABLE);
    expect(readError(refused).reason).toBe('NOT_ENOUGH_REPLICAS');
    await expect(produce('ACKS_LEADER')).resolves.toMatchObject({ base_offset: 0 });
  } finally {
    await brokers.start(follower);
  }
  await fullIsr(topic);
  await expect(produce('ACKS_ALL')).resolves.toMatchObject({ base_offset: 1 });
});

/** Fetch from `offset` on the leader, decoded to values (or the error's reason). */
async function fetchValues(topic: string, offset: number): Promise<string[] | string> {
  const leader = (await partitionState(topic)).leader;
  try {
    const r = await call<{ batches: Parameters<typeof decodeBatchRecords>[0][] }>(
      brokers.client(leader),
      'Fetch',
      { topic, partition: 0, offset, max_bytes: 16 << 20 },
    );
    const out: string[] = [];
    for (const b of r.batches)
      for (const e of await decodeBatchRecords(b)) out.push(String(e.value));
    return out;
  } catch (error) {
    return readError(error).reason ?? String(error);
  }
}

/** ListOffsets EARLIEST on the partition's leader: the log start. */
async function earliest(topic: string): Promise<number> {
  return listOffset((await partitionState(topic)).leader, topic, 'OFFSET_SPEC_EARLIEST');
}

it('retention by bytes and compaction are seen through ListOffsets and Fetch, and survive a restart', async () => {
  await createTopic('retained', { 'retention.bytes': '20000' });
  await createTopic('compacted', { 'cleanup.policy': 'compact' });
  // One record per batch (linger 0, awaited one by one), so retention has whole batches to drop.
  const producer = new Producer({ bootstrap: bootstrap(), acks: 'all', lingerMs: 0 });
  for (let i = 0; i < 200; i++)
    await producer.send({ topic: 'retained', value: `${i}`.padStart(500, '.') });
  for (let round = 0; round < 20; round++)
    await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        producer.send({ topic: 'compacted', key: `k${k}`, value: `k${k}-r${round}` }),
      ),
    );
  await producer.close();

  await eventually(async () => (await earliest('retained')) > 100, 30_000, 'retention to run');
  await eventually(
    async () => (await fetchValues('compacted', 0)).length === 10,
    30_000,
    'compaction to leave one record per key',
  );
  const start = await earliest('retained');
  for (const id of [1, 2, 3]) await brokers.kill(id);
  for (const id of [1, 2, 3]) await brokers.start(id, { wait: false });
  for (const id of [1, 2, 3]) await brokers.waitReady(id);
  // Leadership settles after every broker restarted: ask until the named leader answers.
  await eventually(
    () =>
      Promise.all([earliest('retained'), earliest('compacted')]).then(
        () => true,
        () => false,
      ),
    30_000,
    'partition leaders to settle after the restart',
  );

  expect(await earliest('retained')).toBeGreaterThanOrEqual(start);
  expect(await fetchValues('retained', 0)).toBe('OFFSET_OUT_OF_RANGE');
  const kept = await fetchValues('retained', start);
  expect(kept.length).toBeGreaterThan(0);
  expect(String(kept[kept.length - 1]).replace(/^\.+/, '')).toBe('199');
  expect((await fetchValues('compacted', 0)) as string[]).toEqual(
    Array.from({ length: 10 }, (_, k) => `k${k}-r19`),
  );
});

import { LogStore } from '@tributary/log-store';
import { buildBatch, crc32c, decodeStatusDetails, readError } from '@tributary/rpc';
import { ReplicaManager } from '../src/replica/replica-manager';
import { MemKv, ReplicaCluster, TOPIC, produceReq, until } from './replica-cluster';

const state = (c: ReplicaCluster, id: number) => c.rm(id).partitionState(TOPIC, 0)!;
const produceReqBase = { topic: TOPIC, partition: 0, acks: 'ACKS_LEADER', timeout_ms: 5000 };

async function reasonOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    return readError(error);
  }
  throw new Error('expected a failure');
}

describe('ReplicaManager replication in process', () => {
  let c: ReplicaCluster;
  afterEach(async () => c.close());

  test('followers catch up and the high watermark reaches the log end', async () => {
    c = new ReplicaCluster([1, 2, 3]);
    await c.start();
    expect(state(c, 1).role).toBe('leader');
    expect(state(c, 2).role).toBe('follower');
    for (let i = 0; i < 20; i++) await c.rm(1).produce((await produceReq('ACKS_LEADER')) as never);
    await until(
      () => state(c, 2).logEndOffset === 60 && state(c, 3).logEndOffset === 60,
      'followers at 60',
    );
    await until(() => state(c, 1).highWatermark === 60, 'high watermark 60');
    expect(await c.batches(2)).toEqual(await c.batches(1));
    expect(await c.batches(3)).toEqual(await c.batches(1));
    const fetched = await c
      .rm(1)
      .fetch({ topic: TOPIC, partition: 0, offset: 0, max_bytes: 0, max_wait_ms: 0, min_bytes: 0 });
    expect(fetched.batches).toHaveLength(20);
    expect(fetched.high_watermark).toBe(60);
  });

  test('a compressed batch is decoded before it is stored, in arrival order with the rest', async () => {
    c = new ReplicaCluster([1]);
    await c.start();
    const zstd = await buildBatch({
      records: [{ value: Buffer.from('z'), timestampMs: Date.now() }],
      compression: 'COMPRESSION_ZSTD',
    });
    const junk = Buffer.from('not a zstd frame at all');
    const corrupt = { ...zstd, records: junk, crc32c: crc32c(junk) };
    const plain = (await produceReq('ACKS_LEADER', 1)).batch;
    const req = (batch: object) => ({ ...produceReqBase, batch }) as never;
    // Sent together: the uncompressed batch waits behind the one being decoded.
    const answers = await Promise.allSettled([
      c.rm(1).produce(req(zstd)),
      c.rm(1).produce(req(corrupt)),
      c.rm(1).produce(req(plain)),
    ]);
    expect(
      answers.map((a) =>
        a.status === 'fulfilled' ? a.value.base_offset : readError(a.reason).reason,
      ),
    ).toEqual([0, 'CORRUPT_RECORD', 1]);
  });

  test('a follower fetching with an older broker epoch than its registration is fenced', async () => {
    c = new ReplicaCluster([1, 2]);
    await c.start();
    const ask = (brokerEpoch: number) =>
      c.rm(1).handleReplicaFetch({
        replica_id: 2,
        broker_epoch: brokerEpoch,
        max_wait_ms: 0,
        min_bytes: 0,
        max_bytes: 0,
        partitions: [
          {
            topic: TOPIC,
            partition: 0,
            leader_epoch: state(c, 1).leaderEpoch,
            fetch_offset: 0,
            last_fetched_epoch: -1,
            log_start_offset: 0,
            max_bytes: 0,
          },
        ],
      } as never);
    const stale = (await ask(101)).partitions![0]!;
    expect(decodeStatusDetails(stale.status_details as Buffer)?.errorInfo?.reason).toBe('FENCED');
    expect((await ask(102)).partitions![0]!.status_details ?? Buffer.alloc(0)).toHaveLength(0);
  });

  test('tick checkpoints a high watermark that advanced without a write of its own', async () => {
    c = new ReplicaCluster([1, 2]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    expect(state(c, 1).highWatermark).toBe(3);
    const persisted = async () => (await LogStore.open(c.kvs.get(1)!)).get(TOPIC, 0)?.highWatermark;
    // The append was written before the follower's fetch moved the high watermark.
    expect(await persisted()).toBe(0);
    await c.rm(1).tick();
    await until(async () => (await persisted()) === 3, 'the checkpoint');
  });

  test('acks=ALL answers once every ISR member has the batch', async () => {
    c = new ReplicaCluster([1, 2, 3]);
    await c.start();
    const res = await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    expect(res.base_offset).toBe(0);
    // Committed: the high watermark covers it, and both followers hold it.
    expect(state(c, 1).highWatermark).toBeGreaterThanOrEqual(3);
    expect(state(c, 2).logEndOffset).toBe(3);
    expect(state(c, 3).logEndOffset).toBe(3);
  });

  test('a stalled follower holds acks=ALL until the ISR shrinks, then rejoins once caught up', async () => {
    c = new ReplicaCluster([1, 2, 3]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    c.cut.add('3->1');
    const tick = setInterval(() => void c.rm(1).tick(), 20);
    try {
      const started = Date.now();
      const res = await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
      expect(res.base_offset).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250); // waited for lagTimeMaxMs
      expect(c.partition.isr).toEqual([1, 2]);
      expect(state(c, 1).isr).toEqual([1, 2]);
      expect(state(c, 3).logEndOffset).toBe(3);
      // Back: it catches up, the leader proposes it again and the controller takes it.
      c.cut.delete('3->1');
      await until(() => state(c, 1).isr.length === 3, 'broker 3 back in the ISR');
      expect(c.partition.isr).toEqual([1, 2, 3]);
      expect(state(c, 3).logEndOffset).toBe(6);
    } finally {
      clearInterval(tick);
    }
  });

  test('acks=ALL is refused NOT_ENOUGH_REPLICAS below min.insync.replicas; acks=LEADER still works', async () => {
    c = new ReplicaCluster([1, 2, 3], { 'min.insync.replicas': '3' });
    await c.start();
    c.partition = { ...c.partition, isr: [1, 2], partition_epoch: 2 };
    await c.publish();
    const e = await reasonOf(c.rm(1).produce((await produceReq('ACKS_ALL')) as never));
    expect(e.reason).toBe('NOT_ENOUGH_REPLICAS');
    expect(state(c, 1).logEndOffset).toBe(0); // refused before the append
    const ok = await c.rm(1).produce((await produceReq('ACKS_LEADER')) as never);
    expect(ok.base_offset).toBe(0);
  });

  test('a leader change truncates the old leader divergent tail (KIP-101) and the logs agree', async () => {
    c = new ReplicaCluster([1, 2, 3]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    // Broker 1 is cut off from its followers and appends a tail no one else gets.
    c.cut.add('2->1');
    c.cut.add('3->1');
    for (let i = 0; i < 3; i++)
      await c.rm(1).produce((await produceReq('ACKS_LEADER', 2)) as never);
    expect(state(c, 1).logEndOffset).toBe(9);
    // The controller moves leadership to 2 (epoch 2); 2 writes its own records at 3..
    await c.elect(2, [2, 3]);
    c.cut.add('1->2');
    for (let i = 0; i < 2; i++) await c.rm(2).produce((await produceReq('ACKS_ALL', 4)) as never);
    expect(state(c, 2).logEndOffset).toBe(11);
    c.cut.delete('1->2');
    await until(
      () => state(c, 1).logEndOffset === 11 && state(c, 1).role === 'follower',
      'broker 1 caught up',
    );
    const leader = await c.batches(2);
    expect(leader.map((b) => b.slice(0, 3))).toEqual([
      [0, 3, 1],
      [3, 4, 2],
      [7, 4, 2],
    ]);
    expect(await c.batches(1)).toEqual(leader);
    expect(await c.batches(3)).toEqual(leader);
  });

  test('a follower whose last epoch the new leader never had truncates through diverging_epoch', async () => {
    c = new ReplicaCluster([1, 2]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    c.cut.add('2->1');
    await c.rm(1).produce((await produceReq('ACKS_LEADER', 5)) as never);
    // Leader 1 fails over to 2, then back to 1 before 1 learned anything from 2: 1 becomes
    // follower of epoch 2, and 2 of 1 again at epoch 3 (epoch 2 wrote records 3..6 on 2).
    await c.elect(2, [2]);
    c.cut.add('1->2');
    await c.rm(2).produce((await produceReq('ACKS_ALL', 4)) as never);
    await c.elect(1, [1]);
    c.cut.clear();
    await c.rm(1).produce((await produceReq('ACKS_ALL', 1)) as never);
    await until(
      async () => JSON.stringify(await c.batches(2)) === JSON.stringify(await c.batches(1)),
      'logs agree',
    );
    expect((await c.batches(1)).map((b) => b.slice(0, 3))).toEqual([
      [0, 3, 1],
      [3, 5, 1],
      [8, 1, 3],
    ]);
  });

  test('clear errors: NOT_LEADER with the leader address, FENCED, OFFSET_OUT_OF_RANGE, unknown topic', async () => {
    c = new ReplicaCluster([1, 2]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL')) as never);
    const notLeader = await reasonOf(c.rm(2).produce((await produceReq('ACKS_ALL')) as never));
    expect(notLeader.reason).toBe('NOT_LEADER');
    expect(notLeader.leader).toBe('broker-1:9092');
    const fenced = await reasonOf(
      c.rm(1).produce((await produceReq('ACKS_ALL', 1, { leader_epoch: 0 })) as never),
    );
    expect(fenced.reason).toBe('FENCED');
    const ahead = await reasonOf(
      c.rm(1).produce((await produceReq('ACKS_ALL', 1, { leader_epoch: 7 })) as never),
    );
    expect(ahead.reason).toBe('UNKNOWN_LEADER_EPOCH');
    const range = await reasonOf(
      c.rm(1).fetch({
        topic: TOPIC,
        partition: 0,
        offset: 99,
        max_bytes: 0,
        max_wait_ms: 0,
        min_bytes: 0,
      }),
    );
    expect(range.reason).toBe('OFFSET_OUT_OF_RANGE');
    expect(range.metadata).toMatchObject({ log_start_offset: '0', high_watermark: '3' });
    const unknown = await reasonOf(
      c.rm(1).produce({ ...(await produceReq('ACKS_ALL')), topic: 'nope' } as never),
    );
    expect(unknown.reason).toBe('UNKNOWN_TOPIC');
  });

  test('fetch long-polls for the high watermark; list offsets; close fails waiters SHUTTING_DOWN', async () => {
    c = new ReplicaCluster([1, 2]);
    await c.start();
    await c.rm(1).produce((await produceReq('ACKS_ALL', 2)) as never);
    const poll = c.rm(1).fetch({
      topic: TOPIC,
      partition: 0,
      offset: 2,
      max_bytes: 0,
      max_wait_ms: 3000,
      min_bytes: 1,
    });
    await c.rm(1).produce((await produceReq('ACKS_ALL', 3)) as never);
    const got = await poll;
    expect(got.batches?.map((b) => b.base_offset)).toEqual([2]);
    expect(got.high_watermark).toBe(5);
    const list = (spec: string) =>
      c.rm(1).listOffsets({ topic: TOPIC, partition: 0, spec, timestamp_ms: 0 } as never);
    expect((await list('OFFSET_SPEC_EARLIEST')).offset).toBe(0);
    expect((await list('OFFSET_SPEC_LATEST')).offset).toBe(5);
    expect((await list('OFFSET_SPEC_TIMESTAMP')).offset).toBe(0);
    const waiting = c.rm(1).waitForHighWatermark(TOPIC, 0, 5, 10_000);
    await c.rm(1).close();
    expect((await reasonOf(waiting)).reason).toBe('SHUTTING_DOWN');
    expect((await reasonOf(c.rm(1).produce((await produceReq('ACKS_ALL')) as never))).reason).toBe(
      'SHUTTING_DOWN',
    );
  });

  test('acks=ALL times out TIMEOUT while a follower holds the high watermark back', async () => {
    c = new ReplicaCluster([1, 2], {}, { lagTimeMaxMs: 60_000 });
    await c.start();
    c.cut.add('2->1');
    const e = await reasonOf(
      c.rm(1).produce((await produceReq('ACKS_ALL', 1, { timeout_ms: 150 })) as never),
    );
    expect(e.reason).toBe('TIMEOUT');
    expect(state(c, 1).logEndOffset).toBe(1); // written, not committed
    expect(state(c, 1).highWatermark).toBe(0);
  });

  test('retention in tick moves the log start below the high watermark; the follower follows it', async () => {
    c = new ReplicaCluster([1, 2], { 'retention.bytes': '1' });
    await c.start();
    for (let i = 0; i < 5; i++) await c.rm(1).produce((await produceReq('ACKS_ALL', 2)) as never);
    await c.rm(1).tick();
    const start = state(c, 1).logStartOffset;
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThanOrEqual(state(c, 1).highWatermark);
    const earliest = await c
      .rm(1)
      .listOffsets({ topic: TOPIC, partition: 0, spec: 'OFFSET_SPEC_EARLIEST' } as never);
    expect(earliest.offset).toBe(start);
    await c.rm(1).produce((await produceReq('ACKS_ALL', 1)) as never);
    await until(() => state(c, 2).logStartOffset === start, 'follower log start follows');
  });
});

test('logs found at startup of deleted topics or moved replicas are deleted by metadata', async () => {
  const store = await LogStore.open(new MemKv());
  await store.openPartition('gone', 0, 'old-id');
  await store.openPartition('kept', 0, 'id-k');
  await store.openPartition('kept', 1, 'id-k');
  const rm = new ReplicaManager(1, store, {} as never);
  const partition = (p: number, replicas: number[]) => ({
    partition: p,
    leader: -1,
    leader_epoch: 0,
    partition_epoch: 0,
    replicas,
    isr: replicas,
    adding_replicas: [],
    removing_replicas: [],
    reassignment_throttle_bytes_per_sec: 0,
  });
  const kept = {
    name: 'kept',
    topic_id: 'id-k',
    replication_factor: 1,
    partitions: [partition(0, [1]), partition(1, [2])],
    configs: {},
  };
  await rm.applyMetadata([kept], ['gone']);
  expect(store.list().map((l) => `${l.topic}/${l.partition}`)).toEqual(['kept/0']);
  expect(rm.partitionState('kept', 0)?.role).toBe('offline');
  await rm.close();
  await store.close();
});

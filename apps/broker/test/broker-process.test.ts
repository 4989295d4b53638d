// Real processes on loopback: 3 coordinators and 3 `trib broker` processes (testkit's
// BrokerCluster). The brokers register and load the metadata; a topic is created through a
// broker's pass-through; Produce + Fetch, ProduceStream and Subscribe round trips on the leaders;
// Metadata lists the leaders on every broker; wrong-leader, pass-through and garbage-protobuf
// errors are clear statuses and the broker keeps serving; a restart within the old session's
// TTL waits for it (BROKER_EXISTS) and comes back; SIGTERM hands leadership over and exits 0.
import * as http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import {
  buildBatch,
  contract,
  decodeBatchRecords,
  decodeStatusDetails,
  readError,
} from '@tributary/rpc';
import { BrokerCluster, call, CoordinatorCluster, eventually } from '@tributary/testkit';

jest.setTimeout(180_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 3 });
  brokers = await BrokerCluster.start({ coordinators, size: 3 });
});
afterAll(async () => {
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

const values = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => Buffer.from(`${prefix}-${i}`));

async function batchOf(vals: Buffer[]) {
  return buildBatch({ records: vals.map((value) => ({ value, timestampMs: Date.now() })) });
}

/** Partition leaders of `topic` as broker `id`'s Metadata reports them, once all are known. */
async function leadersOf(id: number, topic: string, count: number): Promise<number[]> {
  let leaders: number[] = [];
  await eventually(
    async () => {
      const r = await call<any>(brokers.client(id), 'Metadata', { topics: [topic] }).catch(
        () => undefined,
      );
      leaders = r?.topics[0]?.partitions.map((p: any) => p.leader) ?? [];
      return leaders.length === count && leaders.every((l) => l >= 1);
    },
    30_000,
    `broker ${id} to know the leaders of ${topic}`,
  );
  return leaders;
}

it('registers every broker and lists them in Metadata', async () => {
  const r = await call<any>(brokers.client(1), 'Metadata', {});
  expect(r.brokers.map((b: any) => b.broker_id)).toEqual([1, 2, 3]);
  expect(r.brokers.map((b: any) => b.address)).toEqual(
    [1, 2, 3].map((id) => brokers.broker(id).address),
  );
  expect(r.header.node_id).toBe(1);
  expect(r.header.cluster_id).toBe('tributary');
  expect(Number(r.header.revision)).toBeGreaterThan(0);
});

it('creates a topic through the pass-through and returns the coordinators’ errors unchanged', async () => {
  const created = await call<any>(brokers.client(2), 'CreateTopic', {
    name: 'orders',
    partitions: 3,
    replication_factor: 3,
  });
  expect(created.topic.partitions).toHaveLength(3);
  const again = await call<any>(brokers.client(2), 'CreateTopic', {
    name: 'orders',
    partitions: 3,
    replication_factor: 3,
  }).catch(readError);
  expect([again.code, again.reason]).toEqual([grpc.status.ALREADY_EXISTS, 'TOPIC_EXISTS']);
  const bad = await call<any>(brokers.client(2), 'CreateTopic', {
    name: 'a/b',
    partitions: 1,
  }).catch(readError);
  expect([bad.code, bad.reason]).toEqual([grpc.status.INVALID_ARGUMENT, 'INVALID_NAME']);
  const described = await call<any>(brokers.client(3), 'DescribeTopics', { names: ['orders'] });
  expect(described.topics[0].name).toBe('orders');
  const pid = await call<any>(brokers.client(3), 'AllocateProducerId', {});
  expect(Number(pid.producer_id)).toBeGreaterThanOrEqual(1);
});

it('relays JoinGroup with static membership: a restarted instance takes its own place', async () => {
  const join = () =>
    call<any>(brokers.client(1), 'JoinGroup', {
      group: 'static-group',
      client_id: 'test',
      topics: ['orders'],
      group_instance_id: 'pod-1',
      assignor: 'sticky',
    });
  await join();
  await join();
  const d = await call<any>(brokers.client(2), 'DescribeGroups', { groups: ['static-group'] });
  expect(d.groups[0].members).toHaveLength(1);
});

it('every broker’s Metadata lists the same leaders, and NOT_FOUND for an unknown topic', async () => {
  const views = await Promise.all([1, 2, 3].map((id) => leadersOf(id, 'orders', 3)));
  expect(views[1]).toEqual(views[0]);
  expect(views[2]).toEqual(views[0]);
  const unknown = await call<any>(brokers.client(1), 'Metadata', { topics: ['nope'] }).catch(
    readError,
  );
  expect([unknown.code, unknown.reason, unknown.metadata.topic]).toEqual([
    grpc.status.NOT_FOUND,
    'UNKNOWN_TOPIC',
    'nope',
  ]);
});

it('Produce then Fetch round-trips a batch on the leader; a follower answers NOT_LEADER with the leader', async () => {
  const [leader] = await leadersOf(1, 'orders', 3);
  const vals = values('p0', 10);
  const produced = await call<any>(brokers.client(leader!), 'Produce', {
    topic: 'orders',
    partition: 0,
    batch: await batchOf(vals),
    acks: 'ACKS_ALL',
  });
  expect(Number(produced.base_offset)).toBe(0);
  expect(produced.header.node_id).toBe(leader);

  const fetched = await call<any>(brokers.client(leader!), 'Fetch', {
    topic: 'orders',
    partition: 0,
    offset: 0,
    max_wait_ms: 2000,
  });
  expect(Number(fetched.high_watermark)).toBe(10);
  const records = (
    await Promise.all(fetched.batches.map((b: any) => decodeBatchRecords(b)))
  ).flat();
  expect(records.map((r) => r.value!.toString())).toEqual(vals.map(String));

  const follower = [1, 2, 3].find((id) => id !== leader)!;
  const wrong = await call<any>(brokers.client(follower), 'Produce', {
    topic: 'orders',
    partition: 0,
    batch: await batchOf(vals),
  }).catch(readError);
  expect(wrong.reason).toBe('NOT_LEADER');
  expect(wrong.leader).toBe(brokers.broker(leader!).address);
});

it('ProduceStream answers in order per partition and an error answer does not end the stream', async () => {
  const [leader] = await leadersOf(1, 'orders', 3);
  const stream = brokers.client(leader!).ProduceStream();
  const answers: any[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('data', (a: any) => answers.push(a));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const good = await batchOf(values('s', 2));
  const corrupt = { ...good, crc32c: (good.crc32c + 1) >>> 0 };
  for (let id = 1; id <= 20; id++) {
    const batch = id === 7 ? corrupt : good;
    stream.write({ request_id: id, produce: { topic: 'orders', partition: 0, batch } });
  }
  stream.end();
  await ended;
  expect(answers.map((a) => Number(a.request_id))).toEqual(
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  const failed = answers.filter((a) => a.response === 'status_details');
  expect(failed.map((a) => Number(a.request_id))).toEqual([7]);
  expect(decodeStatusDetails(failed[0].status_details)?.errorInfo?.reason).toBe(
    'CHECKSUM_MISMATCH',
  );
  const offsets = answers
    .filter((a) => a.response === 'produce')
    .map((a) => Number(a.produce.base_offset));
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
});

it('Subscribe streams batches from an offset as they are produced', async () => {
  const leaders = await leadersOf(1, 'orders', 3);
  const leader = leaders[1]!;
  const stream = brokers.client(leader).Subscribe({ topic: 'orders', partition: 1, offset: 0 });
  const seen: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', async (m: any) => {
      for (const b of m.batches)
        for (const r of await decodeBatchRecords(b)) seen.push(r.value!.toString());
      if (seen.length >= 6) resolve();
    });
    stream.on('error', (e: grpc.ServiceError) => {
      if (e.code !== grpc.status.CANCELLED) reject(e);
    });
  });
  for (const prefix of ['a', 'b', 'c'])
    await call(brokers.client(leader), 'Produce', {
      topic: 'orders',
      partition: 1,
      batch: await batchOf(values(prefix, 2)),
    });
  await done;
  stream.cancel();
  expect(seen).toEqual(['a-0', 'a-1', 'b-0', 'b-1', 'c-0', 'c-1']);
});

/** Subscribe's reads of `id` so far, from its /metrics. */
async function subscribeReads(id: number): Promise<number> {
  const text = await brokers.metrics(id);
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('tributary_broker_fetch_requests_total{') &&
        /kind="subscribe"/.test(l) &&
        /outcome="ok"/.test(l),
    );
  return Number(line?.split(' ').pop() ?? 0);
}

/**
 * A Subscribe call over plain HTTP/2 (node:http2), so the test controls reading exactly: the
 * grpc-js client keeps reading into its own buffers while paused.
 */
function rawSubscribe(
  address: string,
  request: object,
): http2.ClientHttp2Stream & { close(): void } {
  const session = http2.connect(`http://${address}`);
  const method = contract().tributary.broker.v1.BrokerService.service.Subscribe;
  const body = method.requestSerialize(request);
  const frame = Buffer.alloc(5 + body.length);
  frame.writeUInt32BE(body.length, 1);
  body.copy(frame, 5);
  const stream = session.request({
    ':method': 'POST',
    ':path': method.path,
    'content-type': 'application/grpc',
    te: 'trailers',
  });
  stream.end(frame);
  return Object.assign(stream, { close: () => session.destroy() });
}

it('Subscribe to a reader that stops reading stops reading the log, then resumes with it', async () => {
  const leaders = await leadersOf(1, 'orders', 3);
  const leader = leaders[2]!;
  const count = 40;
  const big = Buffer.alloc(256 * 1024, 7);
  for (let k = 0; k < count; k++)
    await call(brokers.client(leader), 'Produce', {
      topic: 'orders',
      partition: 2,
      batch: await batchOf([big]),
      acks: 'ACKS_LEADER',
    });
  const before = await subscribeReads(leader);
  const stream = rawSubscribe(brokers.broker(leader).address, {
    topic: 'orders',
    partition: 2,
    offset: 0,
    max_bytes: 256 * 1024,
  });
  stream.pause();
  await new Promise((r) => setTimeout(r, 1_500));
  const stalled = (await subscribeReads(leader)) - before;
  await new Promise((r) => setTimeout(r, 1_500));
  // Blocked on HTTP/2 flow control: one message out (it does not fit the 64 KiB window), no
  // read since.
  expect((await subscribeReads(leader)) - before).toBe(stalled);
  expect(stalled).toBeLessThanOrEqual(2);
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes >= count * big.length) resolve();
    });
    stream.on('error', reject);
    stream.resume();
  });
  stream.close();
  expect((await subscribeReads(leader)) - before).toBeGreaterThanOrEqual(count);
});

it('garbage bytes for a request are refused with a clear status and the broker keeps serving', async () => {
  const raw = new grpc.Client(brokers.broker(1).address, grpc.credentials.createInsecure());
  const identity = (b: Buffer) => b;
  const err = await new Promise<ReturnType<typeof readError>>((resolve) =>
    raw.makeUnaryRequest(
      '/tributary.broker.v1.BrokerService/Produce',
      identity,
      identity,
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
      { deadline: Date.now() + 5000 },
      (e) => resolve(readError(e)),
    ),
  );
  raw.close();
  expect([err.code, err.reason]).toEqual([grpc.status.INVALID_ARGUMENT, 'MALFORMED_REQUEST']);
  expect(err.message).toMatch(/Produce request is not a valid protobuf message/);
  const counted = /^tributary_broker_malformed_requests_total(?:\{[^}]*\})? (\S+)$/m.exec(
    await brokers.metrics(1),
  );
  expect(Number(counted?.[1])).toBeGreaterThanOrEqual(1);
  const r = await call<any>(brokers.client(1), 'Metadata', {});
  expect(r.brokers).toHaveLength(3);
});

it('serves /metrics with broker traffic and leadership, /healthz, and /readyz only once registered', async () => {
  const [leader] = await leadersOf(1, 'orders', 3);
  const text = await brokers.metrics(leader!);
  const value = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  expect(value('tributary_broker_produce_requests_total')).toBeGreaterThan(0);
  expect(value('tributary_broker_produced_bytes_total')).toBeGreaterThan(0);
  expect(value('tributary_broker_partitions_led')).toBeGreaterThanOrEqual(1);
  expect(value('tributary_broker_under_replicated_partitions')).toBe(0);
  expect(value('tributary_broker_malformed_requests_total')).toBeGreaterThanOrEqual(0);
  expect(value('tributary_broker_tail_cache_budget_bytes')).toBe(64 * 1024 * 1024);
  expect(value('tributary_broker_tail_cache_bytes')).toBeGreaterThan(0);
  expect(text).toMatch(/^tributary_broker_tail_cache_reads_total\{result="hit",[^}]*\} \d+$/m);
  expect(text).toMatch(/^tributary_broker_tail_cache_reads_total\{result="miss",[^}]*\} \d+$/m);
  const m = brokers.broker(leader!).metricsAddress;
  expect((await fetch(`http://${m}/healthz`)).status).toBe(200);
  expect((await fetch(`http://${m}/readyz`)).status).toBe(200);

  // A broker whose coordinators are unreachable runs but is not ready, and says why.
  const lost = await brokers.add(9, { args: ['--coordinators', '127.0.0.1:1'], wait: false });
  await eventually(
    () =>
      fetch(`http://${lost.metricsAddress}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    20_000,
    'the unregistered broker to serve /healthz',
  );
  const ready = await fetch(`http://${lost.metricsAddress}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.text()).toMatch(/not registered with the coordinators/);
  expect(await brokers.stop(9)).toBe(0);
});

it('a broker killed -9 and restarted at once waits for its old session, then registers again', async () => {
  // A TTL longer than a restart takes on a loaded machine, so the old session outlives it.
  await brokers.add(4, { args: ['--session-ttl-ms', '10000'] });
  const before = await call<any>(brokers.client(4), 'Metadata', {});
  const epoch = before.brokers.find((b: any) => b.broker_id === 4).broker_epoch;
  await brokers.restart(4, { wait: false });
  await brokers.waitForLog(4, /still registered under another live session/);
  await brokers.waitReady(4);
  const after = await call<any>(brokers.client(4), 'Metadata', {});
  expect(after.brokers.map((b: any) => b.broker_id)).toEqual([1, 2, 3, 4]);
  expect(Number(after.brokers.find((b: any) => b.broker_id === 4).broker_epoch)).toBeGreaterThan(
    Number(epoch),
  );
  expect(await brokers.stop(4)).toBe(0);
});

it('SIGTERM hands the broker’s leaderships over and exits 0', async () => {
  const leaders = await leadersOf(1, 'orders', 3);
  const victim = leaders[0]!;
  expect(await brokers.stop(victim)).toBe(0);
  const other = [1, 2, 3].find((id) => id !== victim)!;
  await eventually(
    async () => {
      const r = await call<any>(brokers.client(other), 'Metadata', { topics: ['orders'] });
      const now = r.topics[0].partitions.map((p: any) => p.leader);
      return !now.includes(victim) && now.every((l: number) => l >= 1);
    },
    10_000,
    `leaderships to move off broker ${victim}`,
  );
  expect(brokers.logCount(victim, /session closed: leaderships handed over/)).toBe(1);
  await brokers.start(victim);
});

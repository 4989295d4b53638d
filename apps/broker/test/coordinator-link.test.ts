// The broker's coordinator link, in process, against a real 3-member coordinator cluster:
// registration with a session, BROKER_EXISTS retried while another live session holds the id
// (with its log line) and a larger epoch once it is gone, the metadata watch from a snapshot
// through a kill -9 of the coordinator leader (resumed from the last revision, in order), and
// AlterIsr errors returned as the controller sent them.
import pino from 'pino';
import { readError } from '@tributary/rpc';
import { callRetrying, CoordinatorCluster, eventually } from '@tributary/testkit';
import { CoordinatorLink } from '../src/coordinators/coordinator-link';
import type { MetadataChange } from '../src/coordinators/metadata-cache';

jest.setTimeout(120_000);

let cluster: CoordinatorCluster;
const links: CoordinatorLink[] = [];
const logs: string[][] = [];

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
});
afterAll(async () => {
  await Promise.all(links.map((l) => l.close()));
  await cluster.shutdown();
});

function startLink(id: number) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  const epochs: number[] = [];
  const changes: MetadataChange[] = [];
  const link = new CoordinatorLink(
    {
      brokerId: id,
      address: `127.0.0.1:${19_500 + id}`,
      rack: '',
      coordinators: [...cluster.members.values()].map((m) => m.address),
      sessionTtlMs: 2_000,
      requestTimeoutMs: 5_000,
      maxMessageBytes: 16 * 1024 * 1024,
    },
    {
      registered: (epoch) => void epochs.push(epoch),
      metadata: async (change) => void changes.push(change),
    },
    log,
  );
  links.push(link);
  logs.push(lines);
  link.start();
  return { link, lines, epochs, changes };
}

it('registers, loads a snapshot and lists itself', async () => {
  const a = startLink(1);
  await eventually(() => a.link.registered && a.link.cache.complete, 20_000, 'registration');
  expect(a.epochs).toHaveLength(1);
  expect(a.link.clusterId).toBe('tributary');
  await eventually(() => a.link.cache.broker(1) !== undefined, 10_000, 'itself in the cache');
});

it('a second broker with the same id waits (BROKER_EXISTS) until the first closes its session', async () => {
  const first = links[0]!;
  const firstEpoch = first.brokerEpoch;
  const b = startLink(1);
  await eventually(
    () => b.lines.some((l) => /still registered under another live session/.test(l)),
    20_000,
    'the BROKER_EXISTS log line',
  );
  expect(b.link.registered).toBe(false);
  await first.closeSession();
  await eventually(() => b.link.registered, 20_000, 'the second registration');
  expect(b.link.brokerEpoch).toBeGreaterThan(firstEpoch);
});

/** Creates a topic on some live member; a write lost to a leader change is sent again. */
async function createTopic(name: string, partitions: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const error = await callRetrying<any>(
      () => cluster.metadata(cluster.live()[0]!.id),
      'CreateTopic',
      { name, partitions, replication_factor: 1 },
      20_000,
    ).then(() => undefined, readError);
    if (!error || error.reason === 'TOPIC_EXISTS') return;
    if (error.reason !== 'LEADER_CHANGED' || Date.now() > deadline) throw new Error(error.message);
  }
}

it('follows metadata through a kill -9 of the coordinator it watches, resuming by revision', async () => {
  const link = links[1]!;
  await createTopic('before', 1);
  await eventually(() => link.cache.topic('before') !== undefined, 10_000, 'topic before');
  const watched = [...cluster.members.values()].find((m) => m.address === link.metadata.endpoint)!;
  await cluster.kill(watched.id);
  await createTopic('after', 2);
  await eventually(() => link.cache.topic('after') !== undefined, 30_000, 'topic after');
  expect(link.cache.topic('after')!.partitions).toHaveLength(2);
  expect(link.cache.topic('before')).toBeDefined();
  expect(logs[1]!.some((l) => /metadata watch broke; resuming from revision/.test(l))).toBe(true);
  cluster.start(watched.id);
  await cluster.waitForLeader();
});

it('AlterIsr errors come back as the controller sent them', async () => {
  const link = links[1]!;
  const err = await link
    .alterIsr({
      topic: 'after',
      partition: 0,
      broker_id: 1,
      broker_epoch: link.brokerEpoch,
      leader_epoch: 99,
      partition_epoch: 99,
      isr: [1],
    })
    .then(() => undefined, readError);
  expect(err?.reason).toBe('FENCED');
});

it('re-registers with a larger epoch when its session is ended from outside', async () => {
  const link = links[1]!;
  const before = link.brokerEpoch;
  const sessionId = link.cache.broker(1)!.session_id;
  await callRetrying(() => cluster.coord(cluster.live()[0]!.id), 'CloseSession', {
    session_id: sessionId,
  });
  await eventually(
    () => link.registered && link.brokerEpoch > before,
    20_000,
    'a registration with a new session',
  );
  expect(logs[1]!.some((l) => /session expired: this broker is unregistered/.test(l))).toBe(true);
  await eventually(
    () => link.cache.broker(1)?.session_id !== sessionId,
    10_000,
    'the new session in the metadata',
  );
});

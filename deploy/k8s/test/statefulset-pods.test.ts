// Pods as the prod StatefulSets start them, on loopback: each `trib` process gets only what the
// kubelet would give its container (HOSTNAME, the ConfigMap, the manifest's env), with the pod
// IPs and ports moved to free loopback ones and the headless Service names mapped to those IPs by
// a test resolver (hosts-resolver.js). Three coordinators derive their ids and peers from their
// names and elect a leader; two brokers derive their ids, register their stable DNS names, and
// replicate a produced batch to each other through them; a third, as `kubectl scale` adds it,
// registers as broker 3 and takes replicas of a new topic; a coordinator pod killed and started
// again on its volume comes back as the same member.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { buildBatch, contract, createClient } from '@tributary/rpc';
import { call, eventually, freePortBase, TRIB_BIN } from '@tributary/testkit';
import { synthesizeObjects } from '../src/synth';
import { names, PORTS } from '../src/tributary-chart';
import { VARIANTS } from '../src/variants';
import { podOf, type Pod } from './kubelet-env';

jest.setTimeout(180_000);

const NAMESPACE = 'test';
const objects = synthesizeObjects(VARIANTS.prod);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-pods-'));
const hostsFile = path.join(root, 'hosts');
const children: ChildProcess[] = [];
/** The running process of each pod, by pod name. */
const running = new Map<string, ChildProcess>();
const pods = new Map<string, Pod>();
const v1 = contract().tributary;

/** Pod `ordinal` of `role`: its loopback "pod IP". */
const podIp = (role: 'coordinator' | 'broker', ordinal: number) =>
  `127.0.0.${(role === 'coordinator' ? 11 : 21) + ordinal}`;

let coordinatorPort: number;
let brokerPort: number;

function localize(role: 'coordinator' | 'broker', ordinal: number): Pod {
  const pod = podOf(objects, names(role).statefulSet, ordinal, NAMESPACE);
  const ports: Record<string, number> = {
    [PORTS.coordinator.grpc]: coordinatorPort,
    [PORTS.coordinator.metrics]: coordinatorPort + 80,
    [PORTS.broker.grpc]: brokerPort,
    [PORTS.broker.metrics]: brokerPort + 80,
  };
  for (const [key, value] of Object.entries(pod.env))
    pod.env[key] = value
      .replace(/:(\d+)\b/g, (m, port) => (ports[port] ? `:${ports[port]}` : m))
      .replace(/^0\.0\.0\.0:/, `${podIp(role, ordinal)}:`);
  const dataDir = path.join(root, pod.name);
  fs.mkdirSync(dataDir);
  pod.env.TRIBUTARY_DATA_DIR = dataDir;
  return pod;
}

function start(pod: Pod): void {
  const log = fs.openSync(path.join(root, `${pod.name}.log`), 'a');
  const child = spawn(process.execPath, [TRIB_BIN, ...(pod.container.args ?? [])], {
    stdio: ['ignore', log, log],
    env: {
      PATH: process.env.PATH,
      NODE_OPTIONS: `--require ${path.join(__dirname, 'hosts-resolver.js')}`,
      TRIBUTARY_TEST_HOSTS: hostsFile,
      TRIBUTARY_PARENT_PID: String(process.pid),
      ...pod.env,
    },
  });
  fs.closeSync(log);
  children.push(child);
  running.set(pod.name, child);
  pods.set(pod.name, pod);
}

beforeAll(async () => {
  coordinatorPort = await freePortBase([0, 80]);
  brokerPort = await freePortBase([0, 80]);
  const lines: string[] = [];
  for (const role of ['coordinator', 'broker'] as const)
    for (let n = 0; n < 3; n++) {
      const pod = `${names(role).statefulSet}-${n}.${names(role).headless}`;
      lines.push(`${podIp(role, n)} ${pod}.${NAMESPACE}.svc ${pod}`);
    }
  fs.writeFileSync(hostsFile, lines.join('\n') + '\n');
  // This test process dials the advertised names too, as a client in the cluster would.
  process.env.TRIBUTARY_TEST_HOSTS = hostsFile;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- run for its effect, as in the pods
  require('./hosts-resolver.js');
  for (let n = 0; n < 3; n++) start(localize('coordinator', n));
  for (let n = 0; n < 2; n++) start(localize('broker', n));
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  fs.rmSync(root, { recursive: true, force: true });
});

const coordinatorDns = (n: number) =>
  `tributary-coordinator-${n}.tributary-coordinator-peers.${NAMESPACE}.svc:${coordinatorPort}`;
const brokerDns = (n: number) =>
  `tributary-broker-${n}.tributary-broker-peers.${NAMESPACE}.svc:${brokerPort}`;

it('coordinators take ids from their ordinals and found one cluster of their DNS names', async () => {
  const clients = [0, 1, 2].map((n) =>
    createClient(v1.coord.v1.ClusterService, `${podIp('coordinator', n)}:${coordinatorPort}`),
  );
  let statuses: any[] = [];
  await eventually(
    async () => {
      statuses = await Promise.all(clients.map((c) => call<any>(c, 'Status', {}))).catch(() => []);
      return (
        statuses.length === 3 &&
        statuses.every((s) => s.leader_id > 0 && s.leader_id === statuses[0].leader_id)
      );
    },
    90_000,
    'the three coordinators to agree on a leader',
  );
  expect(statuses.map((s) => s.node_id)).toEqual([1, 2, 3]);
  const members = [...statuses[0].members].sort((a: any, b: any) => a.id - b.id);
  expect(members.map((m: any) => [m.id, m.address])).toEqual([
    [1, coordinatorDns(0)],
    [2, coordinatorDns(1)],
    [3, coordinatorDns(2)],
  ]);
  for (const c of clients) c.close();
});

it('brokers take ids from their ordinals, advertise their DNS names and replicate through them', async () => {
  const bootstrap = createClient(v1.broker.v1.BrokerService, brokerDns(0));
  let metadata: any;
  await eventually(
    async () => {
      metadata = await call<any>(bootstrap, 'Metadata', {}).catch(() => undefined);
      return metadata?.brokers.length === 2;
    },
    90_000,
    'both brokers to register',
  );
  expect(metadata.brokers.map((b: any) => [b.broker_id, b.address])).toEqual([
    [1, brokerDns(0)],
    [2, brokerDns(1)],
  ]);

  await call<any>(bootstrap, 'CreateTopic', { name: 'pods', partitions: 1, replication_factor: 2 });
  // The leader, dialled by its advertised name, once it knows itself to be the leader.
  let leader: any;
  let client: ReturnType<typeof createClient> | undefined;
  await eventually(
    async () => {
      const r = await call<any>(bootstrap, 'Metadata', { topics: ['pods'] }).catch(() => undefined);
      leader = r?.brokers.find((b: any) => b.broker_id === r.topics[0]?.partitions[0]?.leader);
      if (!leader) return false;
      client?.close();
      client = createClient(v1.broker.v1.BrokerService, leader.address);
      const own = await call<any>(client, 'Metadata', { topics: ['pods'] }).catch(() => undefined);
      return own?.topics[0]?.partitions[0]?.leader === leader.broker_id;
    },
    30_000,
    'a leader for pods/0 that knows it',
  );
  // acks=ALL waits for the follower, which fetched from the leader by name too.
  const batch = await buildBatch({
    records: [{ value: Buffer.from('hello'), timestampMs: Date.now() }],
  });
  const produced = await call<any>(
    client!,
    'Produce',
    { topic: 'pods', partition: 0, batch, acks: 'ACKS_ALL' },
    30_000,
  );
  expect(Number(produced.base_offset)).toBe(0);
  // Under load the follower may drop out of the ISR for a while; it must be back, in sync.
  await eventually(
    async () => {
      const d = await call<any>(bootstrap, 'DescribeTopics', { names: ['pods'] });
      return [...d.topics[0].partitions[0].isr].sort().join() === '1,2';
    },
    60_000,
    'both brokers in the ISR of pods/0',
  );
  client!.close();
  bootstrap.close();
});

it('a broker added by scaling the StatefulSet registers as the next id and takes new partitions', async () => {
  start(localize('broker', 2));
  const bootstrap = createClient(v1.broker.v1.BrokerService, brokerDns(0));
  await eventually(
    async () => {
      const r = await call<any>(bootstrap, 'Metadata', {}).catch(() => undefined);
      return r?.brokers.some((b: any) => b.broker_id === 3 && b.address === brokerDns(2));
    },
    90_000,
    'tributary-broker-2 to register as broker 3',
  );
  const created = await call<any>(bootstrap, 'CreateTopic', {
    name: 'scaled',
    partitions: 3,
    replication_factor: 3,
  });
  for (const p of created.topic.partitions) expect([...p.replicas].sort()).toEqual([1, 2, 3]);
  bootstrap.close();
});

it('a coordinator pod killed and restarted on its volume rejoins as the same member', async () => {
  const name = 'tributary-coordinator-1';
  const child = running.get(name)!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  start(pods.get(name)!);
  const client = createClient(
    v1.coord.v1.ClusterService,
    `${podIp('coordinator', 1)}:${coordinatorPort}`,
  );
  await eventually(
    async () => {
      const s = await call<any>(client, 'Status', {}).catch(() => undefined);
      return s?.node_id === 2 && s.leader_id > 0 && s.members.length === 3;
    },
    90_000,
    `${name} to rejoin`,
  );
  client.close();
});

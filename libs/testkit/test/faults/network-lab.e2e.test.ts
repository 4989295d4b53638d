// The network lab (namespaces, veths, a bridge, blackhole-route cuts) and a 3-coordinator cluster
// partitioned in it: the isolated leader is replaced, cannot commit, and rejoins after the heal.
// A planted ineffective cut shows the partition assertions fail when a partition does nothing.
// Needs root; without it the whole file is skipped with the reason.
import * as fs from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { call, callRetrying } from '../../src/calls';
import { BrokerCluster } from '../../src/broker-cluster';
import { CoordinatorCluster, sleep } from '../../src/coordinator-cluster';
import { NetworkLab } from '../../src/faults/network-lab';
import {
  PartitionBridgeNemesis,
  PartitionHalvesNemesis,
  PartitionLeaderNemesis,
  PartitionOneWayNemesis,
} from '../../src/faults/partition-nemeses';
import { Xoshiro128 } from '@tributary/raft';

jest.setTimeout(60_000);

const availability = NetworkLab.available();
if (!availability.ok)
  console.warn(`SKIPPED network-lab.e2e.test.ts: ${availability.reason} (CI runs it as root)`);
const describeLab = availability.ok ? describe : describe.skip;

const PORT = 7400;

/** A TCP server in a node's namespace that answers "ok" and closes. */
function serveIn(lab: NetworkLab, node: number): ChildProcess {
  const script = `require('net').createServer((s) => s.end('ok')).listen(${PORT}, '${lab.address(node)}', () => console.log('up'))`;
  const [cmd, ...args] = lab.wrap(node, [process.execPath, '-e', script]);
  return spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Whether a process in `from`'s namespace gets "ok" from `to`'s server within 1 s. */
function reaches(lab: NetworkLab, from: number, to: number): boolean {
  const script = `const s = require('net').connect(${PORT}, '${lab.address(to)}');
    let got = ''; s.on('data', (d) => (got += d)); s.on('end', () => process.exit(got === 'ok' ? 0 : 1));
    s.on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 1000);`;
  const [cmd, ...args] = lab.wrap(from, [process.execPath, '-e', script]);
  try {
    execFileSync(cmd!, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the test process (on the host) gets "ok" from a node's server. */
function hostReaches(lab: NetworkLab, to: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(PORT, lab.address(to));
    let got = '';
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
    s.on('data', (d) => (got += d));
    s.on('end', () => resolve(got === 'ok'));
    s.on('error', () => resolve(false));
  });
}

/** Every ordered pair (from, to) of nodes that can talk, as "from>to". */
function reachable(lab: NetworkLab): string[] {
  const out: string[] = [];
  for (const a of lab.nodes)
    for (const b of lab.nodes) if (a !== b && reaches(lab, a, b)) out.push(`${a}>${b}`);
  return out;
}

const allPairs = (n: number) =>
  [1, 2, 3, 4].slice(0, n).flatMap((a) =>
    [1, 2, 3, 4]
      .slice(0, n)
      .filter((b) => b !== a)
      .map((b) => `${a}>${b}`),
  );

function labNames(tag: string): string[] {
  const names =
    execFileSync('ip', ['netns', 'list']).toString() +
    execFileSync('ip', ['-o', 'link']).toString();
  return names.split('\n').filter((l) => l.includes(tag));
}

describeLab('a network lab', () => {
  let lab: NetworkLab;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    lab = await NetworkLab.create(4);
    for (const node of lab.nodes) {
      const server = serveIn(lab, node);
      servers.push(server);
      await new Promise((r) => server.stdout!.once('data', r));
    }
  });

  afterAll(async () => {
    for (const s of servers) s.kill('SIGKILL');
    await sleep(100);
    await lab?.destroy();
  });

  it('gives each node its own namespace and address; nodes and the host reach every node', async () => {
    expect(new Set(lab.nodes.map((n) => lab.address(n))).size).toBe(4);
    expect(reachable(lab)).toEqual(allPairs(4));
    for (const node of lab.nodes) expect(await hostReaches(lab, node)).toBe(true);
  });

  it('runs the wrapped command itself, in the same pid namespace: signals and the parent watchdog reach it', async () => {
    const server = servers[0]!;
    const pid = server.pid!;
    expect(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).toBe('node');
    expect(fs.readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(fs.readlinkSync('/proc/self/ns/net'));
    expect(fs.readlinkSync(`/proc/${pid}/ns/pid`)).toBe(fs.readlinkSync('/proc/self/ns/pid'));
    server.kill('SIGSTOP');
    await sleep(100);
    expect(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]).toBe('T');
    server.kill('SIGCONT');
    await sleep(100);
    expect(await hostReaches(lab, 1)).toBe(true);
  });

  it('cut drops packets one way, which breaks TCP between the two both ways; heal restores it', async () => {
    await lab.cut(1, 2);
    expect(lab.cutLinks()).toEqual([[1, 2]]);
    const after = reachable(lab);
    expect(after).not.toContain('1>2');
    expect(after).not.toContain('2>1');
    expect(after.length).toBe(allPairs(4).length - 2);
    await lab.heal();
    expect(reachable(lab)).toEqual(allPairs(4));
  });

  it('partition, isolate and bridge cut exactly the links between groups; the host still reaches all', async () => {
    await lab.partition([
      [1, 2],
      [3, 4],
    ]);
    expect(reachable(lab)).toEqual(['1>2', '2>1', '3>4', '4>3']);
    for (const node of lab.nodes) expect(await hostReaches(lab, node)).toBe(true);
    await lab.heal();

    await lab.isolate(3);
    expect(reachable(lab)).toEqual(['1>2', '1>4', '2>1', '2>4', '4>1', '4>2']);
    await lab.heal();

    await lab.bridge([1], 2, [3, 4]);
    expect(reachable(lab)).toEqual(['1>2', '2>1', '2>3', '2>4', '3>2', '3>4', '4>2', '4>3']);
    await lab.heal();
    expect(reachable(lab)).toEqual(allPairs(4));
  });

  it('destroy removes every namespace and link; cleanupStale removes a dead run’s lab', async () => {
    const other = await NetworkLab.create(2);
    expect(labNames(other.tag).length).toBe(2 + 3); // 2 namespaces, 2 veths and the bridge
    await other.destroy();
    expect(labNames(other.tag)).toEqual([]);

    // A lab named for a process that is gone, as a crashed run leaves it.
    const dead = spawn('true');
    await new Promise((r) => dead.once('exit', r));
    const tag = `${dead.pid!.toString(36)}_0`;
    execFileSync('ip', ['netns', 'add', `tlab-${tag}_1`]);
    execFileSync('ip', ['link', 'add', `tb${tag}`, 'type', 'bridge']);
    execFileSync('ip', [
      'link',
      'add',
      `tv${tag}_1`,
      'type',
      'veth',
      'peer',
      'name',
      `tv${tag}_1i`,
    ]);
    execFileSync('ip', ['link', 'set', `tv${tag}_1i`, 'netns', `tlab-${tag}_1`]);
    expect(labNames(tag).length).toBe(3);
    const removed = await NetworkLab.cleanupStale();
    expect(removed).toEqual(expect.arrayContaining([`tlab-${tag}_1`, `tb${tag}`, `tv${tag}_1`]));
    expect(labNames(tag)).toEqual([]);
    // The live lab of this run is left alone.
    expect(labNames(lab.tag).length).toBe(4 + 5);
  });
});

describeLab('a 3-coordinator cluster and a broker in a network lab', () => {
  let lab: NetworkLab;
  let cluster: CoordinatorCluster;
  let brokers: BrokerCluster | undefined;
  const log: string[] = [];

  beforeAll(async () => {
    lab = await NetworkLab.create(4);
    cluster = await CoordinatorCluster.start({ size: 3, network: lab });
  });

  afterAll(async () => {
    await brokers?.shutdown();
    await cluster?.shutdown();
    await lab?.destroy();
  });

  const target = () => ({
    coordinators: cluster,
    random: new Xoshiro128(11),
    record: (event: string) => log.push(event),
  });

  /** A leader both other members agree on, other than `old`, within `timeoutMs`; else undefined. */
  async function newLeaderOfOthers(old: number, timeoutMs: number): Promise<number | undefined> {
    const others = [1, 2, 3].filter((id) => id !== old);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const views = await Promise.all(
        others.map((id) =>
          cluster.status(id).then(
            (s) => s.leader_id,
            () => 0,
          ),
        ),
      );
      if (views[0] !== 0 && views[0] !== old && views.every((v) => v === views[0])) return views[0];
      await sleep(100);
    }
    return undefined;
  }

  /** Whether a write sent to `id` is acknowledged within 3 s. */
  const writeSucceeds = (id: number, path: string) =>
    call(cluster.coord(id), 'Create', { path, data: Buffer.from('x') }, 3000).then(
      () => true,
      () => false,
    );

  it('listens on the lab addresses, in the members’ namespaces', () => {
    for (const m of cluster.members.values()) {
      expect(m.address).toMatch(
        new RegExp(`^${lab.address(m.labNode!).replace(/\./g, '\\.')}:\\d+$`),
      );
      const pid = m.process!.pid!;
      expect(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).toBe('node');
      expect(fs.readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(fs.readlinkSync('/proc/self/ns/net'));
    }
  });

  it('isolating the leader: the others elect a new one and take writes, the old one cannot commit, and all agree after the heal', async () => {
    const nemesis = new PartitionLeaderNemesis(lab);
    const started = Date.now();
    const cut = await nemesis.start(target());
    const old = cut['leader'] as number;
    expect(lab.cutLinks().length).toBe(2 * 3); // its node from each of the 3 others, both ways

    const elected = await newLeaderOfOthers(old, 20_000);
    expect(elected).toBeDefined();
    const electedMs = Date.now() - started;
    await callRetrying(() => cluster.coord(elected!), 'Create', {
      path: '/majority',
      data: Buffer.from('m'),
    });
    expect(await writeSucceeds(old, '/minority')).toBe(false);

    await nemesis.stop(target());
    const leader = await cluster.waitForLeader(20_000);
    for (const id of [1, 2, 3]) {
      const get = () =>
        call<{ data: Buffer }>(cluster.coord(id), 'Get', {
          path: '/majority',
          consistency: 'CONSISTENCY_SERIALIZABLE',
        }).then(
          (r) => r.data.toString(),
          () => undefined,
        );
      const deadline = Date.now() + 10_000;
      while ((await get()) !== 'm' && Date.now() < deadline) await sleep(100);
      expect(await get()).toBe('m');
      // The write the isolated leader never committed was dropped when it rejoined.
      await expect(
        call(cluster.coord(id), 'Get', {
          path: '/minority',
          consistency: 'CONSISTENCY_SERIALIZABLE',
        }),
      ).rejects.toThrow();
    }
    console.log(
      `partition-leader: old leader ${old}, new leader ${elected} after ${electedMs} ms, leader ${leader} after the heal`,
    );
  });

  it('planted: with cuts that do nothing, the same assertions fail (no new leader, the old one commits)', async () => {
    lab.plantIneffectiveCuts = true;
    try {
      const nemesis = new PartitionLeaderNemesis(lab);
      const cut = await nemesis.start(target());
      const old = cut['leader'] as number;
      expect(await newLeaderOfOthers(old, 5_000)).toBeUndefined();
      expect(await writeSucceeds(old, '/planted')).toBe(true);
      await nemesis.stop(target());
    } finally {
      lab.plantIneffectiveCuts = false;
    }
  });
  it('kill -9 and restart reach the member in its namespace', async () => {
    const id = 1;
    const pid = cluster.member(id).process!.pid!;
    await cluster.kill(id, 'SIGKILL');
    expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
    cluster.start(id);
    await cluster.waitForLeader(20_000);
    expect((await cluster.status(id, 2000)).leader_id).not.toBe(0);
  });

  it('a broker in its own node registers and advertises its lab address', async () => {
    brokers = await BrokerCluster.start({ coordinators: cluster, size: 1, network: lab });
    const b = brokers.broker(1);
    expect(b.labNode).toBe(4);
    expect(b.address.startsWith(`${lab.address(4)}:`)).toBe(true);
    const meta = await call<{ brokers: Array<{ broker_id: number; address: string }> }>(
      brokers.client(1),
      'Metadata',
      {},
    );
    expect(meta.brokers.map((x) => x.address)).toEqual([b.address]);
  });

  it('halves, bridge and one-way cut what they report, and stop heals every cut', async () => {
    const t = { ...target(), brokers };
    const halves = new PartitionHalvesNemesis(lab);
    const h = await halves.start(t);
    const [majority, minority] = [h['majority'] as number[], h['minority'] as number[]];
    expect([...majority, ...minority].sort()).toEqual([1, 2, 3, 4]);
    expect(majority.filter((n) => n <= 3).length).toBe(2);
    expect(lab.cutLinks().length).toBe(2 * majority.length * minority.length);
    await halves.stop(t);
    expect(lab.cutLinks()).toEqual([]);

    const bridge = new PartitionBridgeNemesis(lab);
    const g = await bridge.start(t);
    const [left, right] = [g['left'] as number[], g['right'] as number[]];
    expect([...left, g['via'] as number, ...right].sort()).toEqual([1, 2, 3, 4]);
    expect(lab.cutLinks().length).toBe(2 * left.length * right.length);
    await bridge.stop(t);

    const oneWay = new PartitionOneWayNemesis(lab);
    const o = await oneWay.start(t);
    expect(lab.cutLinks()).toEqual([[o['from'], o['to']]]);
    await oneWay.stop(t);
    expect(lab.cutLinks()).toEqual([]);
    await cluster.waitForLeader(20_000);
    await brokers!.waitReady(1);
  });
});

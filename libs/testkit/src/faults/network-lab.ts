/**
 * A small network of Linux network namespaces for partition tests: one namespace per node, each
 * with `lo` and a veth pair into one Linux bridge on the host, and its own address 10.X.Y.(100+n)
 * on a /24. The bridge holds 10.X.Y.1, so the test process (on the host) reaches every node and
 * no cut ever separates it from one: links are cut only between nodes.
 *
 * A cut is a blackhole route for one peer's /32 inside the sender's namespace (`tc netem` and
 * `iptables` are not on these machines; `ip route` is). What that means, honestly:
 *  - `cut(a, b)` drops every packet a sends to b, at a's routing. b's packets still reach a. But
 *    TCP needs both directions, so no connection between a and b survives or forms either way:
 *    a's own connects fail at once (EINVAL from the route), and b's connects and sends to a time
 *    out (a's SYN-ACKs and ACKs are dropped). A one-way cut is asymmetric in how each side
 *    notices, not in what gets through; datagrams (none here) would get through b → a.
 *  - Nothing is delayed or reordered; delay and loss come from the transport's test shim.
 *
 * Names carry the creating pid (base 36) and a per-process counter, so parallel runs never
 * collide and `cleanupStale()` can remove the labs of runs that died without `destroy()`.
 * Needs root (CAP_NET_ADMIN and `ip netns`); `available()` says whether, and why not.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every name a lab creates starts with one of these, followed by its tag `<pid36>_<counter36>`. */
const NS_PREFIX = 'tlab-';
const BRIDGE_PREFIX = 'tb';
const VETH_PREFIX = 'tv';
/** Interface names are at most 15 characters (IFNAMSIZ - 1). */
const IFNAME_MAX = 15;
/** Node n has host number 100 + n on the lab's /24; the bridge (host side) is .1. */
const HOST_BASE = 100;
const NODES_MAX = 150;

let labCounter = 0;

function findIp(): string | undefined {
  for (const p of ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'])
    if (fs.existsSync(p)) return p;
  return undefined;
}

const IP = findIp() ?? 'ip';

async function ip(...args: string[]): Promise<string> {
  try {
    return (await run(IP, args)).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`ip ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid encoded in a lab name (`tlab-<pid36>_…`, `tb<pid36>_…`, `tv<pid36>_…`), if it is one. */
function creatorPid(name: string): number | undefined {
  const m = /^(?:tlab-|tb|tv)([0-9a-z]+)_[0-9a-z]+(?:_\d+i?)?$/.exec(name);
  return m ? parseInt(m[1]!, 36) : undefined;
}

export class NetworkLab {
  /** Links cut, as `from>to` (packets from → to dropped) → whether a route was installed. */
  private readonly cuts = new Map<string, boolean>();
  private destroyed = false;
  /**
   * Test-only plant: cuts are recorded but no route is installed, so a partition does nothing.
   * The lab's own tests set it to show that their partition assertions catch an ineffective cut.
   */
  plantIneffectiveCuts = false;

  private constructor(
    /** `<pid36>_<counter36>`: in every name this lab creates. */
    readonly tag: string,
    /** First three octets of the lab's /24, e.g. `10.37.4`. */
    readonly subnet: string,
    readonly nodeCount: number,
  ) {}

  /** Whether labs can be made here (root, and `ip netns` works); the reason when not. */
  static available(): { ok: true } | { ok: false; reason: string } {
    if (process.platform !== 'linux') return { ok: false, reason: 'network labs need Linux' };
    if (process.getuid?.() !== 0)
      return { ok: false, reason: 'network labs need root (ip netns, veth, bridge)' };
    if (!findIp()) return { ok: false, reason: 'no `ip` binary (Debian package iproute2)' };
    try {
      execFileSync(IP, ['netns', 'list'], { stdio: 'pipe' });
    } catch (error) {
      return { ok: false, reason: `ip netns list failed: ${(error as Error).message}` };
    }
    return { ok: true };
  }

  /**
   * Creates a lab of nodes 1..nodeCount. Removes stale labs first (their creator is dead), so a
   * crashed run costs the machine nothing beyond the next run's start.
   */
  static async create(nodeCount: number): Promise<NetworkLab> {
    if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > NODES_MAX)
      throw new Error(`a lab has 1..${NODES_MAX} nodes, not ${nodeCount}`);
    await NetworkLab.cleanupStale();
    const counter = labCounter++;
    const tag = `${process.pid.toString(36)}_${counter.toString(36)}`;
    const lab = new NetworkLab(tag, await freeSubnet(process.pid, counter), nodeCount);
    if (lab.vethName(nodeCount).length + 1 > IFNAME_MAX)
      throw new Error(`lab interface names too long for tag ${tag}`);
    try {
      await lab.build();
    } catch (error) {
      await lab.destroy().catch(() => undefined);
      throw error;
    }
    return lab;
  }

  /** Removes every lab (namespaces, veths, bridges) whose creating process is gone. */
  static async cleanupStale(): Promise<string[]> {
    const removed: string[] = [];
    const stale = (name: string) => {
      const pid = creatorPid(name);
      return pid !== undefined && !pidAlive(pid);
    };
    const links = (await ip('-o', 'link', 'show'))
      .split('\n')
      .map((line) => /^\d+:\s+([^:@\s]+)/.exec(line)?.[1])
      .filter((n): n is string => n !== undefined);
    // Veths first (deleting one end removes its peer in the namespace), then bridges, then names.
    for (const name of links.filter((n) => n.startsWith(VETH_PREFIX) && stale(n))) {
      await ip('link', 'del', name).catch(() => undefined);
      removed.push(name);
    }
    for (const name of links.filter((n) => n.startsWith(BRIDGE_PREFIX) && stale(n))) {
      await ip('link', 'del', name).catch(() => undefined);
      removed.push(name);
    }
    const namespaces = (await ip('netns', 'list'))
      .split('\n')
      .map((line) => line.split(' ')[0] ?? '')
      .filter((n) => n.startsWith(NS_PREFIX) && stale(n));
    for (const ns of namespaces) {
      await ip('netns', 'del', ns).catch(() => undefined);
      removed.push(ns);
    }
    return removed;
  }

  /** Node numbers 1..nodeCount. */
  get nodes(): number[] {
    return Array.from({ length: this.nodeCount }, (_, k) => k + 1);
  }

  /** The Linux bridge on the host that joins the nodes. */
  get bridgeName(): string {
    return `${BRIDGE_PREFIX}${this.tag}`;
  }

  /** The host's own address on the lab (the bridge): every node can reach it, always. */
  get hostAddress(): string {
    return `${this.subnet}.1`;
  }

  /** The namespace of a node. */
  namespace(node: number): string {
    this.check(node);
    return `${NS_PREFIX}${this.tag}_${node}`;
  }

  /** A node's IPv4 address, where its processes listen and its peers dial. */
  address(node: number): string {
    this.check(node);
    return `${this.subnet}.${HOST_BASE + node}`;
  }

  /**
   * `argv` run inside a node's namespace: `ip netns exec` execs it (no fork), so the pid a spawn
   * returns is the node's process and signals (SIGKILL, SIGSTOP) reach it directly.
   */
  wrap(node: number, argv: string[]): string[] {
    return [IP, 'netns', 'exec', this.namespace(node), ...argv];
  }

  /** Drops every packet `from` sends to `to` (see the header for what this does to TCP). */
  async cut(from: number, to: number): Promise<void> {
    this.check(from);
    this.check(to);
    if (from === to) throw new Error(`cannot cut node ${from} from itself`);
    const key = `${from}>${to}`;
    if (this.cuts.has(key)) return;
    const install = !this.plantIneffectiveCuts;
    if (install)
      await ip('-n', this.namespace(from), 'route', 'add', 'blackhole', `${this.address(to)}/32`);
    this.cuts.set(key, install);
  }

  /**
   * Nodes in different groups can no longer talk (both directions cut); nodes in no group keep
   * every link, and the host reaches all. Adds to the cuts already made; `heal()` removes all.
   */
  async partition(groups: number[][]): Promise<void> {
    const seen = new Set<number>();
    for (const node of groups.flat()) {
      this.check(node);
      if (seen.has(node)) throw new Error(`node ${node} is in two groups`);
      seen.add(node);
    }
    for (const [g, group] of groups.entries())
      for (const [h, other] of groups.entries())
        if (g !== h) for (const a of group) for (const b of other) await this.cut(a, b);
  }

  /** Cuts `node` from every other node, both ways. */
  async isolate(node: number): Promise<void> {
    await this.partition([[node], this.nodes.filter((n) => n !== node)]);
  }

  /** Jepsen's bridge: `left` and `right` cannot talk to each other, `via` talks to both. */
  async bridge(left: number[], via: number, right: number[]): Promise<void> {
    if (left.includes(via) || right.includes(via))
      throw new Error(`bridge node ${via} must be in neither half`);
    await this.partition([left, right]);
  }

  /** The cuts in force, as [from, to] pairs (packets from → to dropped). */
  cutLinks(): Array<[number, number]> {
    return [...this.cuts.keys()].map((k) => k.split('>').map(Number) as [number, number]);
  }

  /** Removes every cut. */
  async heal(): Promise<void> {
    for (const [key, installed] of [...this.cuts]) {
      const [from, to] = key.split('>').map(Number) as [number, number];
      if (installed)
        await ip('-n', this.namespace(from), 'route', 'del', 'blackhole', `${this.address(to)}/32`);
      this.cuts.delete(key);
    }
  }

  /**
   * Removes every namespace and link of this lab. Stop the processes first: a namespace lives on
   * (nameless) while a process is in it. Safe to call twice.
   */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.cuts.clear();
    const failures: string[] = [];
    const attempt = (p: Promise<unknown>) => p.catch((e: Error) => failures.push(e.message));
    const existing = new Set((await ip('netns', 'list')).split('\n').map((l) => l.split(' ')[0]));
    const links = await ip('-o', 'link', 'show');
    for (const node of this.nodes) {
      // Deleting the host end removes the pair now; a namespace's own cleanup is asynchronous.
      if (links.includes(` ${this.vethName(node)}@`))
        await attempt(ip('link', 'del', this.vethName(node)));
      if (existing.has(this.namespace(node)))
        await attempt(ip('netns', 'del', this.namespace(node)));
    }
    if (links.includes(` ${this.bridgeName}:`)) await attempt(ip('link', 'del', this.bridgeName));
    if (failures.length)
      throw new Error(`lab ${this.tag} not fully removed: ${failures.join('; ')}`);
  }

  private vethName(node: number): string {
    return `${VETH_PREFIX}${this.tag}_${node}`;
  }

  private check(node: number): void {
    if (!Number.isInteger(node) || node < 1 || node > this.nodeCount)
      throw new Error(`no node ${node} in a lab of ${this.nodeCount}`);
  }

  private async build(): Promise<void> {
    const bridge = this.bridgeName;
    await ip('link', 'add', bridge, 'type', 'bridge');
    await ip('addr', 'add', `${this.hostAddress}/24`, 'dev', bridge);
    await ip('link', 'set', bridge, 'up');
    for (const node of this.nodes) {
      const ns = this.namespace(node);
      const host = this.vethName(node);
      // The namespace end is created under a unique name on the host, then renamed eth0 inside.
      const inner = `${host}i`;
      await ip('netns', 'add', ns);
      await ip('-n', ns, 'link', 'set', 'lo', 'up');
      await ip('link', 'add', host, 'type', 'veth', 'peer', 'name', inner);
      await ip('link', 'set', inner, 'netns', ns);
      await ip('-n', ns, 'link', 'set', inner, 'name', 'eth0');
      await ip('-n', ns, 'addr', 'add', `${this.address(node)}/24`, 'dev', 'eth0');
      await ip('-n', ns, 'link', 'set', 'eth0', 'up');
      await ip('link', 'set', host, 'master', bridge);
      await ip('link', 'set', host, 'up');
    }
  }
}

/**
 * A 10.X.Y.0/24 no address or route on the host uses yet, starting from a hash of (pid, counter)
 * so that parallel runs start far apart.
 */
async function freeSubnet(pid: number, counter: number): Promise<string> {
  const used = (await ip('-4', 'route', 'show', 'table', 'all')) + (await ip('-4', '-o', 'addr'));
  let v = (Math.imul(pid, 2654435761) + Math.imul(counter, 40503)) >>> 16;
  for (let tries = 0; tries < 65536; tries++, v = (v + 1) & 0xffff) {
    const subnet = `10.${v >> 8}.${v & 255}`;
    // Skip 10.0.x (often in use) and anything the host already routes.
    if (v >> 8 === 0 || used.includes(`${subnet}.`)) continue;
    return subnet;
  }
  throw new Error('no free 10.X.Y.0/24 for a network lab');
}

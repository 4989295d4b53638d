/**
 * Nemeses that act on processes: crash (kill -9, then restart on the same data) and pause
 * (SIGSTOP, then SIGCONT: a process that is alive but silent for longer than its session TTL
 * and election timeout, as a long GC pause or a stalled VM is). Each picks one coordinator or
 * broker at random, or the coordinators' current leader.
 */
import type { ChildProcess } from 'node:child_process';
import type { FaultTarget, Nemesis } from '@tributary/testkit';

type NodeRef = { kind: 'coordinator' | 'broker'; id: number };

function liveNodes(t: FaultTarget, kinds: NodeRef['kind'][]): NodeRef[] {
  const nodes: NodeRef[] = [];
  if (kinds.includes('coordinator'))
    for (const m of t.coordinators.live()) nodes.push({ kind: 'coordinator', id: m.id });
  if (kinds.includes('broker') && t.brokers)
    for (const b of t.brokers.live()) nodes.push({ kind: 'broker', id: b.id });
  return nodes;
}

function processOf(t: FaultTarget, node: NodeRef): ChildProcess | null {
  return node.kind === 'coordinator'
    ? t.coordinators.member(node.id).process
    : t.brokers!.broker(node.id).process;
}

/** The coordinators' leader as one of them reports it (0 when none knows one). */
async function leaderOf(t: FaultTarget): Promise<number> {
  for (const m of t.coordinators.live()) {
    const s = await t.coordinators.status(m.id).catch(() => undefined);
    if (s && s.leader_id !== 0) return s.leader_id;
  }
  return 0;
}

async function chooseNode(t: FaultTarget, target: Target): Promise<NodeRef | undefined> {
  if (target === 'leader') {
    const leader = await leaderOf(t);
    if (leader !== 0 && t.coordinators.member(leader).process)
      return { kind: 'coordinator', id: leader };
  }
  const nodes = liveNodes(
    t,
    target === 'broker'
      ? ['broker']
      : target === 'coordinator'
        ? ['coordinator']
        : ['coordinator', 'broker'],
  );
  return nodes.length ? pick(t.random, nodes) : undefined;
}

type Target = 'any' | 'coordinator' | 'broker' | 'leader';

/** kill -9 one node; `stop` starts it again on its data directory. */
export class KillNemesis implements Nemesis {
  readonly name: string;
  private killed: NodeRef[] = [];

  constructor(private readonly target: Target = 'any') {
    this.name = target === 'any' ? 'kill' : `kill-${target}`;
  }

  async start(t: FaultTarget): Promise<Record<string, unknown>> {
    const node = await chooseNode(t, this.target);
    if (!node) return { skipped: 'no live node' };
    if (node.kind === 'coordinator') await t.coordinators.kill(node.id, 'SIGKILL');
    else await t.brokers!.kill(node.id, 'SIGKILL');
    this.killed.push(node);
    return { ...node, signal: 'SIGKILL' };
  }

  async stop(t: FaultTarget): Promise<void> {
    for (const node of this.killed.splice(0)) {
      if (node.kind === 'coordinator') {
        if (!t.coordinators.member(node.id).process) t.coordinators.start(node.id);
      } else if (!t.brokers!.broker(node.id).process) {
        await t.brokers!.start(node.id, { wait: false });
      }
      t.record('restarted', { ...node });
    }
  }
}

/** SIGSTOP one node; `stop` sends SIGCONT. */
export class PauseNemesis implements Nemesis {
  readonly name: string;
  private paused: { node: NodeRef; process: ChildProcess }[] = [];

  constructor(private readonly target: Target = 'any') {
    this.name = target === 'any' ? 'pause' : `pause-${target}`;
  }

  async start(t: FaultTarget): Promise<Record<string, unknown>> {
    const node = await chooseNode(t, this.target);
    const child = node && processOf(t, node);
    if (!node || !child) return { skipped: 'no live node' };
    child.kill('SIGSTOP');
    this.paused.push({ node, process: child });
    return { ...node, signal: 'SIGSTOP' };
  }

  async stop(t: FaultTarget): Promise<void> {
    for (const { node, process } of this.paused.splice(0)) {
      if (process.exitCode === null && process.signalCode === null) process.kill('SIGCONT');
      t.record('resumed', { ...node });
    }
  }
}

function pick<T>(random: FaultTarget['random'], items: readonly T[]): T {
  return items[random.int(items.length)]!;
}

/**
 * Network partition nemeses, after Jepsen's: they cut links between the lab nodes the clusters
 * run in (see network-lab.ts) and heal them all on stop. Each needs the clusters to have been
 * started with `network: lab`; the node of each process is read from the clusters at start
 * (`Member.labNode`, `BrokerMember.labNode`), so joiners and restarts are covered. The host (the
 * test process and the workloads' clients) always reaches every node.
 */
import type { Random } from '@tributary/raft';
import type { NetworkLab } from './network-lab';
import { pick, type FaultTarget, type Nemesis } from './nemesis';

/** Lab nodes of the live coordinators, by member id. */
function coordinatorNodes(target: FaultTarget): Map<number, number> {
  const nodes = new Map<number, number>();
  for (const m of target.coordinators.members.values()) {
    if (m.labNode === undefined)
      throw new Error(`coordinator ${m.id} is not in a network lab (start it with network: lab)`);
    nodes.set(m.id, m.labNode);
  }
  return nodes;
}

function brokerNodes(target: FaultTarget): number[] {
  return [...(target.brokers?.brokers.values() ?? [])].map((b) => {
    if (b.labNode === undefined)
      throw new Error(`broker ${b.id} is not in a network lab (start it with network: lab)`);
    return b.labNode;
  });
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Base for the partition nemeses: stop() heals every cut of the lab. */
abstract class PartitionNemesis implements Nemesis {
  abstract readonly name: string;
  constructor(protected readonly lab: NetworkLab) {}

  abstract start(target: FaultTarget): Promise<Record<string, unknown>>;

  async stop(target: FaultTarget): Promise<void> {
    const links = this.lab.cutLinks().length;
    await this.lab.heal();
    if (links) target.record(`${this.name} healed`, { links });
  }
}

/** Isolates the current Raft leader's node from every other node (brokers included). */
export class PartitionLeaderNemesis extends PartitionNemesis {
  readonly name = 'partition-leader';
  constructor(
    lab: NetworkLab,
    private readonly leaderTimeoutMs = 10_000,
  ) {
    super(lab);
  }

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const leader = await target.coordinators.waitForLeader(this.leaderTimeoutMs);
    const node = coordinatorNodes(target).get(leader)!;
    await this.lab.isolate(node);
    return { leader, node };
  }
}

/**
 * A random majority and minority of the coordinators; each broker joins a random side, so a
 * broker may be cut from the coordinator quorum too.
 */
export class PartitionHalvesNemesis extends PartitionNemesis {
  readonly name = 'partition-halves';

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const coords = shuffle(target.random, [...coordinatorNodes(target).values()]);
    const majority = coords.slice(0, Math.floor(coords.length / 2) + 1);
    const minority = coords.slice(majority.length);
    for (const b of brokerNodes(target)) (target.random.int(2) ? majority : minority).push(b);
    await this.lab.partition([majority, minority]);
    return { majority, minority };
  }
}

/**
 * Jepsen's bridge: two halves of the coordinators that cannot talk to each other, joined by one
 * coordinator that sees both. Each broker joins a random half.
 */
export class PartitionBridgeNemesis extends PartitionNemesis {
  readonly name = 'partition-bridge';

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const coords = shuffle(target.random, [...coordinatorNodes(target).values()]);
    if (coords.length < 3) throw new Error('a bridge needs at least 3 coordinators');
    const via = coords[0]!;
    const rest = coords.slice(1);
    const left = rest.slice(0, Math.ceil(rest.length / 2));
    const right = rest.slice(left.length);
    for (const b of brokerNodes(target)) (target.random.int(2) ? left : right).push(b);
    await this.lab.bridge(left, via, right);
    return { left, via, right };
  }
}

/**
 * Packets from one random node to another are dropped (the lab's one-way cut: no TCP forms
 * between the two, but only `from` fails fast; `to` sees timeouts).
 */
export class PartitionOneWayNemesis extends PartitionNemesis {
  readonly name = 'partition-one-way';

  async start(target: FaultTarget): Promise<Record<string, unknown>> {
    const nodes = [...coordinatorNodes(target).values(), ...brokerNodes(target)];
    const from = pick(target.random, nodes);
    const to = pick(
      target.random,
      nodes.filter((n) => n !== from),
    );
    await this.lab.cut(from, to);
    return { from, to };
  }
}

/** All four partition nemeses on one lab. */
export function partitionNemeses(lab: NetworkLab): Nemesis[] {
  return [
    new PartitionLeaderNemesis(lab),
    new PartitionHalvesNemesis(lab),
    new PartitionBridgeNemesis(lab),
    new PartitionOneWayNemesis(lab),
  ];
}

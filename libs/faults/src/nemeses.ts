/**
 * Every nemesis by name, as `npm run faults -- --nemeses …` and the CI campaign choose them.
 * Partitions need a network lab (a namespace per node; root), storage crashes need the nodes
 * started with the test-only lossy store: `needs()` says what a set of names requires.
 */
import {
  CorruptReplicaNemesis,
  CrashLoseUnsyncedNemesis,
  PartitionBridgeNemesis,
  PartitionHalvesNemesis,
  PartitionLeaderNemesis,
  PartitionOneWayNemesis,
  type NetworkLab,
  type Nemesis,
} from '@tributary/testkit';
import { MembershipNemesis } from './membership-nemesis';
import { KillNemesis, PauseNemesis } from './process-nemeses';

/** What a nemesis is made from: the lab (partitions) and the ids spare for new members. */
interface Setting {
  lab: NetworkLab | undefined;
  spareIds: [number, number];
}

type Maker = (s: Setting) => Nemesis;

const needLab = (name: string, lab: NetworkLab | undefined): NetworkLab => {
  if (!lab) throw new Error(`nemesis ${name} needs a network lab (run as root with iproute2)`);
  return lab;
};

const MAKERS: Record<string, Maker> = {
  kill: () => new KillNemesis('any'),
  'kill-leader': () => new KillNemesis('leader'),
  'kill-coordinator': () => new KillNemesis('coordinator'),
  'kill-broker': () => new KillNemesis('broker'),
  pause: () => new PauseNemesis('any'),
  'pause-leader': () => new PauseNemesis('leader'),
  'pause-broker': () => new PauseNemesis('broker'),
  'partition-leader': ({ lab }) => new PartitionLeaderNemesis(needLab('partition-leader', lab)),
  'partition-halves': ({ lab }) => new PartitionHalvesNemesis(needLab('partition-halves', lab)),
  'partition-bridge': ({ lab }) => new PartitionBridgeNemesis(needLab('partition-bridge', lab)),
  'partition-one-way': ({ lab }) => new PartitionOneWayNemesis(needLab('partition-one-way', lab)),
  'crash-lose-unsynced': () => new CrashLoseUnsyncedNemesis(),
  'crash-all-lose-unsynced': () =>
    renamed('crash-all-lose-unsynced', new CrashLoseUnsyncedNemesis({ all: true })),
  'corrupt-replica': () => new CorruptReplicaNemesis(),
  membership: ({ spareIds }) => new MembershipNemesis(...spareIds),
};

/** The same nemesis under a name of its own, so schedules and counts tell the variants apart. */
function renamed(name: string, n: Nemesis): Nemesis {
  return { name, start: (t) => n.start(t), stop: (t) => n.stop(t) };
}

export const NEMESIS_NAMES = Object.keys(MAKERS);

/** What running these nemeses takes from the campaign. */
export function needs(names: readonly string[]): {
  network: boolean;
  lossyStorage: boolean;
  brokers: boolean;
} {
  return {
    network: names.some((n) => n.startsWith('partition-')),
    lossyStorage: names.some((n) => n.includes('lose-unsynced')),
    brokers: names.some((n) => n.includes('broker') || n === 'corrupt-replica'),
  };
}

export function makeNemeses(names: readonly string[], setting: Setting): Nemesis[] {
  return names.map((name) => {
    const make = MAKERS[name];
    if (!make) throw new Error(`unknown nemesis ${name}; known: ${NEMESIS_NAMES.join(', ')}`);
    return make(setting);
  });
}

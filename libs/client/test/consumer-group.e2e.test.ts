// Consumer groups across processes, against real processes on loopback (testkit: 1
// coordinator, 3 `trib broker`). Each member is its own process (consumer-member.ts) that
// commits after each record, so a member can crash with kill -9 between processing a record
// and committing it. Checked: a group of 3 splits 12 partitions 4/4/4; a crashed member's
// partitions move to the others once its session times out; every record is processed, and a
// record is processed again only after a processing that was never committed (at-least-once:
// a committed record is never read again); a static member restarted within its session takes
// back its partitions from its commits while the other member sees no rebalance.
import * as path from 'node:path';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BrokerCluster, CoordinatorCluster, eventually, REPO_ROOT } from '@tributary/testkit';
import { Admin, Producer } from '../src';

jest.setTimeout(240_000);

let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let bootstrap: string[];
const members: Member[] = [];

beforeAll(async () => {
  coordinators = await CoordinatorCluster.start({ size: 1 });
  brokers = await BrokerCluster.start({ coordinators, size: 3 });
  bootstrap = brokers.live().map((b) => b.address);
});
afterAll(async () => {
  await Promise.all(members.map((m) => m.kill()));
  await brokers?.shutdown();
  await coordinators?.shutdown();
});

interface MemberEvent {
  event: 'ready' | 'assigned' | 'revoked' | 'processed' | 'committed' | 'commit-failed';
  partitions?: number[];
  partition?: number;
  offset?: number;
  value?: string;
  generation?: number;
  /** Test-side receive time. */
  at: number;
}

class Member {
  readonly events: MemberEvent[] = [];
  readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';
  private exited = false;

  constructor(
    readonly name: string,
    args: { topic: string; group: string; instanceId?: string; sessionMs: number; delayMs: number },
  ) {
    const fixture = path.join(__dirname, 'consumer-member.ts');
    this.child = spawn(
      process.execPath,
      [
        '--require',
        'tsx/cjs',
        fixture,
        bootstrap.join(','),
        args.topic,
        args.group,
        args.instanceId ?? '',
        String(args.sessionMs),
        String(args.delayMs),
      ],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let buffered = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines)
        if (line) this.events.push({ ...(JSON.parse(line) as MemberEvent), at: Date.now() });
    });
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.child.on('exit', () => (this.exited = true));
    members.push(this);
  }

  /** Partitions owned now, from the assigned and revoked reports. */
  owned(): number[] {
    const owned = new Set<number>();
    for (const e of this.events) {
      if (e.event === 'assigned') for (const p of e.partitions!) owned.add(p);
      if (e.event === 'revoked') for (const p of e.partitions!) owned.delete(p);
    }
    return [...owned].sort((a, b) => a - b);
  }

  count(event: MemberEvent['event']): number {
    return this.events.filter((e) => e.event === event).length;
  }

  async ready(): Promise<void> {
    await eventually(
      async () => {
        if (this.exited) throw new Error(`${this.name} exited: ${this.stderr}`);
        return this.count('ready') > 0;
      },
      60_000,
      `${this.name} joined`,
    );
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }
}

async function createTopic(name: string, partitions: number): Promise<void> {
  const admin = new Admin({ bootstrap });
  try {
    await admin.createTopic(name, { partitions, replicationFactor: 3 });
    await eventually(
      async () => (await admin.describeTopics([name]))[0]!.partitions.every((p) => p.leader > 0),
      30_000,
      `leaders for every partition of ${name}`,
    );
  } finally {
    admin.close();
  }
}

async function produce(topic: string, partitions: number, perPartition: number): Promise<void> {
  const producer = new Producer({ bootstrap, lingerMs: 2 });
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < partitions * perPartition; i++) {
    sends.push(producer.send({ topic, partition: i % partitions, value: `v${i}` }));
  }
  await Promise.all(sends);
  await producer.close();
}

/**
 * Every processing of each record, by whom and whether it was committed: a commit of a later
 * offset of the partition by the same member, while it still owned the partition, covers it too
 * (a commit refused by a rebalance is covered by the next one, or read again by the new owner).
 * A killed member's last record of a partition may have been committed without the report
 * reaching us: `maybe`.
 */
function processings(all: Member[], killed?: Member) {
  type Entry = { member: string; at: number; committed: boolean; maybe: boolean };
  const byRecord = new Map<string, Entry[]>();
  for (const m of all) {
    const open = new Map<number, { offset: number; entry: Entry }[]>();
    for (const e of m.events) {
      if (e.event === 'revoked') for (const p of e.partitions!) open.delete(p);
      if (e.event === 'committed') {
        for (const x of open.get(e.partition!) ?? [])
          if (x.offset <= e.offset!) x.entry.committed = true;
      }
      if (e.event !== 'processed') continue;
      const key = `${e.partition}/${e.offset}`;
      const entry: Entry = { member: m.name, at: e.at, committed: false, maybe: false };
      byRecord.set(key, [...(byRecord.get(key) ?? []), entry]);
      open.set(e.partition!, [...(open.get(e.partition!) ?? []), { offset: e.offset!, entry }]);
    }
    if (m === killed) for (const list of open.values()) list[list.length - 1]!.entry.maybe = true;
  }
  return byRecord;
}

/** Checks at-least-once hand-over: each record committed once, by its last processing. */
/** `repeater`: the one member whose records may be read again (killed: its last reports lost). */
function expectCommittedOnce(all: Member[], repeater: Member, killed: boolean): number {
  let repeated = 0;
  for (const [record, list] of processings(all, killed ? repeater : undefined)) {
    if (list.length === 1 && list[0]!.maybe) continue; // committed, report lost with the process
    expect({ record, committed: list.filter((x) => x.committed).length }).toEqual({
      record,
      committed: 1,
    });
    const last = list.reduce((x, y) => (y.at >= x.at ? y : x));
    expect({ record, lastCommitted: last.committed }).toEqual({ record, lastCommitted: true });
    for (const earlier of list.filter((x) => x !== last)) {
      expect({ record, ...earlier }).toMatchObject({ member: repeater.name, committed: false });
    }
    if (list.length > 1) repeated++;
  }
  return repeated;
}

/** Every one of `total` records processed, each by some processing that was committed. */
function allCommitted(all: Member[], total: number, killed?: Member): boolean {
  const byRecord = processings(all, killed);
  const done = (l: { committed: boolean; maybe: boolean }[]) =>
    l.some((x) => x.committed) || (l.length === 1 && l[0]!.maybe);
  return byRecord.size === total && [...byRecord.values()].every(done);
}

it('a group of 3 splits 12 partitions 4/4/4 and rebalances on a crash without re-reading committed records', async () => {
  const topic = 'group-split';
  const perPartition = 100;
  await createTopic(topic, 12);

  const opts = { topic, group: 'split', sessionMs: 3_000, delayMs: 5 };
  const [a, b, c] = ['a', 'b', 'c'].map((name) => new Member(name, opts)) as [
    Member,
    Member,
    Member,
  ];
  await Promise.all([a.ready(), b.ready(), c.ready()]);
  await eventually(
    async () => [a, b, c].every((m) => m.owned().length === 4),
    60_000,
    'an assignment of 4/4/4',
  );
  const split = [a, b, c].map((m) => m.owned());
  expect(split.flat().sort((x, y) => x - y)).toEqual([...Array(12).keys()]);
  await produce(topic, 12, perPartition);

  // Crash c in the middle of its work.
  const before = c.count('processed');
  await eventually(async () => c.count('processed') >= before + 20, 60_000, 'c at work');
  await c.kill();
  const crashedOwned = c.owned();
  await eventually(
    async () => a.owned().length === 6 && b.owned().length === 6,
    60_000,
    "c's partitions moved to a and b",
  );
  for (const p of crashedOwned) expect([...a.owned(), ...b.owned()]).toContain(p);

  const total = 12 * perPartition;
  await eventually(
    async () => allCommitted([a, b, c], total, c),
    120_000,
    'every record processed and committed',
  );
  // Every record once, except one c processed and died before committing.
  expect(expectCommittedOnce([a, b, c], c, true)).toBeLessThanOrEqual(1);
  await Promise.all([a.kill(), b.kill()]);
});

it('a static member restarted within its session takes back its partitions, no rebalance', async () => {
  const topic = 'group-static';
  await createTopic(topic, 4);
  const opts = { topic, group: 'static', sessionMs: 15_000, delayMs: 20 };
  const t = new Member('t', opts);
  await t.ready();
  const s = new Member('s', { ...opts, instanceId: 'pod-s' });
  await s.ready();
  await eventually(
    async () => t.owned().length === 2 && s.owned().length === 2,
    60_000,
    'an assignment of 2/2',
  );
  await produce(topic, 4, 40);
  await eventually(async () => s.count('committed') >= 10, 60_000, 's at work');
  const tEvents = t.events.filter((e) => e.event === 'assigned' || e.event === 'revoked').length;
  const sOwned = s.owned();
  await s.kill();
  const lastCommitted = new Map<number, number>();
  for (const e of s.events.filter((x) => x.event === 'committed')) {
    lastCommitted.set(e.partition!, Math.max(lastCommitted.get(e.partition!) ?? -1, e.offset!));
  }

  const restartedAt = Date.now();
  const s2 = new Member('s2', { ...opts, instanceId: 'pod-s' });
  await s2.ready();
  await eventually(async () => s2.owned().length === 2, 30_000, 's2 owns partitions');
  expect(s2.owned()).toEqual(sOwned);
  // Well within the 15 s session: the place was taken over, not freed by a timeout.
  expect(Date.now() - restartedAt).toBeLessThan(12_000);
  const firstOf = (p: number) =>
    s2.events.find((e) => e.event === 'processed' && e.partition === p);
  await eventually(async () => sOwned.every((p) => firstOf(p)), 30_000, 's2 at work on both');
  // s2 resumes after s's last commit: not before the last one s reported (a committed record is
  // never read again), not after the last record s processed (nothing skipped); s may have been
  // killed between a commit and its report.
  for (const p of sOwned) {
    const lastProcessed = Math.max(
      -1,
      ...s.events.filter((e) => e.event === 'processed' && e.partition === p).map((e) => e.offset!),
    );
    expect(firstOf(p)!.offset).toBeGreaterThanOrEqual((lastCommitted.get(p) ?? -1) + 1);
    expect(firstOf(p)!.offset).toBeLessThanOrEqual(lastProcessed + 1);
  }
  // t saw no rebalance: nothing assigned to it or taken from it since.
  expect(t.events.filter((e) => e.event === 'assigned' || e.event === 'revoked').length).toBe(
    tEvents,
  );
  await Promise.all([t.kill(), s2.kill()]);
});

it('a member frozen past its session is replaced; thawed, it commits nothing over the new owner and joins again', async () => {
  const topic = 'group-zombie';
  await createTopic(topic, 4);
  const opts = { topic, group: 'zombie', sessionMs: 2_000, delayMs: 10 };
  const w = new Member('w', opts);
  const z = new Member('z', opts);
  await Promise.all([w.ready(), z.ready()]);
  await eventually(async () => w.owned().length === 2 && z.owned().length === 2, 60_000, '2/2');
  await produce(topic, 4, 150);
  await eventually(async () => z.count('committed') >= 10, 60_000, 'z at work');

  z.child.kill('SIGSTOP');
  await eventually(
    async () => w.owned().length === 4,
    30_000,
    'w took the frozen member’s partitions',
  );
  const revokedBefore = z.count('revoked');
  z.child.kill('SIGCONT');
  // z learns it was removed (UNKNOWN_MEMBER), drops its partitions and joins as a new member.
  await eventually(
    async () => z.count('revoked') > revokedBefore,
    30_000,
    'z dropped its partitions',
  );
  await eventually(
    async () => w.owned().length === 2 && z.owned().length === 2,
    60_000,
    '2/2 again',
  );

  const total = 4 * 150;
  await eventually(
    async () => allCommitted([w, z], total),
    120_000,
    'every record processed and committed',
  );
  expect(expectCommittedOnce([w, z], z, false)).toBeLessThanOrEqual(1);
  await Promise.all([w.kill(), z.kill()]);
});

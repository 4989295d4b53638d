// Members restart after kill -9 and SIGTERM at the worst moments: right after a snapshot (one
// member and three), right after installing a leader's snapshot, and they refuse to start on a
// damaged log, naming the key, until rebuilt from their peers. Nothing acknowledged is lost.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RocksStore } from '@tributary/log-store';
import { call, callRetrying, CoordinatorCluster, eventually, sleep } from '@tributary/testkit';
import { entryKey } from '../src/storage/raft-storage';

jest.setTimeout(180_000);

const SNAPSHOT_LINE = /took state snapshot and compacted the log/;
const INSTALLED_LINE = /installed snapshot from leader/;
let cluster: CoordinatorCluster | undefined;
afterEach(() => cluster?.shutdown());

/** Creates /r/k<n> on `member()` one at a time until `stop()`; returns the acknowledged paths. */
function writeUntil(c: CoordinatorCluster, member: () => number, stop: () => boolean) {
  const acked: string[] = [];
  const done = (async () => {
    for (let n = 0; !stop(); n++) {
      const p = `/r/k${n}`;
      try {
        await call(c.coord(member()), 'Create', { path: p, data: Buffer.from(p) }, 2000);
        acked.push(p);
      } catch {
        await sleep(20); // outcome unknown: not counted
      }
    }
  })();
  return { acked, done };
}

/** Every acknowledged path is on `id` (a serializable read there, once it has caught up). */
async function expectAll(c: CoordinatorCluster, id: number, acked: string[]) {
  let missing: string[] = acked;
  const probe = async () => {
    const list = await call<any>(c.coord(id), 'List', {
      path: '/r',
      consistency: 'CONSISTENCY_SERIALIZABLE',
    }).catch(() => ({ children: [] }));
    const have = new Set(list.children.map((name: string) => `/r/${name}`));
    missing = acked.filter((p) => !have.has(p));
    return missing.length === 0;
  };
  await eventually(
    probe,
    30_000,
    `member ${id} to hold all ${acked.length} acknowledged writes`,
  ).catch(() => expect(missing).toEqual([]));
}

async function killRightAfter(
  c: CoordinatorCluster,
  watched: number,
  line: RegExp,
  victims: number[],
  signal: NodeJS.Signals,
) {
  const seen = c.logCount(watched, line);
  await c.waitForLog(watched, line, seen);
  await Promise.all(victims.map((id) => c.kill(id, signal)));
}

it.each(['SIGKILL', 'SIGTERM'] as const)(
  'a single member restarts after %s right after each of three snapshots',
  async (signal) => {
    const c = (cluster = await CoordinatorCluster.start({
      size: 1,
      snapshotEveryEntries: 5,
      snapshotKeepEntries: 0,
    }));
    await callRetrying(() => c.coord(1), 'Create', { path: '/r', data: Buffer.alloc(0) });
    const all: string[] = [];
    for (let round = 0; round < 3; round++) {
      let stop = false;
      const w = writeUntil(
        c,
        () => 1,
        () => stop,
      );
      await killRightAfter(c, 1, SNAPSHOT_LINE, [1], signal);
      stop = true;
      await w.done;
      all.push(...w.acked);
      c.start(1);
      await c.waitForLeader();
      await expectAll(c, 1, all);
    }
    expect(c.logCount(1, /consensus loop failed|hard state commit/)).toBe(0);
  },
);

it('three members restart after kill -9 of all right after a snapshot, and after SIGTERM of a follower', async () => {
  const c = (cluster = await CoordinatorCluster.start({
    size: 3,
    snapshotEveryEntries: 5,
    snapshotKeepEntries: 0,
  }));
  await callRetrying(() => c.coord(1), 'Create', { path: '/r', data: Buffer.alloc(0) });
  let leader = await c.waitForLeader();
  let stop = false;
  let w = writeUntil(
    c,
    () => leader,
    () => stop,
  );
  await killRightAfter(c, leader, SNAPSHOT_LINE, [1, 2, 3], 'SIGKILL');
  stop = true;
  await w.done;
  const acked = [...w.acked];
  for (const id of [1, 2, 3]) c.start(id);
  leader = await c.waitForLeader();
  for (const id of [1, 2, 3]) await expectAll(c, id, acked);

  const follower = [1, 2, 3].find((id) => id !== leader)!;
  stop = false;
  w = writeUntil(
    c,
    () => leader,
    () => stop,
  );
  await killRightAfter(c, follower, SNAPSHOT_LINE, [follower], 'SIGTERM');
  stop = true;
  await w.done;
  acked.push(...w.acked);
  c.start(follower);
  for (const id of [1, 2, 3]) await expectAll(c, id, acked);
});

it('a follower restarts after kill -9 right after installing a snapshot from the leader', async () => {
  const c = (cluster = await CoordinatorCluster.start({
    size: 3,
    snapshotEveryEntries: 5,
    snapshotKeepEntries: 0,
  }));
  await callRetrying(() => c.coord(1), 'Create', { path: '/r', data: Buffer.alloc(0) });
  const leader = await c.waitForLeader();
  const lagging = [1, 2, 3].find((id) => id !== leader)!;
  await c.kill(lagging, 'SIGKILL');
  const acked: string[] = [];
  for (let n = 0; n < 40; n++) {
    await callRetrying(() => c.coord(leader), 'Create', {
      path: `/r/k${n}`,
      data: Buffer.alloc(1),
    });
    acked.push(`/r/k${n}`);
  }
  const installs = c.logCount(lagging, INSTALLED_LINE);
  c.start(lagging);
  await c.waitForLog(lagging, INSTALLED_LINE, installs);
  await c.kill(lagging, 'SIGKILL');
  c.start(lagging);
  await expectAll(c, lagging, acked);
  expect(c.logCount(lagging, /consensus loop failed/)).toBe(0);
});

it('refuses to start on a damaged entry, naming its key; rebuilt from its peers once re-added', async () => {
  const c = (cluster = await CoordinatorCluster.start({ size: 3 }));
  await callRetrying(() => c.coord(1), 'Create', { path: '/r', data: Buffer.alloc(0) });
  const acked: string[] = [];
  for (let n = 0; n < 20; n++) {
    await callRetrying(() => c.coord(1), 'Create', { path: `/r/k${n}`, data: Buffer.alloc(1) });
    acked.push(`/r/k${n}`);
  }
  const leader = await c.waitForLeader();
  const victim = [1, 2, 3].find((id) => id !== leader)!;
  await expectAll(c, victim, acked);
  expect(await c.kill(victim, 'SIGTERM')).toBe(0);

  // Flip one bit in the newest stored entry, as a bad sector would.
  const dir = path.join(c.member(victim).dataDir, 'raft');
  const db = await RocksStore.open(dir);
  const rows = await db.scan(entryKey(0), entryKey(Number.MAX_SAFE_INTEGER));
  const [key, value] = rows[rows.length - 1]!;
  value[value.length - 1]! ^= 0x01;
  await db.batch([{ type: 'put', key, value }], true);
  await db.close();
  const index = Number(key.readBigUInt64BE(1));

  c.start(victim);
  expect(await c.exited(victim)).toBe(1);
  const log = fs.readFileSync(c.member(victim).logFile, 'utf8');
  expect(log).toContain(`raft storage key e/${index}: CRC-32C mismatch`);
  expect(log).toContain('--join');

  // Cleared and started as a founder again, it would have forgotten its votes: refused.
  const victimDir = c.member(victim).dataDir;
  fs.rmSync(victimDir, { recursive: true, force: true });
  c.start(victim);
  expect(await c.exited(victim)).toBe(1);
  expect(fs.readFileSync(c.member(victim).logFile, 'utf8')).toMatch(
    new RegExp(`member ${victim} has an empty data directory.*refusing to found it again`),
  );

  // The operator's way back: remove it, clear its directory, add it again as a new joiner.
  const admin = () => c.clientsFor(c.member(leader).address).cluster;
  await call(admin(), 'RemoveMember', { id: victim }, 30_000);
  await c.drop(victim);
  fs.rmSync(victimDir, { recursive: true, force: true });
  const joiner = await c.spawnJoiner(victim);
  await call(admin(), 'AddMember', { id: victim, address: joiner.address }, 60_000);
  await expectAll(c, victim, acked);
  const status = await c.status(victim);
  expect(status.members.map((m: any) => m.id).sort()).toEqual([1, 2, 3]);
});

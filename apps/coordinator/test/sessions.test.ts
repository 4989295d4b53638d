// Sessions end when their client dies: real `trib` client processes are killed with SIGKILL.
// Their ephemeral node disappears within the session TTL (and a watch sees the deletion), and a
// lock they held passes to the next waiter with a larger fencing token.
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { call, callRetrying, CoordinatorCluster, eventually, sleep } from '@tributary/testkit';

const TRIB = path.resolve(__dirname, '../../cli/bin/trib.js');
// Long enough that a loaded test machine does not expire a live session by mistake.
const TTL_MS = 3000;
let cluster: CoordinatorCluster;
const children: ChildProcess[] = [];

beforeAll(async () => {
  cluster = await CoordinatorCluster.start({ size: 3 });
});
afterAll(async () => {
  for (const c of children) killGroup(c);
  await cluster.shutdown();
});

/** Runs `trib ARGS` in its own process group; resolves once `ready` matches its stdout. */
function trib(
  args: string[],
  ready: RegExp,
): { child: ChildProcess; output: () => string; started: Promise<string> } {
  const coordinators = cluster
    .live()
    .map((m) => m.address)
    .join(',');
  const child = spawn(process.execPath, [TRIB, ...args], {
    detached: true,
    env: { ...process.env, TRIBUTARY_COORDINATORS: coordinators },
  });
  children.push(child);
  let out = '';
  const started = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      reject(new Error(`trib ${args.join(' ')} exited ${code}: ${out}`)),
    );
  });
  started.catch(() => undefined);
  return { child, output: () => out, started };
}

/** Kills a client and everything it started (its CMD); already-dead groups are fine. */
function killGroup(c: ChildProcess): void {
  try {
    process.kill(-c.pid!, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}

it('deletes the ephemeral node of a killed client within its TTL, and a watch sees it', async () => {
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/svc',
    data: Buffer.alloc(0),
  });
  const holder = trib(
    ['kv', 'create', '/svc/instance-1', 'up', '--ephemeral', '--ttl-ms', String(TTL_MS)],
    /\/svc\/instance-1/,
  );
  await holder.started;
  const node = await call<any>(cluster.coord(leader), 'Get', { path: '/svc/instance-1' });
  expect(node.stat.ephemeral_owner).toBeGreaterThan(0);

  const events: any[] = [];
  const watch = cluster
    .coord(leader)
    .Watch({ path: '/svc', prefix: true, start_revision: node.revision });
  watch.on('data', (r: any) => events.push(...r.events));
  watch.on('error', () => undefined);

  const killedAt = Date.now();
  killGroup(holder.child);
  for (;;) {
    const gone = await call(cluster.coord(leader), 'Get', { path: '/svc/instance-1' }).then(
      () => false,
      () => true,
    );
    if (gone) break;
    expect(Date.now() - killedAt).toBeLessThan(TTL_MS + 3000);
    await sleep(50);
  }
  const goneAfterMs = Date.now() - killedAt;
  expect(goneAfterMs).toBeLessThan(TTL_MS + 1500);
  await eventually(
    () => events.some((e) => e.type === 'EVENT_TYPE_DELETED' && e.path === '/svc/instance-1'),
    10_000,
    'the watch to see /svc/instance-1 deleted',
  );
  watch.cancel();
});

it('passes a lock held by a killed client to the next waiter with a larger fencing token', async () => {
  const leader = await cluster.waitForLeader();
  await callRetrying(() => cluster.coord(leader), 'Create', {
    path: '/locks',
    data: Buffer.alloc(0),
  });
  const cmd = 'echo token=$TRIBUTARY_FENCING_TOKEN; sleep 60';
  const first = trib(
    ['lock', '/locks/job', '--ttl-ms', String(TTL_MS), '--', 'sh', '-c', cmd],
    /token=\d+/,
  );
  const firstToken = Number((await first.started).split('=')[1]);
  const second = trib(
    ['lock', '/locks/job', '--ttl-ms', String(TTL_MS), '--wait-ms', '30000', '--', 'sh', '-c', cmd],
    /token=\d+/,
  );
  // The second client is queued (the lock node lists both keys), and waits behind the holder.
  await eventually(
    () =>
      call<any>(cluster.coord(leader), 'List', { path: '/locks/job' }).then(
        (l) => l.children.length === 2,
        () => false,
      ),
    15_000,
    'the second client to queue on /locks/job',
  );
  expect(second.output()).not.toMatch(/token=/);

  killGroup(first.child);
  const secondToken = Number((await second.started).split('=')[1]);
  expect(secondToken).toBeGreaterThan(firstToken);
  killGroup(second.child);
});

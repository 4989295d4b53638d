// `--pod-domain` and the flags it stands for, as a user meets them: a missing id or address is
// a usage error (exit 2) naming the flag, giving both is refused, and a hostname that is not a
// StatefulSet pod's stops the process with what was expected.
import { runTrib } from '@tributary/testkit';

jest.setTimeout(60_000);

const data = ['--data-dir', '/nonexistent/trib-pod-flags'];

it('trib coordinator needs --id and --peers unless --pod-domain', async () => {
  const r = await runTrib(['coordinator', '--listen', '127.0.0.1:1', ...data]);
  expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("required option '--id <n>'")]);
  const peers = await runTrib(['coordinator', '--id', '1', '--listen', '127.0.0.1:1', ...data]);
  expect(peers.code).toBe(2);
  expect(peers.stderr).toContain("required option '--peers <list>'");
});

it('refuses --pod-domain together with the flags it derives', async () => {
  const c = await runTrib([
    'coordinator',
    '--pod-domain',
    'p.ns.svc',
    '--id',
    '1',
    '--listen',
    '127.0.0.1:1',
    ...data,
  ]);
  expect([c.code, c.stderr]).toEqual([
    2,
    expect.stringContaining('--pod-domain derives --id and --peers'),
  ]);
  const b = await runTrib([
    'broker',
    '--pod-domain',
    'p.ns.svc',
    '--advertise',
    'x:1',
    '--listen',
    '127.0.0.1:1',
    '--coordinators',
    '127.0.0.1:2',
    ...data,
  ]);
  expect([b.code, b.stderr]).toEqual([
    2,
    expect.stringContaining('--pod-domain derives --id and --advertise'),
  ]);
});

it('trib broker names a missing address flag', async () => {
  const r = await runTrib(['broker', '--id', '1', '--coordinators', '127.0.0.1:2', ...data]);
  expect([r.code, r.stderr]).toEqual([
    2,
    expect.stringContaining("required option '--listen <host:port>'"),
  ]);
});

it('stops when HOSTNAME is not a StatefulSet pod name', async () => {
  const r = await runTrib(
    [
      'broker',
      '--pod-domain',
      'p.ns.svc',
      '--listen',
      '127.0.0.1:1',
      '--coordinators',
      '127.0.0.1:2',
      ...data,
    ],
    { env: { HOSTNAME: 'laptop' } },
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("hostname 'laptop' is not a StatefulSet pod's");
});

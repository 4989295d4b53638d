// The TLS flags as a user meets them: servers take --tls-cert, --tls-key and --tls-ca all three
// or none and --cluster-principals only with them; clients need --tls-cert and --tls-key
// together and a CA with them. Each mistake is a usage error (exit 2) naming the flags; a file
// that cannot be read, a key of another certificate or a --cluster-principals list without the
// process's own principal stops it (exit 1) saying so.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDevCa, createDevLeaf, hashToken, parseTokenFile } from '@tributary/rpc';
import { runTrib } from '@tributary/testkit';
import { clientTlsProblem } from '../src/tls-options';

jest.setTimeout(60_000);

const coordinator = [
  'coordinator',
  '--id',
  '1',
  '--listen',
  '127.0.0.1:1',
  '--peers',
  '1=127.0.0.1:1',
];
const broker = ['broker', '--id', '1', '--listen', '127.0.0.1:1', '--coordinators', '127.0.0.1:2'];
const data = ['--data-dir', '/nonexistent/trib-tls-flags'];

it('servers refuse some TLS files without the others', async () => {
  const c = await runTrib([...coordinator, ...data, '--tls-cert', 'c.pem']);
  expect([c.code, c.stderr]).toEqual([
    2,
    expect.stringContaining(
      'TLS needs --tls-cert, --tls-key and --tls-ca together; missing --tls-key, --tls-ca',
    ),
  ]);
  const b = await runTrib([...broker, ...data, '--tls-ca', 'ca.pem', '--tls-key', 'k.pem']);
  expect([b.code, b.stderr]).toEqual([2, expect.stringContaining('missing --tls-cert')]);
});

it('servers refuse --cluster-principals and --tls-reload-ms without TLS', async () => {
  const c = await runTrib([...coordinator, ...data, '--cluster-principals', 'a,b']);
  expect([c.code, c.stderr]).toEqual([
    2,
    expect.stringContaining('--cluster-principals needs TLS'),
  ]);
  const b = await runTrib([...broker, ...data, '--tls-reload-ms', '100']);
  expect([b.code, b.stderr]).toEqual([2, expect.stringContaining('--tls-reload-ms needs')]);
});

it('a server stops at start-up on an unreadable file, a key of another certificate, or a list without itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-tls-flags-'));
  try {
    const ca = createDevCa(dir);
    const a = createDevLeaf(dir, ca, { name: 'a', cn: 'a' });
    const b = createDevLeaf(dir, ca, { name: 'b', cn: 'b' });
    const dataDir = ['--data-dir', path.join(dir, 'data')];
    const missing = await runTrib([
      ...coordinator,
      ...dataDir,
      ...['--tls-cert', a.cert, '--tls-key', a.key, '--tls-ca', path.join(dir, 'nope.crt')],
    ]);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      expect.stringMatching(/--tls-ca .*nope\.crt: ENOENT/),
    ]);
    const mismatched = await runTrib([
      ...broker,
      ...dataDir,
      ...['--tls-cert', a.cert, '--tls-key', b.key, '--tls-ca', ca.cert],
    ]);
    expect([mismatched.code, mismatched.stderr]).toEqual([
      1,
      expect.stringContaining('is not the private key of --tls-cert'),
    ]);
    const leftOut = await runTrib([
      ...coordinator,
      ...dataDir,
      ...['--tls-cert', a.cert, '--tls-key', a.key, '--tls-ca', ca.cert],
      ...['--cluster-principals', 'b'],
    ]);
    expect([leftOut.code, leftOut.stderr]).toEqual([
      1,
      expect.stringContaining("--cluster-principals b leaves out 'a'"),
    ]);
    // Nothing was opened: the files are checked before the data directory.
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('clients need --tls-cert with --tls-key, and a CA with them', async () => {
  expect(clientTlsProblem({})).toBeUndefined();
  expect(clientTlsProblem({ tlsCa: 'ca' })).toBeUndefined();
  expect(clientTlsProblem({ tlsCa: 'ca', tlsCert: 'c', tlsKey: 'k' })).toBeUndefined();
  expect(clientTlsProblem({ tlsCa: 'ca', tlsCert: 'c' })).toMatch(
    /--tls-cert and --tls-key go together/,
  );
  expect(clientTlsProblem({ tlsCert: 'c', tlsKey: 'k' })).toMatch(/--tls-cert needs --tls-ca/);
  const kv = await runTrib(['kv', 'get', '/x', '--tls-key', 'k.pem']);
  expect([kv.code, kv.stderr]).toEqual([2, expect.stringContaining('go together')]);
  const env = await runTrib(['topic', 'list'], {
    env: { TRIBUTARY_TLS_CERT: 'c.pem', TRIBUTARY_TLS_KEY: 'k.pem' },
  });
  expect([env.code, env.stderr]).toEqual([2, expect.stringContaining('--tls-cert needs --tls-ca')]);
  const unreadable = await runTrib(['kv', 'get', '/x', '--tls-ca', '/nonexistent/ca.pem']);
  expect([unreadable.code, unreadable.stderr]).toEqual([
    1,
    expect.stringContaining('--tls-ca /nonexistent/ca.pem: ENOENT'),
  ]);
});

it('servers take --auth-tokens only with TLS; clients send --token only over TLS', async () => {
  const c = await runTrib([...coordinator, ...data, '--auth-tokens', 'tokens.txt']);
  expect([c.code, c.stderr]).toEqual([2, expect.stringContaining('--auth-tokens needs TLS')]);
  expect(clientTlsProblem({ token: 't' })).toMatch(/--token needs --tls-ca/);
  expect(clientTlsProblem({ token: 't', tlsCa: 'ca' })).toBeUndefined();
  const env = await runTrib(['kv', 'get', '/x'], { env: { TRIBUTARY_TOKEN: 'trib_x' } });
  expect([env.code, env.stderr]).toEqual([2, expect.stringContaining('--token needs --tls-ca')]);
});

it('trib token create prints a token once and appends only its hash', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-token-'));
  try {
    const file = path.join(dir, 'tokens.txt');
    fs.writeFileSync(file, '# tokens of this cluster'); // no final newline: one is added
    const made = await runTrib(['token', 'create', '--principal', 'alice', '--append', file]);
    const token = made.stdout.trim();
    expect([made.code, token]).toEqual([0, expect.stringMatching(/^trib_\S{43}$/)]);
    const expiring = await runTrib([
      ...['token', 'create', '--principal', 'bob', '--expires-in-days', '30', '--append', file],
    ]);
    expect(expiring.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    const entries = parseTokenFile(text, file);
    expect(entries.map((e) => e.principal)).toEqual(['alice', 'bob']);
    expect(entries[0]!.hash).toBe(hashToken(token));
    expect(entries[1]!.expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const bad = await runTrib(['token', 'create', '--principal', 'a b']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('without spaces')]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

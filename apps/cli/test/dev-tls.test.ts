// `trib dev --tls` as a user runs it: openssl-made certificates under <data-dir>/tls, every
// server on mTLS, and a summary whose export lines are all a `trib` command needs; without them
// a command is refused. Ctrl-C stops every child, and a second run reuses the certificates.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { eventually, freePortBase, runTrib, spawnTrib } from '@tributary/testkit';

jest.setTimeout(300_000);

const BANNER_END = 'Ctrl-C stops the cluster.';
let dataDir: string;
let base: number;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-dev-tls-'));
  base = await freePortBase([0, 80, 2000, 2080]);
});

afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  try {
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'dev.json'), 'utf8'));
    for (const pid of Object.values(state.children ?? {}) as number[]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  } catch {
    // no state file
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startDev() {
  const child = spawnTrib(
    ['dev', '--tls', '--quiet', '--coordinators', '1', '--brokers', '1'].concat([
      '--data-dir',
      dataDir,
      '--base-port',
      String(base),
    ]),
  );
  started.push(child);
  const output = { text: '' };
  child.stdout.on('data', (c: Buffer) => (output.text += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output.text += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await eventually(
    () => output.text.includes(BANNER_END) || child.exitCode !== null,
    120_000,
    'the trib dev banner',
  );
  if (!output.text.includes(BANNER_END)) throw new Error(`trib dev exited:\n${output.text}`);
  return { child, output, exited };
}

/** The `export NAME=value` lines of the summary, as an environment. */
function exported(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^export (TRIBUTARY_[A-Z_]+)=(.*)$/gm)) env[m[1]!] = m[2]!;
  return env;
}

it('runs every server on mTLS and prints what a client needs', async () => {
  const dev = await startDev();
  const env = exported(dev.output.text);
  const tlsDir = path.join(dataDir, 'tls');
  expect(env).toEqual({
    TRIBUTARY_BOOTSTRAP: `127.0.0.1:${base + 2000}`,
    TRIBUTARY_COORDINATORS: `127.0.0.1:${base}`,
    TRIBUTARY_TLS_CA: path.join(tlsDir, 'ca.crt'),
    TRIBUTARY_TLS_CERT: path.join(tlsDir, 'client.crt'),
    TRIBUTARY_TLS_KEY: path.join(tlsDir, 'client.key'),
  });
  const member = new X509Certificate(fs.readFileSync(path.join(tlsDir, 'member.crt')));
  expect(member.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
  expect(member.checkIssued(new X509Certificate(fs.readFileSync(env['TRIBUTARY_TLS_CA']!)))).toBe(
    true,
  );
  // Each server logs that it runs mTLS, not the plaintext warning.
  for (const name of ['coordinator-1', 'broker-1']) {
    const log = fs.readFileSync(path.join(dataDir, 'logs', `${name}.log`), 'utf8');
    expect(log).toMatch(/started \(mTLS: client certificates required/);
    expect(log).not.toContain('no TLS');
  }

  expect(await runTrib(['kv', 'create', '/tls', 'on'], { env })).toMatchObject({ code: 0 });
  // Nothing but the answer: no warning about the IP address sent as the TLS server name.
  expect(await runTrib(['kv', 'get', '/tls'], { env })).toMatchObject({
    code: 0,
    stdout: 'on',
    stderr: '',
  });
  const topic = await runTrib(['topic', 'create', 't', '-p', '1', '-r', '1'], { env });
  expect(topic.code).toBe(0);
  const produced = await runTrib(['produce', 't'], { env, input: 'hello\n' });
  expect(produced.code).toBe(0);
  const consumed = await runTrib(['consume', 't', '--from-beginning', '-n', '1'], { env });
  expect([consumed.code, consumed.stdout]).toEqual([0, 'hello\n']);

  // Plaintext, or the CA without a client certificate: no connection.
  const plain = { TRIBUTARY_COORDINATORS: env['TRIBUTARY_COORDINATORS']! };
  const refused = await runTrib(['kv', 'get', '/tls', '--timeout-ms', '1500'], { env: plain });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/UNAVAILABLE/);
  const noCert = { ...plain, TRIBUTARY_TLS_CA: env['TRIBUTARY_TLS_CA']! };
  const anonymous = await runTrib(['kv', 'get', '/tls', '--timeout-ms', '1500'], { env: noCert });
  expect(anonymous.code).toBe(1);

  dev.child.kill('SIGINT');
  expect(await dev.exited).toBe(0);

  // A second run keeps the certificates (and so the clients' files).
  const before = fs.readFileSync(path.join(tlsDir, 'ca.crt'));
  const again = await startDev();
  expect(fs.readFileSync(path.join(tlsDir, 'ca.crt')).equals(before)).toBe(true);
  expect(await runTrib(['kv', 'get', '/tls'], { env })).toMatchObject({ code: 0, stdout: 'on' });
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});

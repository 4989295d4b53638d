/**
 * The coordination peers of `npm run bench:peers`, started here like nats-server is in
 * jetstream.ts: etcd (Debian's etcd-server) and ZooKeeper (Debian's zookeeper, run with java
 * and a generated zoo.cfg), each on free loopback ports with a fresh data dir and its durable
 * defaults (etcd fsyncs its WAL per commit; ZooKeeper's forceSync is on), and stopped with
 * their data deleted afterwards.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePorts } from '@tributary/rpc';
import { stopChild } from './produce-cluster';

export interface PeerServer {
  endpoints: string[];
  version: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const ETCD_BINARY = '/usr/bin/etcd';
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
const NATS_BINARIES = ['/usr/sbin/nats-server', '/usr/bin/nats-server'];

export const NATS_MISSING =
  'the JetStream peer needs nats-server: install the Debian package (apt-get install nats-server)';

/** Where Debian's nats-server package put the binary; undefined when it is not installed. */
export function natsServerBinary(): string | undefined {
  return NATS_BINARIES.find((b) => fs.existsSync(b));
}

/** Which peer binaries are missing, with the Debian package that brings each. */
export function missingPeers(): string[] {
  const missing: string[] = [];
  if (!natsServerBinary()) missing.push('nats-server (nats-server)');
  if (!fs.existsSync(ETCD_BINARY)) missing.push('etcd (etcd-server)');
  if (!fs.existsSync(ZOOKEEPER_JAR)) missing.push('zookeeper (zookeeper)');
  return missing;
}

export async function startEtcd(): Promise<PeerServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-bench-etcd-'));
  const [client, peer] = await freePorts(2);
  const clientUrl = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const child = spawn(
    ETCD_BINARY,
    [
      '--name=bench',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=bench=${peerUrl}`,
    ],
    { stdio: ['ignore', 'ignore', logTo(dataDir)] },
  );
  const version = /Version:\s*(\S+)/.exec(execFileSync(ETCD_BINARY, ['--version']).toString());
  const server = peerServer(child, [`127.0.0.1:${client}`], version?.[1] ?? '?', dataDir);
  await untilReady(child, 'etcd', async () => {
    const res = await fetch(`${clientUrl}/health`);
    return res.ok && ((await res.json()) as { health?: string }).health === 'true';
  }).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return server;
}

export async function startZooKeeper(): Promise<PeerServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-bench-zk-'));
  const [port] = await freePorts(1);
  const cfg = path.join(dataDir, 'zoo.cfg');
  // Standalone, durable defaults (forceSync=yes is ZooKeeper's default; written for the record).
  fs.writeFileSync(
    cfg,
    [
      'tickTime=2000',
      `dataDir=${path.join(dataDir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'forceSync=yes',
      'maxClientCnxns=0',
      'admin.enableServer=false',
      '4lw.commands.whitelist=srvr',
      '',
    ].join('\n'),
  );
  const child = spawn(
    'java',
    [
      '-cp',
      `/etc/zookeeper/conf:${ZOOKEEPER_JAR}`,
      `-Dzookeeper.log.dir=${dataDir}`,
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
      cfg,
    ],
    { stdio: ['ignore', logTo(dataDir), logTo(dataDir)] },
  );
  let version = '?';
  const server = peerServer(child, [`127.0.0.1:${port}`], '?', dataDir);
  await untilReady(child, 'zookeeper', async () => {
    const answer = await fourLetterWord(port, 'srvr');
    const m = /Zookeeper version:\s*([^,\s-]+)/.exec(answer);
    if (m) version = m[1]!;
    return m !== null;
  }).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return { ...server, version };
}

function logTo(dir: string): number {
  return fs.openSync(path.join(dir, 'server.log'), 'a');
}

function peerServer(
  child: ChildProcess,
  endpoints: string[],
  version: string,
  dataDir: string,
): PeerServer {
  return {
    endpoints,
    version,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function untilReady(
  child: ChildProcess,
  name: string,
  probe: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${name} not ready in ${READY_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function fourLetterWord(port: number, word: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(word));
    socket.setTimeout(2_000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

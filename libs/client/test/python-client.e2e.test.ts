// The Python example (examples/python) against real processes: 3 coordinators and 3 brokers.
// Its stubs are generated from protos/ the way a user generates them (generate.py: buf
// build, then Debian's python3-grpcio / python3-grpc-tools). quickstart.py, and the lines its
// README shows, create an ephemeral node and a topic, produce and consume. What quickstart.py
// wrote is checked from the SDK: a watch saw the node created on its session and deleted with
// it, and a Consumer reads the records it produced (so its RecordBatch and CRC-32C are what
// the TypeScript side reads).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrokerCluster, CoordinatorCluster, REPO_ROOT } from '@tributary/testkit';
import { Consumer, CoordinationClient, type ConsumerRecord, type WatchEvent } from '../src';

jest.setTimeout(180_000);

const EXAMPLE = path.join(REPO_ROOT, 'examples/python');
/** Debian's python3 first: its packages are not on a pyenv or venv python3 ahead on PATH. */
const CANDIDATES = ['/usr/bin/python3', 'python3'];

function findPython(): string | undefined {
  const probe = 'import grpc, grpc_tools, google.protobuf';
  return CANDIDATES.find((p) => spawnSync(p, ['-c', probe]).status === 0);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(command, args, {
    cwd: EXAMPLE,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

const python = findPython();
const MISSING =
  'Python gRPC is missing: apt-get install python3-grpcio python3-grpc-tools python3-protobuf ' +
  '(.ci/run installs them)';

if (!python && process.env.CI !== 'true') {
  it.skip(`Python client example: skipped, ${MISSING}`, () => undefined);
} else {
  describe('the Python client example', () => {
    let coordinators: CoordinatorCluster;
    let brokers: BrokerCluster;

    beforeAll(async () => {
      if (!python) throw new Error(MISSING);
      run(python, ['generate.py']);
      coordinators = await CoordinatorCluster.start({ size: 3, leaderTimeoutMs: 80_000 });
      brokers = await BrokerCluster.start({ coordinators, size: 3 });
    }, 150_000);

    afterAll(async () => {
      await brokers?.shutdown();
      await coordinators?.shutdown();
    });

    it('generates CRC-32C as the broker checks it', () => {
      const code = 'import tributary_records as r; print(hex(r.crc32c(b"123456789")))';
      const out = run(python!, ['-c', code]);
      expect(out.trim()).toBe('0xe3069283'); // the CRC-32C check value (RFC 3720)
    });

    it('creates an ephemeral node and a topic, produces and consumes', async () => {
      const addresses = (members: Iterable<{ address: string }>) =>
        [...members].map((m) => m.address).join(',');
      const coordinatorList = addresses(coordinators.members.values());
      const bootstrap = brokers.broker(1).address;
      const client = new CoordinationClient({ endpoints: coordinatorList.split(',') });
      const watch = client.watch('/py-test');
      const events: WatchEvent[] = [];
      const watching = (async () => {
        for await (const event of watch) if (events.push(event) === 2) return;
      })();
      await new Promise((resolve) => setTimeout(resolve, 500)); // the watch's start message

      const out = run(
        python!,
        [
          'quickstart.py',
          '--node',
          '/py-test',
          '--topic',
          'py-test',
          '--key',
          'k1',
          'hello',
          'from python',
        ],
        {
          TRIBUTARY_BOOTSTRAP: bootstrap,
          TRIBUTARY_COORDINATORS: coordinatorList,
        },
      );
      const session = Number(
        /^session (\d+): created ephemeral \/py-test = hello$/m.exec(out)?.[1],
      );
      expect(session).toBeGreaterThan(0);
      expect(out).toMatch(/^produced 2 records to py-test\/0 at offset 0$/m);
      expect(out).toMatch(
        /^consumed py-test\/0@0 key=b'k1' value=hello headers=\[\('lang', b'python'\)\]$/m,
      );
      expect(out).toMatch(/^consumed py-test\/0@1 key=b'k1' value=from python /m);
      expect(out).toMatch(new RegExp(`^closed session ${session}: /py-test is gone$`, 'm'));

      try {
        await watching;
        expect(events.map((e) => [e.type, e.path])).toEqual([
          ['created', '/py-test'],
          ['deleted', '/py-test'],
        ]);
        expect(events[0]!.data.toString()).toBe('hello');
        expect(events[0]!.stat.ephemeralOwner).toBe(session);
        await expect(client.get('/py-test')).rejects.toMatchObject({ reason: 'NO_NODE' });
      } finally {
        watch.close();
        await client.close();
      }

      const consumer = new Consumer({ bootstrap: [bootstrap], fetchWaitMsMax: 100 });
      const records: ConsumerRecord[] = [];
      try {
        await consumer.assign('py-test', 'earliest');
        const deadline = Date.now() + 30_000;
        while (records.length < 2 && Date.now() < deadline)
          records.push(...(await consumer.poll()));
      } finally {
        await consumer.close();
      }
      expect(records.map((r) => [r.offset, r.key?.toString(), r.value?.toString()])).toEqual([
        [0, 'k1', 'hello'],
        [1, 'k1', 'from python'],
      ]);
      expect(records[0]!.headers).toEqual([{ key: 'lang', value: Buffer.from('python') }]);
    });

    it("runs the README's lines: an ephemeral node, a record produced and read back", () => {
      const readme = fs.readFileSync(path.join(EXAMPLE, 'README.md'), 'utf8');
      const block = /## The calls, in short[\s\S]*?```python\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(block).toContain('partition_leader');
      const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trib-py-')), 'readme.py');
      fs.writeFileSync(script, block!);
      const out = run(python!, [script], {
        PYTHONPATH: EXAMPLE,
        TRIBUTARY_BOOTSTRAP: brokers.broker(2).address,
        TRIBUTARY_COORDINATORS: [...coordinators.members.values()][1]!.address,
      });
      expect(out).toMatch(/^b'hello'\n\[\(0, \d+, None, b'hello', \[\]\)\]\n$/);
    });
  });
}

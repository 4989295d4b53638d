// Bad arguments and unreachable clusters, as a user meets them: every usage error (unknown
// command or option, missing or invalid argument, flags that do not go together) exits 2 with a
// message naming what was wrong; an unreachable broker exits 1 and says how to start or name one.
import { runTrib } from '@tributary/testkit';

jest.setTimeout(120_000);

// Port 1: nothing listens, so no test here can reach another helper's cluster by accident.
const env = { TRIBUTARY_BOOTSTRAP: '127.0.0.1:1', TRIBUTARY_COORDINATORS: '127.0.0.1:1' };
const trib = (...args: string[]) => runTrib(args, { env, timeoutMs: 60_000 });

it.each([
  [['topic', 'create'], /missing required argument 'name'/],
  [
    ['topic', 'create', 't', '--partitions', 'zero'],
    /'-p, --partitions <n>' argument 'zero' is invalid\. expected an integer ≥ 1/,
  ],
  [['topic', 'create', 't', '--config', 'retention.ms'], /'retention.ms' is not key=value/],
  [['topic', 'frobnicate'], /unknown command 'frobnicate'/],
  [['topic', 'list', '--bogus'], /unknown option '--bogus'/],
  [
    ['topic', 'list', '--bootstrap', 'nonsense'],
    /'--bootstrap <list>' argument 'nonsense' is invalid/,
  ],
  [['topic', 'alter', 't'], /required option '-p, --partitions <n>' not specified/],
  [
    ['produce', 't', 'x', '--acks', 'maybe'],
    /'--acks <acks>' argument 'maybe' is invalid\. expected one of all, leader, none/,
  ],
  [['produce'], /missing required argument 'topic'/],
  [['consume', 't', '--offset', '5'], /--offset needs --partition/],
  [
    ['consume', 't', '-p', '0', '--offset', '5', '--from-beginning'],
    /--offset or --from-beginning, not both/,
  ],
  [['consume', 't', '--format', 'xml'], /expected one of text, json/],
  [['consume', 't', '--group', 'g', '-p', '0'], /--group reads the partitions the group assigns/],
  [['group', 'describe'], /missing required argument 'group'/],
  [['partitions', 'reassign', 't', '0'], /required option '--replicas <ids>' not specified/],
  [
    ['partitions', 'reassign', 't', '0', '--replicas', '1,x'],
    /'--replicas <ids>' argument '1,x' is invalid/,
  ],
  [['kv', 'get', '/x', '--timeout-ms', '-1'], /'--timeout-ms <ms>' argument '-1' is invalid/],
])('trib %j is a usage error: exit 2 and %s', async (args, message) => {
  const result = await trib(...args);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).toBe('');
});

it('a bad TRIBUTARY_BOOTSTRAP is a usage error naming the variable', async () => {
  const result = await runTrib(['topic', 'list'], { env: { TRIBUTARY_BOOTSTRAP: 'a:b:c' } });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/from env 'TRIBUTARY_BOOTSTRAP' is invalid/);
});

it('help exits 0 and lists the data commands', async () => {
  const result = await trib('--help');
  expect(result.code).toBe(0);
  for (const command of ['topic', 'produce', 'consume', 'group', 'partitions', 'cluster']) {
    expect(result.stdout).toContain(`  ${command}`);
  }
});

it('an unreachable broker exits 1 and says how to start or name one', async () => {
  const result = await trib('topic', 'list', '--timeout-ms', '2000');
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^trib: cannot reach broker 127\.0\.0\.1:1.* \(UNAVAILABLE\)\n/);
  expect(result.stderr).toMatch(
    /No broker answered at 127\.0\.0\.1:1\. Start a local cluster with `trib dev`, or pass --bootstrap/,
  );
});

/**
 * Runs a range of whole-coordinator simulation seeds through the simulator's own CLI (a child
 * process under tsx: the same code runs several times slower inside jest's module sandbox), and
 * fails with its violation report, which names the seed and the command that reruns it.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const SIM_CLI = path.resolve(__dirname, '../../tools/sim-cli.ts');

/** Runs the simulator's CLI with `args`: its exit code and standard output. */
export function runSimCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SIM_CLI, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (exitCode) => resolve({ code: exitCode, stdout: out }));
  });
}

export function simPart(nodes: number, firstSeed: number, seeds: number): void {
  it(`keeps every invariant on ${seeds} seeds × ${nodes} members (from seed ${firstSeed})`, async () => {
    const args = [
      '--seeds',
      String(seeds),
      '--nodes',
      String(nodes),
      '--start-seed',
      String(firstSeed),
      '--json',
    ];
    const { code, stdout } = await runSimCli(args);
    if (code !== 0) throw new Error(`simulator exited ${code}:\n${stdout.slice(-20_000)}`);
    const totals = JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, number>;
    // The runs did real work: writes acknowledged, members crashed, clients were told they hold
    // locks and sessions ended along the way…
    expect(totals['seeds']).toBe(seeds);
    expect(totals['acked']).toBeGreaterThan(seeds * 10);
    expect(totals['crashes']).toBeGreaterThan(seeds);
    expect(totals['lockGrants']).toBeGreaterThan(seeds / 2);
    expect(totals['sessionsEnded']).toBeGreaterThan(seeds);
    // …and brokers registered, leaders changed ISRs, consumers were answered.
    expect(totals['brokersRegistered']).toBeGreaterThan(seeds);
    expect(totals['isrChanges']).toBeGreaterThan(seeds / 5);
    expect(totals['groupAnswers']).toBeGreaterThan(seeds);
  }, 600_000);
}

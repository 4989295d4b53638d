/**
 * The `trib` command as a child process, the way a user runs it: `node apps/cli/bin/trib.js ARGS`
 * from the repo root. `runTrib` runs it to completion with a deadline and captures its output;
 * `spawnTrib` starts a long-running one (`kv watch`, `dev`) whose output the test reads itself.
 */
import * as path from 'node:path';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const TRIB_BIN = path.join(REPO_ROOT, 'apps/cli/bin/trib.js');

export interface TribOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Working directory; the repo root by default. */
  cwd?: string;
}

export interface TribResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The deadline passed and the process was killed with SIGKILL. */
  timedOut: boolean;
}

/** Starts `trib ARGS` with piped stdio. */
export function spawnTrib(
  args: string[],
  options: TribOptions = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [TRIB_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs `trib ARGS` to completion, stdin from `input` (empty by default), SIGKILL at `timeoutMs`. */
export function runTrib(
  args: string[],
  options: TribOptions & { input?: string; timeoutMs?: number } = {},
): Promise<TribResult> {
  return new Promise((resolve) => {
    const child = spawnTrib(args, options);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}

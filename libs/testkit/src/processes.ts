/** Child-process chores both test clusters (coordinators, brokers) share. */
import * as fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/** Sends `signal` and waits for the exit; returns the exit code (null if the child is gone). */
export function killAndWait(
  child: ChildProcess | null,
  signal: NodeJS.Signals,
): Promise<number | null> {
  if (!child) return Promise.resolve(null);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.kill(signal);
  return exited;
}

/** Waits for a child to exit by itself; rejects naming `what` after `timeoutMs`. */
export function exitWithin(
  child: ChildProcess | null,
  timeoutMs: number,
  what: string,
): Promise<number | null> {
  if (!child) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} still running after ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Resident set size of process `pid` in bytes, from /proc/<pid>/status (Linux). */
export function rssBytesOf(pid: number, what: string): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${what} (pid ${pid})`);
  return Number(m[1]) * 1024;
}

/** How many lines of a log file (all runs appended) match `pattern`; 0 if it does not exist. */
export function countLogLines(file: string, pattern: RegExp): number {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return text.split('\n').filter((line) => pattern.test(line)).length;
}

/** Waits until `file` has more than `seen` lines matching `pattern`. */
export async function waitForLogLines(
  file: string,
  pattern: RegExp,
  seen: number,
  o: { timeoutMs: number; intervalMs: number; what: string },
): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  while (countLogLines(file, pattern) <= seen) {
    if (Date.now() > deadline)
      throw new Error(`${o.what} logged no new ${pattern} within ${o.timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, o.intervalMs));
  }
}

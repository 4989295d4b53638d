/**
 * `trib lock NAME -- CMD ARGS…`: runs CMD while holding the coordination lock NAME, like
 * flock(1) for a cluster. Opens a session, waits for the lock (FIFO), runs CMD with
 * TRIBUTARY_FENCING_TOKEN and TRIBUTARY_LOCK_KEY in its environment, forwards signals to it,
 * and when CMD exits releases the lock, closes the session and exits with CMD's code (128 + n
 * when CMD died of signal n). If the session expires while CMD runs, the lock is lost: CMD gets
 * SIGTERM and trib exits non-zero.
 */
import * as os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Command } from 'commander';
import type { CoordinationClient, CoordinationError, Lock, Session } from '@tributary/client';
import {
  coordinationAction,
  nextSignal,
  parseNonNegativeInt,
  parsePositiveInt,
  reportError,
  withClient,
  withCoordinationOptions,
  type CoordinationOptions,
} from '../coordination';

const FORWARDED: NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
];

type LockOpts = CoordinationOptions & { ttlMs: number; waitMs?: number };

export function registerLock(program: Command): void {
  withCoordinationOptions(
    program
      .command('lock')
      .description('run a command while holding a cluster-wide lock (fenced, FIFO)')
      .usage('[options] <name> -- <command> [args...]')
      .argument('<name>', 'the lock (its node path, e.g. /locks/deploy; the parent must exist)')
      .argument('<command...>', 'the command to run, after --')
      .option(
        '--ttl-ms <ms>',
        'session TTL: how long the lock outlives a crashed trib',
        parsePositiveInt,
        10_000,
      )
      .option(
        '--wait-ms <ms>',
        'give up (LOCK_TIMEOUT) after waiting this long; default: the server default',
        parseNonNegativeInt,
      ),
  ).action(
    coordinationAction(async (name: string, command: string[], opts: LockOpts) => {
      await withClient(opts, (client) => lockAndRun(client, name, command, opts));
    }),
  );
}

async function lockAndRun(
  client: CoordinationClient,
  name: string,
  command: string[],
  opts: LockOpts,
): Promise<void> {
  const session = await client.openSession({ ttlMs: opts.ttlMs });
  try {
    const lock = await acquireUnlessInterrupted(client, name, session, opts.waitMs);
    if (!lock) return;
    try {
      process.exitCode = await runHolding(command, lock, session);
    } finally {
      await lock.unlock().catch((error: CoordinationError) => reportError(error, 'unlock: '));
    }
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** The lock, or undefined (exit code set) when a signal came first. */
async function acquireUnlessInterrupted(
  client: CoordinationClient,
  name: string,
  session: Session,
  waitMs: number | undefined,
): Promise<Lock | undefined> {
  const signal = nextSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
  try {
    const acquired = client.lock(name, { session, waitMs });
    const first = await Promise.race([acquired, signal.promise]);
    if (typeof first !== 'string') return first;
    // Interrupted while waiting: closing the session withdraws the waiter.
    acquired.catch(() => undefined);
    process.exitCode = 128 + (os.constants.signals[first] ?? 0);
    return undefined;
  } finally {
    signal.dispose();
  }
}

/** Runs the command with the lock's env; resolves with the exit code trib should use. */
function runHolding(command: string[], lock: Lock, session: Session): Promise<number> {
  const [file, ...args] = command;
  return new Promise((resolve) => {
    let lost = false;
    const child: ChildProcess = spawn(file!, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        TRIBUTARY_FENCING_TOKEN: String(lock.fencingToken),
        TRIBUTARY_LOCK_KEY: lock.key,
      },
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = FORWARDED.map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const onExpired = (error: CoordinationError) => {
      lost = true;
      reportError(error, `lock ${lock.key} lost, stopping the command: `);
      child.kill('SIGTERM');
    };
    session.once('expired', onExpired);
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      session.off('expired', onExpired);
      resolve(lost ? code || 1 : code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(`trib: cannot run ${file}: ${error.message}\n`);
      finish(error.code === 'ENOENT' ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      finish(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}

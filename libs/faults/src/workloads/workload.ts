/**
 * A workload drives real clients against the cluster while nemeses break it, records every
 * operation to its history, and, once the faults are healed, checks that history. Clients run
 * in the campaign's process and are never faulted themselves: like Jepsen's, they stand for the
 * applications the cluster serves.
 */
import { CoordinationClient, CoordinationError } from '@tributary/client';
import type { Random } from '@tributary/raft';
import type { RunClock } from '../history';

export interface WorkloadContext {
  /** Coordinator addresses, `host:port`. */
  coordinators: string[];
  /** Broker addresses (empty when the campaign runs no brokers). */
  brokers: string[];
  clock: RunClock;
  random: Random;
  /** Where the workload writes its history file(s). */
  dir: string;
  /** A line of progress for the operator. */
  log(line: string): void;
}

export interface WorkloadVerdict {
  workload: string;
  ok: boolean;
  /** Operations by outcome, anomalies by class: whatever the checker counts. */
  counts: Record<string, number>;
  /** One human line: what was checked and what was found. */
  summary: string;
  /** Up to a few counterexamples, for the report. */
  examples?: unknown;
}

export interface Workload {
  readonly name: string;
  /** Whether the workload needs brokers. */
  readonly needsBrokers: boolean;
  /** Prepares (topics, keys) and starts the clients; resolves once they run. */
  start(ctx: WorkloadContext): Promise<void>;
  /** Stops issuing operations and waits for those in flight. */
  stop(): Promise<void>;
  /** With the cluster healed: final reads, then the checker's verdict. Closes every client. */
  check(ctx: WorkloadContext): Promise<WorkloadVerdict>;
}

/** Runs `body` until `signal` aborts, one iteration at a time; an iteration's error ends nothing. */
export async function loopUntil(
  signal: AbortSignal,
  body: () => Promise<void>,
  onError: (error: unknown) => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await body();
    } catch (error) {
      onError(error);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A short description of an error for a history line. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const reason = (error as { reason?: unknown }).reason;
    const tag = [code, reason].filter((x) => x !== undefined && x !== '').join('/');
    return tag ? `${tag}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Creates `path` and every missing ancestor (persistent, empty); existing ones are kept. */
export async function ensurePath(client: CoordinationClient, path: string): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    await client.create(`/${parts.slice(0, i).join('/')}`, '').catch((error: unknown) => {
      if (!(error instanceof CoordinationError && error.reason === 'NODE_EXISTS')) throw error;
    });
  }
}

/**
 * Client `c` of a workload: it starts at coordinator `c` (mod the count), so that followers
 * forward writes too, and tries the others in turn.
 */
export function coordinationClient(
  ctx: WorkloadContext,
  c: number,
  requestTimeoutMs: number,
): CoordinationClient {
  const n = ctx.coordinators.length;
  const endpoints = ctx.coordinators.map((_, i) => ctx.coordinators[(i + c) % n]!);
  return new CoordinationClient({ endpoints, requestTimeoutMs });
}

/**
 * A failed write's outcome: the SDK marks a write indeterminate when its answer was lost (it may
 * still apply, and is never resent); any other error is a refusal, so it did not happen.
 */
export function writeOutcome(error: unknown): 'fail' | 'info' {
  return error instanceof CoordinationError && !error.indeterminate ? 'fail' : 'info';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

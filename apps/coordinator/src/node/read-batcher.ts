/**
 * Linearizable reads by ReadIndex, batched: every read that arrives while a ReadIndex round is
 * in flight waits for the next round, so one heartbeat round serves them all. A read may not
 * join a round already in flight: that round's index may predate the read.
 */
import { tributaryError } from '@tributary/rpc';

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

interface Round {
  context: string;
  waiters: Waiter[];
  startedMs: number;
}

export interface ReadIndexPort {
  /** Starts a ReadIndex round; false when there is no leader to ask. */
  requestReadIndex(context: string): boolean;
  /** Resolves once the state machine has applied `index`. */
  waitApplied(index: number): Promise<void>;
}

export class ReadBatcher {
  private waiting: Waiter[] = [];
  private inflight: Round | null = null;
  private rounds = 0;

  constructor(
    private readonly nodeId: number,
    private readonly port: ReadIndexPort,
    private readonly roundTimeoutMs: number,
  ) {}

  read(): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Called by the node loop: starts a round if reads wait and none is in flight. */
  flush(nowMs: number): void {
    if (this.inflight && nowMs - this.inflight.startedMs > this.roundTimeoutMs) {
      this.fail(this.inflight.waiters, 'NO_LEADER', 'no leader confirmed the read in time; retry');
      this.inflight = null;
    }
    if (this.inflight || this.waiting.length === 0) return;
    const context = `r${this.nodeId}-${++this.rounds}`;
    const waiters = this.waiting;
    this.waiting = [];
    if (!this.port.requestReadIndex(context)) {
      this.fail(
        waiters,
        'NO_LEADER',
        'no leader is known to confirm a linearizable read; retry shortly',
      );
      return;
    }
    this.inflight = { context, waiters, startedMs: nowMs };
  }

  /** A ReadState arrived: its waiters may read once `index` is applied. */
  onReadState(context: string, index: number): void {
    if (!this.inflight || this.inflight.context !== context) return;
    const { waiters } = this.inflight;
    this.inflight = null;
    this.port.waitApplied(index).then(
      () => waiters.forEach((w) => w.resolve()),
      (e: Error) => waiters.forEach((w) => w.reject(e)),
    );
  }

  /** Fails everything (shutdown). */
  close(): void {
    this.fail(this.waiting, 'SHUTTING_DOWN', 'this coordinator is shutting down; retry on another');
    if (this.inflight)
      this.fail(this.inflight.waiters, 'SHUTTING_DOWN', 'this coordinator is shutting down');
    this.waiting = [];
    this.inflight = null;
  }

  private fail(waiters: Waiter[], reason: 'NO_LEADER' | 'SHUTTING_DOWN', message: string): void {
    for (const w of waiters) w.reject(tributaryError(reason, message));
  }
}

/**
 * A workload's history as it happens: one JSON object per operation, appended to a JSON-lines
 * file as soon as the operation completes (so a run that dies still leaves what it saw) and
 * kept in memory for the checker. Times are milliseconds since the campaign began, from one
 * monotonic clock shared by every workload, so histories and the fault schedule line up.
 */
import * as fs from 'node:fs';

export class RunClock {
  private readonly origin = performance.now();

  /** Milliseconds since the run began, to a microsecond. */
  now(): number {
    return Math.round((performance.now() - this.origin) * 1000) / 1000;
  }
}

export class History<T> {
  readonly ops: T[] = [];
  private readonly fd: number | undefined;

  constructor(file?: string) {
    this.fd = file === undefined ? undefined : fs.openSync(file, 'a');
  }

  add(op: T): void {
    this.ops.push(op);
    if (this.fd !== undefined) fs.writeSync(this.fd, `${JSON.stringify(op)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }
}

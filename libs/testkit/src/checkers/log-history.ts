/**
 * The history of a broker-log workload, one operation per JSON line, as the fault suite records
 * it and `checkLogHistory` (log-anomalies.ts) reads it.
 *
 * Every operation carries the process that ran it and its invoke/complete times (any monotonic
 * clock, e.g. milliseconds since the run began); real-time order between operations ("a
 * completed before b was invoked") is all the checker takes from them.
 *
 * - `send`: a producer appended `value` (unique across the run, so a read names its write) to
 *   `topic` (and `partition`, if the producer chose one). `ok` carries where the broker says it
 *   landed; `fail` means definitely not appended (the broker refused it); `info` means unknown
 *   (a timeout, a lost connection): it may or may not be in the log.
 * - `assign`: a consumer's partitions changed (a group rebalance, or a seek). Its position in a
 *   partition may legitimately jump after this, so poll order is checked only between markers.
 * - `poll`: records a consumer received from one partition, in the order received.
 * - `commit`: a group's committed offset for a partition (as the SDK sends it: the next offset
 *   to consume).
 * - `final`: after the faults stop and the cluster recovers, a read of a whole partition from its
 *   start; everything acknowledged should be in it.
 */

export type LogOutcome = 'ok' | 'fail' | 'info';

interface Timed {
  /** The client (producer, consumer, checker's own final reader) that ran the operation. */
  process: string;
  invoke: number;
  complete: number;
}

export interface LogRecord {
  offset: number;
  value: string;
}

export interface SendOp extends Timed {
  type: 'send';
  topic: string;
  /** The partition the producer asked for, if it chose one. */
  partition?: number;
  value: string;
  outcome: LogOutcome;
  /** With `ok`: where the broker says the value landed. */
  ack?: { partition: number; offset: number };
}

export interface AssignOp extends Timed {
  type: 'assign';
  group?: string;
  /** The partitions the consumer holds from now on. */
  partitions: { topic: string; partition: number }[];
}

export interface PollOp extends Timed {
  type: 'poll';
  group?: string;
  topic: string;
  partition: number;
  records: LogRecord[];
}

export interface CommitOp extends Timed {
  type: 'commit';
  group: string;
  topic: string;
  partition: number;
  offset: number;
  outcome: LogOutcome;
}

export interface FinalReadOp extends Timed {
  type: 'final';
  topic: string;
  partition: number;
  records: LogRecord[];
}

export type LogOp = SendOp | AssignOp | PollOp | CommitOp | FinalReadOp;

/** One key per topic-partition, for maps. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/** Parses a JSON-lines history (blank lines ignored); a malformed line throws with its number. */
export function parseLogHistory(text: string): LogOp[] {
  const ops: LogOp[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      throw new Error(`history line ${i + 1}: ${(err as Error).message}`);
    }
    const type = (parsed as { type?: unknown } | null)?.type;
    if (!['send', 'assign', 'poll', 'commit', 'final'].includes(type as string)) {
      throw new Error(`history line ${i + 1}: unknown operation type ${JSON.stringify(type)}`);
    }
    ops.push(parsed as LogOp);
  }
  return ops;
}

/** The inverse of `parseLogHistory`. */
export function formatLogHistory(ops: readonly LogOp[]): string {
  return ops.map((op) => JSON.stringify(op)).join('\n') + (ops.length > 0 ? '\n' : '');
}

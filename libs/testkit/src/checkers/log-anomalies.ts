/**
 * Checks a broker-log history (log-history.ts) for the anomaly classes of Jepsen's Kafka and
 * Redpanda analyses. A partition is meant to be a totally ordered, append-only log in which each
 * acknowledged value has exactly one offset, and a consumer reads it in order, never missing a
 * record that is there. Each class below is one way that promise breaks:
 *
 * - lost-write: an acknowledged send that is not in the log although the log has moved past its
 *   offset: no read ever returned it while some read returned a higher offset of its partition,
 *   or the final read reached past its offset without it. Acks=all exists to make this zero.
 * - unseen: an acknowledged send missing from the final read, which ended at or before its
 *   offset (the tail of the partition is gone, or recovery never brought it back).
 * - duplicate: one value at two or more offsets (of one or several partitions): a retried send
 *   appended twice, which producer idempotence exists to prevent.
 * - inconsistent-offsets: two different values at one offset of a partition, across every read
 *   and every ack: replicas that diverged, or a leader that reused an offset.
 * - nonmonotonic-poll: a consumer's polls of a partition going backwards (an offset at or below
 *   one it already received), within a poll or between successive polls with no `assign` marker
 *   between them; the consumer would process records twice, out of order.
 * - poll-skip: a consumer passing over an offset that some read shows holds a record, within a
 *   poll or between successive polls with no marker between them: a record it never processes.
 *   Offsets may be sparse, so only offsets that reads returned count as existing.
 * - G1a (aborted read): a read of a value whose send failed definitely: the client was told it
 *   was not written, so reading it is reading a write that never happened.
 * - unknown-value: a read of a value that no producer sent (corruption, or a misdirected read).
 * - nonmonotonic-commit: a group's committed offset for a partition going backwards: an ok
 *   commit lower than an ok commit that completed before it began. The group would re-consume
 *   processed records, and a fenced (zombie) member committing late looks exactly like this.
 *
 * The verdict is ok only when every count is zero. Pure: no I/O, no clock.
 */
import { partitionKey, type LogOp, type SendOp } from './log-history';

export const LOG_ANOMALY_CLASSES = [
  'lost-write',
  'unseen',
  'duplicate',
  'inconsistent-offsets',
  'nonmonotonic-poll',
  'poll-skip',
  'G1a',
  'unknown-value',
  'nonmonotonic-commit',
] as const;

export type LogAnomalyClass = (typeof LOG_ANOMALY_CLASSES)[number];

/** One concrete instance, enough to find it in the history. */
export interface LogAnomaly {
  class: LogAnomalyClass;
  /** `topic/partition`, or several for a duplicate across partitions. */
  partition: string;
  value?: string;
  values?: string[];
  offsets?: number[];
  processes?: string[];
  detail: string;
}

export interface LogCheckResult {
  ok: boolean;
  counts: Record<LogAnomalyClass, number>;
  /** Up to `maxExamples` of each class, in history order. */
  examples: Record<LogAnomalyClass, LogAnomaly[]>;
  stats: {
    sends: Record<'ok' | 'fail' | 'info', number>;
    polls: number;
    recordsPolled: number;
    commits: number;
    finalReads: number;
  };
}

export interface LogCheckOptions {
  /** Examples kept per class; counts are always complete. Default 5. */
  maxExamples?: number;
}

/** Where a value was seen: which offset of which partition, by whom, and how. */
interface Sighting {
  pk: string;
  offset: number;
  value: string;
  process: string;
  source: 'ack' | 'poll' | 'final';
}

export function checkLogHistory(
  ops: readonly LogOp[],
  options: LogCheckOptions = {},
): LogCheckResult {
  const maxExamples = options.maxExamples ?? 5;
  const counts = Object.fromEntries(LOG_ANOMALY_CLASSES.map((c) => [c, 0])) as Record<
    LogAnomalyClass,
    number
  >;
  const examples = Object.fromEntries(LOG_ANOMALY_CLASSES.map((c) => [c, []])) as unknown as Record<
    LogAnomalyClass,
    LogAnomaly[]
  >;
  const report = (anomaly: LogAnomaly): void => {
    counts[anomaly.class]++;
    if (examples[anomaly.class].length < maxExamples) examples[anomaly.class].push(anomaly);
  };

  const sends = new Map<string, SendOp>();
  const sendCounts = { ok: 0, fail: 0, info: 0 };
  const sightings: Sighting[] = [];
  let polls = 0;
  let recordsPolled = 0;
  let commits = 0;
  let finalReads = 0;
  for (const op of ops) {
    if (op.type === 'send') {
      sendCounts[op.outcome]++;
      // Values are unique by construction; a repeated one would make every read ambiguous.
      if (sends.has(op.value))
        throw new Error(`value ${op.value} is sent twice: values must be unique`);
      sends.set(op.value, op);
      if (op.outcome === 'ok' && op.ack) {
        const pk = partitionKey(op.topic, op.ack.partition);
        sightings.push({
          pk,
          offset: op.ack.offset,
          value: op.value,
          process: op.process,
          source: 'ack',
        });
      }
    } else if (op.type === 'poll' || op.type === 'final') {
      if (op.type === 'poll') {
        polls++;
        recordsPolled += op.records.length;
      } else finalReads++;
      const pk = partitionKey(op.topic, op.partition);
      for (const r of op.records) {
        sightings.push({
          pk,
          offset: r.offset,
          value: r.value,
          process: op.process,
          source: op.type,
        });
      }
    } else if (op.type === 'commit') commits++;
  }

  checkOffsets(sightings, report);
  checkReadValues(sightings, sends, report);
  checkAcknowledged(ops, sightings, sends, report);
  checkPollOrder(ops, sightings, report);
  checkCommits(ops, report);

  return {
    ok: LOG_ANOMALY_CLASSES.every((c) => counts[c] === 0),
    counts,
    examples,
    stats: { sends: sendCounts, polls, recordsPolled, commits, finalReads },
  };
}

type Report = (anomaly: LogAnomaly) => void;

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** inconsistent-offsets (one offset, several values) and duplicate (one value, several offsets). */
function checkOffsets(sightings: readonly Sighting[], report: Report): void {
  const byOffset = new Map<string, Sighting[]>();
  const byValue = new Map<string, Sighting[]>();
  for (const s of sightings) {
    const at = `${s.pk}@${s.offset}`;
    push(byOffset, at, s);
    push(byValue, s.value, s);
  }
  for (const seen of byOffset.values()) {
    const values = uniq(seen.map((s) => s.value));
    if (values.length < 2) continue;
    report({
      class: 'inconsistent-offsets',
      partition: seen[0].pk,
      values,
      offsets: [seen[0].offset],
      processes: uniq(seen.map((s) => s.process)),
      detail: `offset ${seen[0].offset} of ${seen[0].pk} holds ${values.join(', ')} (${seen
        .map((s) => `${s.value} by ${s.source} of ${s.process}`)
        .join('; ')})`,
    });
  }
  for (const [value, seen] of byValue) {
    const places = uniq(seen.map((s) => `${s.pk}@${s.offset}`));
    if (places.length < 2) continue;
    report({
      class: 'duplicate',
      partition: uniq(seen.map((s) => s.pk)).join(' '),
      value,
      offsets: uniq(seen.map((s) => s.offset)).sort((a, b) => a - b),
      processes: uniq(seen.map((s) => s.process)),
      detail: `${value} is at ${places.join(', ')}`,
    });
  }
}

/** G1a and unknown-value: reads must return values that were (or may have been) written. */
function checkReadValues(
  sightings: readonly Sighting[],
  sends: ReadonlyMap<string, SendOp>,
  report: Report,
): void {
  const reported = new Set<string>();
  for (const s of sightings) {
    if (s.source === 'ack' || reported.has(s.value)) continue;
    const send = sends.get(s.value);
    if (send && send.outcome !== 'fail') continue;
    reported.add(s.value);
    const readers = sightings.filter((o) => o.value === s.value && o.source !== 'ack');
    report({
      class: send ? 'G1a' : 'unknown-value',
      partition: s.pk,
      value: s.value,
      offsets: uniq(readers.map((o) => o.offset)),
      processes: uniq(readers.map((o) => o.process)),
      detail: send
        ? `${s.value} was read (${s.source} of ${s.process}, offset ${s.offset}) but its send by ${send.process} failed`
        : `${s.value} was read (${s.source} of ${s.process}, offset ${s.offset}) but nobody sent it`,
    });
  }
}

/** lost-write and unseen: every acknowledged value must be in the log, and in the final read. */
function checkAcknowledged(
  ops: readonly LogOp[],
  sightings: readonly Sighting[],
  sends: ReadonlyMap<string, SendOp>,
  report: Report,
): void {
  const readValues = new Set<string>();
  const maxRead = new Map<string, { offset: number; process: string }>();
  for (const s of sightings) {
    if (s.source === 'ack') continue;
    readValues.add(s.value);
    const best = maxRead.get(s.pk);
    if (!best || s.offset > best.offset)
      maxRead.set(s.pk, { offset: s.offset, process: s.process });
  }
  // A partition read twice at the end (a retry) counts as read with everything either returned.
  const finals = new Map<string, { values: Set<string>; max: number }>();
  for (const op of ops) {
    if (op.type !== 'final') continue;
    const pk = partitionKey(op.topic, op.partition);
    const f = finals.get(pk) ?? { values: new Set<string>(), max: -1 };
    for (const r of op.records) {
      f.values.add(r.value);
      f.max = Math.max(f.max, r.offset);
    }
    finals.set(pk, f);
  }
  const anyFinal = finals.size > 0;

  for (const send of sends.values()) {
    if (send.outcome !== 'ok' || !send.ack) continue;
    const pk = partitionKey(send.topic, send.ack.partition);
    const offset = send.ack.offset;
    const base = { partition: pk, value: send.value, offsets: [offset], processes: [send.process] };
    const beyond = maxRead.get(pk);
    const final = finals.get(pk);
    if (!readValues.has(send.value) && beyond && beyond.offset > offset) {
      report({
        ...base,
        class: 'lost-write',
        detail: `${send.value} (acked by ${send.process} at offset ${offset}) was never read, though ${beyond.process} read offset ${beyond.offset} of ${pk}`,
      });
    } else if (final && !final.values.has(send.value) && final.max > offset) {
      report({
        ...base,
        class: 'lost-write',
        detail: `${send.value} (acked by ${send.process} at offset ${offset}) is missing from the final read of ${pk}, which reached offset ${final.max}`,
      });
    } else if (anyFinal && !final?.values.has(send.value)) {
      report({
        ...base,
        class: 'unseen',
        detail: `${send.value} (acked by ${send.process} at offset ${offset}) is not in the final read of ${pk}, which ended at offset ${final?.max ?? 'none'}`,
      });
    }
  }
}

/** Offsets some read returned, per partition, sorted: the records a consumer must not pass over. */
function existingOffsets(sightings: readonly Sighting[]): Map<string, number[]> {
  const sets = new Map<string, Set<number>>();
  for (const s of sightings) {
    if (s.source === 'ack') continue;
    const set = sets.get(s.pk) ?? new Set<number>();
    set.add(s.offset);
    sets.set(s.pk, set);
  }
  return new Map([...sets].map(([pk, set]) => [pk, [...set].sort((a, b) => a - b)]));
}

/** The lowest existing offset above `offset`, by binary search. */
function nextExisting(sorted: readonly number[], offset: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** nonmonotonic-poll and poll-skip, per consumer and partition, reset by `assign` markers. */
function checkPollOrder(
  ops: readonly LogOp[],
  sightings: readonly Sighting[],
  report: Report,
): void {
  const existing = existingOffsets(sightings);
  // A process is sequential: its operations in invoke order are the order it ran them.
  const byProcess = new Map<string, LogOp[]>();
  for (const op of ops) {
    if (op.type !== 'poll' && op.type !== 'assign') continue;
    push(byProcess, op.process, op);
  }
  for (const [process, own] of byProcess) {
    own.sort((a, b) => a.invoke - b.invoke);
    /** The last offset this process received per partition since its last marker. */
    const last = new Map<string, number>();
    for (const op of own) {
      if (op.type === 'assign') {
        last.clear();
        continue;
      }
      if (op.type !== 'poll') continue;
      const pk = partitionKey(op.topic, op.partition);
      const offsets = existing.get(pk) ?? [];
      let prev = last.get(pk);
      // One report per poll and class: a poll that goes back once is one backwards step.
      let backwards = false;
      let skipped = false;
      for (const r of op.records) {
        if (prev !== undefined) {
          const within = op.records[0] !== r;
          const where = within ? 'within one poll' : 'between polls';
          if (r.offset <= prev) {
            if (!backwards)
              report({
                class: 'nonmonotonic-poll',
                partition: pk,
                value: r.value,
                offsets: [prev, r.offset],
                processes: [process],
                detail: `${process} read offset ${r.offset} of ${pk} after offset ${prev} (${where}, invoked at ${op.invoke})`,
              });
            backwards = true;
          } else {
            const expected = nextExisting(offsets, prev);
            if (expected !== undefined && expected < r.offset && !skipped) {
              skipped = true;
              report({
                class: 'poll-skip',
                partition: pk,
                value: r.value,
                offsets: [prev, expected, r.offset],
                processes: [process],
                detail: `${process} read offset ${r.offset} of ${pk} right after ${prev}, skipping offset ${expected} that exists (${where}, invoked at ${op.invoke})`,
              });
            }
          }
        }
        prev = prev === undefined ? r.offset : Math.max(prev, r.offset);
      }
      if (prev !== undefined) last.set(pk, prev);
    }
  }
}

/** nonmonotonic-commit: per group and partition, in real-time order of the ok commits. */
function checkCommits(ops: readonly LogOp[], report: Report): void {
  const byKey = new Map<string, Extract<LogOp, { type: 'commit' }>[]>();
  for (const op of ops) {
    if (op.type !== 'commit' || op.outcome !== 'ok') continue;
    const key = `${op.group} ${partitionKey(op.topic, op.partition)}`;
    push(byKey, key, op);
  }
  for (const commits of byKey.values()) {
    const byComplete = [...commits].sort((a, b) => a.complete - b.complete);
    const byInvoke = [...commits].sort((a, b) => a.invoke - b.invoke);
    // Sweep: `highest` is the largest commit among those completed before the current invoke.
    let i = 0;
    let highest: (typeof commits)[number] | undefined;
    for (const c of byInvoke) {
      while (i < byComplete.length && byComplete[i].complete < c.invoke) {
        if (!highest || byComplete[i].offset > highest.offset) highest = byComplete[i];
        i++;
      }
      if (highest && c.offset < highest.offset) {
        const pk = partitionKey(c.topic, c.partition);
        report({
          class: 'nonmonotonic-commit',
          partition: pk,
          offsets: [highest.offset, c.offset],
          processes: uniq([highest.process, c.process]),
          detail: `group ${c.group} committed ${c.offset} for ${pk} (by ${c.process}, invoked at ${c.invoke}) after ${highest.offset} was committed (by ${highest.process}, completed at ${highest.complete})`,
        });
      }
    }
  }
}

/** A short human-readable summary: the verdict, then each nonzero class with its examples. */
export function describeLogCheck(result: LogCheckResult): string {
  const lines = [result.ok ? 'log history: ok' : 'log history: anomalies found'];
  for (const c of LOG_ANOMALY_CLASSES) {
    if (result.counts[c] === 0) continue;
    lines.push(`  ${c}: ${result.counts[c]}`);
    for (const e of result.examples[c]) lines.push(`    - ${e.detail}`);
  }
  return lines.join('\n');
}

/**
 * Retry and dead-letter decisions of `Consumer.run`, without I/O: how long to wait before the
 * next attempt of a failing handler, and the record a dead-letter topic receives once the
 * attempts are spent.
 */
import type { RecordHeader } from '@tributary/rpc';
import type { ConsumerRecord } from './consumer-decode';
import type { ProduceRecord } from './producer';

export interface RetryPolicy {
  /** Retries after the first attempt; 0 = none. Default 3. */
  max: number;
  /** Wait before the first retry; doubles at each further retry. Default 100. */
  initialMs: number;
  /** Upper bound of one wait. Default 10000. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { max: 3, initialMs: 100, maxMs: 10_000 };

/** Attempts are bounded (STYLE: a limit on everything). */
export const RETRIES_MAX = 1_000;

export function retryPolicy(given: Partial<RetryPolicy> = {}): RetryPolicy {
  const p = { ...DEFAULT_RETRY, ...given };
  if (!(Number.isInteger(p.max) && p.max >= 0 && p.max <= RETRIES_MAX)) {
    throw new RangeError(`retries.max must be an integer in 0..${RETRIES_MAX}, got ${p.max}`);
  }
  if (!(p.initialMs >= 0 && p.maxMs >= p.initialMs)) {
    throw new RangeError(`retries need 0 <= initialMs <= maxMs, got ${p.initialMs}, ${p.maxMs}`);
  }
  return p;
}

/**
 * The wait before retry `retry` (1 = the first retry): initialMs · 2^(retry-1), capped at
 * maxMs. No jitter: retries of one record are spaced by one consumer, not a crowd.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(retry - 1, 30));
}

/** `<topic>.dlq` unless the caller named its own dead-letter topic. */
export function deadLetterTopic(topic: string, deadLetter: true | string): string {
  return deadLetter === true ? `${topic}.dlq` : deadLetter;
}

export const DLQ_HEADERS = [
  'dlq.error',
  'dlq.attempts',
  'dlq.topic',
  'dlq.partition',
  'dlq.offset',
];

/** Bounds the error text carried in a header (a stack trace can be long). */
const ERROR_TEXT_BYTES_MAX = 4_096;

/**
 * The dead-letter copy of a record: same key, value and timestamp, its headers (older dlq.*
 * ones dropped, so a record failing twice carries one set) plus where it came from and why.
 * Same partition number when the dead-letter topic has it, else the key decides.
 */
export function deadLetterRecord(
  record: ConsumerRecord,
  error: unknown,
  attempts: number,
  target: { topic: string; partitions: number },
): ProduceRecord {
  const kept: RecordHeader[] = record.headers.filter((h) => !DLQ_HEADERS.includes(h.key));
  const text = Buffer.from(errorText(error)).subarray(0, ERROR_TEXT_BYTES_MAX);
  const headers = [
    ...kept.map((h) => ({ key: h.key, value: h.value })),
    { key: 'dlq.error', value: text },
    { key: 'dlq.attempts', value: String(attempts) },
    { key: 'dlq.topic', value: record.topic },
    { key: 'dlq.partition', value: String(record.partition) },
    { key: 'dlq.offset', value: String(record.offset) },
  ];
  return {
    topic: target.topic,
    key: record.key,
    value: record.value,
    headers,
    timestampMs: record.timestampMs,
    ...(record.partition < target.partitions ? { partition: record.partition } : {}),
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

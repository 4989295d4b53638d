// The consumer's pure decisions: hand-over steps from a heartbeat answer, what a failed group
// call asks for, which offsets a commit carries, retry delays and the dead-letter copy.
import { status as Code } from '@grpc/grpc-js';
import type { ConsumerRecord } from '../src/consumer-decode';
import { diffAssignment, groupAction, offsetsToCommit, toWire } from '../src/consumer-group-plan';
import { deadLetterRecord, retryDelayMs, retryPolicy } from '../src/consumer-retry';
import { CoordinationError } from '../src/errors';

const tp = (topic: string, partition: number) => ({ topic, partition });

describe('diffAssignment', () => {
  it('revokes owned partitions missing from the answer and adds the new ones', () => {
    const owned = [tp('a', 0), tp('a', 1), tp('b', 2)];
    const change = diffAssignment(owned, [
      { topic: 'a', partitions: [1, 3] },
      { topic: 'c', partitions: [0] },
    ]);
    expect(change.revoked).toEqual([tp('a', 0), tp('b', 2)]);
    expect(change.added).toEqual([tp('a', 3), tp('c', 0)]);
  });

  it('is empty when the answer is what is owned', () => {
    const owned = [tp('a', 1), tp('a', 0)];
    expect(diffAssignment(owned, toWire(owned))).toEqual({ revoked: [], added: [] });
  });

  it('groups partitions by topic, sorted, on the wire', () => {
    expect(toWire([tp('b', 1), tp('a', 2), tp('a', 0)])).toEqual([
      { topic: 'a', partitions: [0, 2] },
      { topic: 'b', partitions: [1] },
    ]);
  });
});

describe('groupAction', () => {
  const err = (code: Code, reason?: string, retriable = false) =>
    new CoordinationError({ code, reason, message: 'x', retriable });
  it.each([
    { error: err(Code.FAILED_PRECONDITION, 'FENCED'), action: 'rejoin' },
    { error: err(Code.NOT_FOUND, 'UNKNOWN_MEMBER'), action: 'rejoin-new' },
    { error: err(Code.UNAVAILABLE), action: 'retry' },
    { error: err(Code.UNAVAILABLE, 'NO_LEADER', true), action: 'retry' },
    { error: err(Code.DEADLINE_EXCEEDED), action: 'retry' },
    { error: err(Code.INVALID_ARGUMENT, 'INVALID_NAME'), action: 'fail' },
    { error: err(Code.CANCELLED, 'CLIENT_CLOSED'), action: 'fail' },
  ])('$error.code/$error.reason → $action', ({ error, action }) => {
    expect(groupAction(error)).toBe(action);
  });
});

it('commits only positions that moved since the last commit', () => {
  const at = (partition: number, consumed: number, committed: number) => ({
    topic: 't',
    partition,
    consumed,
    committed,
    leaderEpoch: 4,
  });
  expect(offsetsToCommit([at(0, 10, 10), at(1, 7, 3), at(2, 0, -1)])).toEqual([
    { topic: 't', partition: 1, offset: 7, leaderEpoch: 4 },
    { topic: 't', partition: 2, offset: 0, leaderEpoch: 4 },
  ]);
});

describe('retries', () => {
  it('doubles from initialMs up to maxMs', () => {
    const p = retryPolicy({ max: 6, initialMs: 100, maxMs: 500 });
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(p, n))).toEqual([100, 200, 400, 500, 500]);
  });

  it('refuses unbounded or inverted policies', () => {
    expect(() => retryPolicy({ max: -1 })).toThrow(RangeError);
    expect(() => retryPolicy({ max: 1e9 })).toThrow(RangeError);
    expect(() => retryPolicy({ initialMs: 10, maxMs: 5 })).toThrow(RangeError);
  });
});

describe('deadLetterRecord', () => {
  const record: ConsumerRecord = {
    topic: 'orders',
    partition: 2,
    offset: 41,
    timestampMs: 1_700_000_000_000,
    key: Buffer.from('k'),
    value: Buffer.from('v'),
    headers: [
      { key: 'trace', value: Buffer.from('t1') },
      { key: 'dlq.error', value: Buffer.from('an older failure') },
    ],
    leaderEpoch: 3,
  };

  it('keeps key, value, timestamp and headers and says where it came from and why', () => {
    const out = deadLetterRecord(record, new Error('boom'), 4, {
      topic: 'orders.dlq',
      partitions: 3,
    });
    expect(out).toMatchObject({
      topic: 'orders.dlq',
      partition: 2,
      timestampMs: record.timestampMs,
    });
    const headers = Object.fromEntries(
      (out.headers as { key: string; value: Buffer | string }[]).map((h) => [
        h.key,
        h.value.toString(),
      ]),
    );
    expect(headers).toEqual({
      trace: 't1',
      'dlq.error': 'boom',
      'dlq.attempts': '4',
      'dlq.topic': 'orders',
      'dlq.partition': '2',
      'dlq.offset': '41',
    });
  });

  it('leaves the partition to the key when the dead-letter topic has fewer', () => {
    const out = deadLetterRecord(record, 'no', 1, { topic: 'all.dlq', partitions: 1 });
    expect(out.partition).toBeUndefined();
  });
});

/**
 * ListOffsets on a partition's leader (DESIGN §5): the log start ('earliest') or the high
 * watermark ('latest'). The leader comes from the metadata cache; NOT_LEADER, a partition
 * without a leader and a topic its leader does not know yet (metadata still on its way) are
 * retried after a refresh and a backoff until `timeoutMs` has passed.
 */
import { status as Code } from '@grpc/grpc-js';
import { Backoff, type BackoffOptions } from './backoff';
import type { BrokerMetadata } from './broker-metadata';
import type { BrokerPool } from './broker-pool';
import { sleepUnless, type Clock, type Random } from './clock';
import { CoordinationError, fromCallError } from './errors';

export interface OffsetLookup {
  metadata: BrokerMetadata;
  pool: BrokerPool;
  clock: Clock;
  random: Random;
  backoff: BackoffOptions;
  /** Bound of the lookup, retries included. */
  timeoutMs: number;
  /** Ends the backoff waits early (the client was closed). */
  signal: AbortSignal;
}

export type OffsetPosition = 'earliest' | 'latest';

export async function listOffset(
  l: OffsetLookup,
  topic: string,
  partition: number,
  spec: OffsetPosition,
): Promise<number> {
  const backoff = new Backoff(l.backoff, l.random);
  const deadline = l.clock.nowMs() + l.timeoutMs;
  for (;;) {
    const leader = l.metadata.topic(topic)?.partitions[partition];
    try {
      if (!leader?.address) throw noLeader(topic, partition);
      const r = await l.pool.call(
        leader.address,
        'ListOffsets',
        {
          topic,
          partition,
          spec: spec === 'earliest' ? 'OFFSET_SPEC_EARLIEST' : 'OFFSET_SPEC_LATEST',
        },
        l.timeoutMs,
      );
      return r.offset;
    } catch (error) {
      const err = fromCallError(error);
      const unknown = err.reason === 'UNKNOWN_TOPIC' || err.reason === 'UNKNOWN_PARTITION';
      if (!(err.retriable || unknown) || l.clock.nowMs() >= deadline) throw err;
      await l.metadata.refresh([topic]).catch(() => undefined);
      await sleepUnless(l.clock, backoff.next(err.retryDelayMs), l.signal);
    }
  }
}

function noLeader(topic: string, partition: number): CoordinationError {
  return new CoordinationError({
    code: Code.UNAVAILABLE,
    reason: 'NO_LEADER',
    message: `partition ${topic}/${partition} has no known leader`,
    retriable: true,
  });
}

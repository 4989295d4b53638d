// What a topic holds, as its partition leaders serve it (up to the high watermark): the check
// after a test that must not have lost an acknowledged record.
import { decodeBatchRecords } from '@tributary/rpc';
import type { DescribeTopicsResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/DescribeTopicsResponse';
import type { FetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import type { BrokerCluster } from './broker-cluster';
import { call } from './calls';

/** Every record of `topic`, `partition/offset` → value, read from each partition's leader. */
export async function topicRecords(
  brokers: BrokerCluster,
  topic: string,
): Promise<Map<string, string>> {
  const [any] = brokers.live();
  if (!any) throw new Error('no broker is running');
  const described = await call<DescribeTopicsResponse__Output>(
    brokers.client(any.id),
    'DescribeTopics',
    { names: [topic] },
  );
  const out = new Map<string, string>();
  for (const p of described.topics[0]!.partitions) {
    for (let offset = 0; ;) {
      const r = await call<FetchResponse__Output>(brokers.client(p.leader), 'Fetch', {
        topic,
        partition: p.partition,
        offset,
        max_bytes: 1 << 20,
      });
      if (r.batches.length === 0) break;
      for (const b of r.batches) {
        for (const rec of await decodeBatchRecords(b))
          out.set(`${p.partition}/${b.base_offset + rec.offsetDelta}`, String(rec.value));
        offset = b.base_offset + b.record_count;
      }
    }
  }
  return out;
}

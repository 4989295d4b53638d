/**
 * grpc-js handlers of `tributary.broker.v1.ReplicationService`: the leader side of follower
 * fetches and of KIP-101 truncation, both answered by the ReplicaManager.
 */
import { unary } from '@tributary/rpc';
import type { ReplicationServiceHandlers } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicationService';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { BrokerServiceDeps } from './broker-service';

/** The handlers, to be added through refuseMalformed: they see only decoded requests. */
export function replicationHandlers(d: BrokerServiceDeps): ReplicationServiceHandlers {
  const header = (term: number): ResponseHeader => ({
    cluster_id: d.link.clusterId,
    node_id: d.brokerId,
    term: Math.max(0, term),
    revision: d.link.cache.revision,
  });
  return {
    ReplicaFetch: unary(async (req) => {
      try {
        const res = await d.replicas.handleReplicaFetch(req);
        d.metrics.fetchRequests.inc({ kind: 'replica', outcome: 'ok' });
        let bytes = 0;
        for (const p of res.partitions ?? [])
          for (const b of p.batches ?? []) bytes += (b.records as Buffer | undefined)?.length ?? 0;
        d.metrics.fetchedBytes.inc({ kind: 'replica' }, bytes);
        return { header: header(0), ...res };
      } catch (error) {
        d.metrics.fetchRequests.inc({ kind: 'replica', outcome: 'error' });
        throw error;
      }
    }, d.log),
    OffsetForLeaderEpoch: unary(async (req) => {
      const res = d.replicas.offsetForLeaderEpoch(req);
      return { header: header(d.replicas.leaderEpoch(req.topic, req.partition)), ...res };
    }, d.log),
  };
}

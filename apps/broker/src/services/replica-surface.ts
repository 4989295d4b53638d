/**
 * What the gRPC handlers need from the data plane: the part of ReplicaManager
 * (apps/broker/src/replica) they call. Handlers depend on this rather than on the class so that
 * they can be driven without disks or peers; ReplicaManager satisfies it as is.
 */
import type { FetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchRequest';
import type { FetchResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/FetchResponse';
import type { ListOffsetsRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ListOffsetsRequest';
import type { ListOffsetsResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ListOffsetsResponse';
import type { OffsetForLeaderEpochRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ProduceRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceRequest';
import type { ProduceResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ProduceResponse';
import type { ReplicaFetchRequest__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchResponse';

/** Who reads: a consumer's Fetch, one read of a Subscribe stream, or a follower (metrics). */
export type FetchKind = 'consumer' | 'subscribe' | 'replica';

export interface ReplicaSurface {
  /** Appends in call order per partition; resolves per `acks`; rejects with TributaryError. */
  produce(req: ProduceRequest__Output): Promise<Omit<ProduceResponse, 'header'>>;
  /**
   * Long-polls up to `max_wait_ms`; `isCancelled` lets it give up on a caller that left; `kind`
   * (default consumer) only labels the latency metric.
   */
  fetch(
    req: FetchRequest__Output,
    isCancelled?: () => boolean,
    kind?: FetchKind,
  ): Promise<Omit<FetchResponse, 'header'>>;
  listOffsets(req: ListOffsetsRequest__Output): Promise<Omit<ListOffsetsResponse, 'header'>>;
  handleReplicaFetch(
    req: ReplicaFetchRequest__Output,
  ): Promise<Omit<ReplicaFetchResponse, 'header'>>;
  offsetForLeaderEpoch(
    req: OffsetForLeaderEpochRequest__Output,
  ): Omit<OffsetForLeaderEpochResponse, 'header'>;
  /** The partition's leader epoch for ResponseHeader.term; -1 unknown. */
  leaderEpoch(topic: string, partition: number): number;
}

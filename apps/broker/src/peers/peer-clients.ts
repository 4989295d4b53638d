/**
 * ReplicationService clients to the other brokers, one channel per broker address (a broker
 * that re-registers at a new address gets a new channel; the old one is closed). Addresses come
 * from the metadata cache.
 */
import * as grpc from '@grpc/grpc-js';
import { channelOptions, contract, tributaryError } from '@tributary/rpc';
import type { OffsetForLeaderEpochRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochRequest';
import type { OffsetForLeaderEpochResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/OffsetForLeaderEpochResponse';
import type { ReplicaFetchRequest } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchRequest';
import type { ReplicaFetchResponse__Output } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicaFetchResponse';
import type { ReplicationServiceClient } from '@tributary/rpc/src/generated/tributary/broker/v1/ReplicationService';

/** Slack over the request's own long-poll before a follower fetch is given up. */
const FETCH_DEADLINE_SLACK_MS = 5_000;
const EPOCH_DEADLINE_MS = 5_000;

export class PeerClients {
  private readonly clients = new Map<
    number,
    { address: string; client: ReplicationServiceClient }
  >();

  constructor(
    private readonly addressOf: (brokerId: number) => string | undefined,
    private readonly maxMessageBytes: number,
    /** TLS with this broker's certificate when it has TLS flags. */
    private readonly credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {}

  async replicaFetch(
    leaderId: number,
    req: ReplicaFetchRequest,
  ): Promise<ReplicaFetchResponse__Output> {
    const client = this.client(leaderId);
    const deadline = Date.now() + Number(req.max_wait_ms ?? 0) + FETCH_DEADLINE_SLACK_MS;
    return new Promise((resolve, reject) =>
      client.ReplicaFetch(req, { deadline }, (error, res) =>
        error ? reject(error) : resolve(res!),
      ),
    );
  }

  async offsetForLeaderEpoch(
    leaderId: number,
    req: OffsetForLeaderEpochRequest,
  ): Promise<OffsetForLeaderEpochResponse__Output> {
    const client = this.client(leaderId);
    const deadline = Date.now() + EPOCH_DEADLINE_MS;
    return new Promise((resolve, reject) =>
      client.OffsetForLeaderEpoch(req, { deadline }, (error, res) =>
        error ? reject(error) : resolve(res!),
      ),
    );
  }

  /** Closes the channels of brokers gone from the metadata or moved to another address. */
  prune(): void {
    for (const [id, entry] of this.clients) {
      if (this.addressOf(id) === entry.address) continue;
      entry.client.close();
      this.clients.delete(id);
    }
  }

  close(): void {
    for (const entry of this.clients.values()) entry.client.close();
    this.clients.clear();
  }

  private client(brokerId: number): ReplicationServiceClient {
    const address = this.addressOf(brokerId);
    if (address === undefined)
      throw tributaryError('NO_LEADER', `broker ${brokerId} is not registered (no address known)`);
    const known = this.clients.get(brokerId);
    if (known?.address === address) return known.client;
    known?.client.close();
    const Ctor = contract().tributary.broker.v1.ReplicationService;
    const client = new Ctor(address, this.credentials, {
      ...channelOptions({ maxMessageBytes: this.maxMessageBytes }),
      'grpc.max_reconnect_backoff_ms': 1_000,
    });
    this.clients.set(brokerId, { address, client });
    return client;
  }
}

/**
 * Sends Raft messages to peers over `tributary.raft.v1.RaftService`.
 *
 * One long-lived client stream (`Send`) per peer carries batches: every message a Ready holds
 * for one peer travels as one `MessageBatch`. Raft tolerates loss, so a peer that cannot keep up
 * or is down loses messages (and is reported unreachable) instead of growing a queue without
 * bound. Snapshots go over their own `InstallSnapshot` stream, in chunks.
 */
import * as grpc from '@grpc/grpc-js';
import { crc32c } from '@node-rs/crc32';
import type { Message, NodeId, Snapshot } from '@tributary/raft';
import { contract, createClient, type Logger } from '@tributary/rpc';
import type { RaftServiceClient } from '@tributary/rpc/src/generated/tributary/raft/v1/RaftService';
import type { SendRequest } from '@tributary/rpc/src/generated/tributary/raft/v1/SendRequest';
import { toWire } from './message-codec';
import { peerShimFromEnv, throughShim, type PeerShim } from './test-peer-shim';

/** Bytes of snapshot data per InstallSnapshot chunk. */
export const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
/** A stream whose unsent bytes exceed this is treated as congested: messages are dropped. */
const STREAM_BACKLOG_BYTES_MAX = 64 * 1024 * 1024;
/** What a message costs besides its entries' data, in the backlog's count. */
const MESSAGE_OVERHEAD_BYTES = 64;

export interface TransportEvents {
  unreachable(peer: NodeId): void;
  snapshotDone(peer: NodeId, ok: boolean): void;
}

interface Peer {
  client: RaftServiceClient;
  address: string;
  stream: grpc.ClientWritableStream<SendRequest> | null;
  /**
   * Bytes written to `stream` that the transport has not taken yet (their write callbacks are
   * pending). Counted here because an object-mode stream's writableLength counts messages.
   */
  backlogBytes: number;
  sendingSnapshot: boolean;
}

export class PeerTransport {
  private readonly peers = new Map<NodeId, Peer>();
  /** Test-only delay/loss (TRIBUTARY_TEST_PEER_*), undefined in normal runs. */
  private readonly shim: PeerShim | undefined;

  constructor(
    private readonly selfId: NodeId,
    private readonly clusterId: string,
    private readonly events: TransportEvents,
    private readonly log: Logger,
    private readonly maxMessageBytes: number,
    /** TLS with this member's certificate when the cluster has TLS on. */
    private readonly credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {
    this.shim = peerShimFromEnv(log);
  }

  /** Adds or re-addresses a peer. */
  setPeer(id: NodeId, address: string): void {
    if (id === this.selfId) return;
    const existing = this.peers.get(id);
    if (existing?.address === address) return;
    if (existing) this.removePeer(id);
    const ctor = contract().tributary.raft.v1.RaftService;
    const client = createClient(
      ctor,
      address,
      { maxMessageBytes: this.maxMessageBytes },
      this.credentials,
    );
    this.peers.set(id, { client, address, stream: null, backlogBytes: 0, sendingSnapshot: false });
  }

  removePeer(id: NodeId): void {
    const peer = this.peers.get(id);
    if (!peer) return;
    peer.stream?.end();
    peer.client.close();
    this.peers.delete(id);
  }

  /** Sends one Ready's messages: one batch per destination. */
  send(messages: Message[]): void {
    const byPeer = new Map<NodeId, Message[]>();
    for (const m of messages) {
      if (m.type === 'snap') {
        this.sendSnapshot(m);
        continue;
      }
      const list = byPeer.get(m.to);
      if (list) list.push(m);
      else byPeer.set(m.to, [m]);
    }
    for (const [to, batch] of byPeer) {
      // A peer removed (or the transport closed) while a batch was delayed loses the batch.
      const later = () => this.peers.has(to) && this.sendBatch(to, batch);
      if (this.shim) throughShim(this.shim, later);
      else this.sendBatch(to, batch);
    }
  }

  private sendBatch(to: NodeId, batch: Message[]): void {
    const peer = this.peers.get(to);
    if (!peer) {
      this.events.unreachable(to);
      return;
    }
    const stream = this.streamTo(to, peer);
    if (peer.backlogBytes > STREAM_BACKLOG_BYTES_MAX) {
      this.events.unreachable(to);
      return;
    }
    const bytes = batchBytes(batch);
    peer.backlogBytes += bytes;
    stream.write(
      { batch: { cluster_id: this.clusterId, from: this.selfId, to, messages: batch.map(toWire) } },
      // A callback of a stream since replaced counts against nothing: the new one starts at 0.
      () => peer.stream === stream && (peer.backlogBytes -= bytes),
    );
  }

  private streamTo(to: NodeId, peer: Peer): grpc.ClientWritableStream<SendRequest> {
    if (peer.stream) return peer.stream;
    const stream = peer.client.Send((error) => {
      if (peer.stream === stream) peer.stream = null;
      if (error && error.code !== 1 /* CANCELLED */) {
        this.log.debug({ peer: to, err: error.details }, 'raft stream to peer closed');
        this.events.unreachable(to);
      }
    });
    peer.stream = stream;
    peer.backlogBytes = 0;
    return stream;
  }

  private sendSnapshot(m: Message): void {
    const peer = this.peers.get(m.to);
    const snapshot = m.snapshot as Snapshot;
    if (!peer || peer.sendingSnapshot) {
      if (!peer) this.events.snapshotDone(m.to, false);
      return;
    }
    peer.sendingSnapshot = true;
    const started = Date.now();
    const call = peer.client.InstallSnapshot((error, response) => {
      peer.sendingSnapshot = false;
      const ok = !error && response?.installed === true;
      this.log.info(
        {
          peer: m.to,
          index: snapshot.metadata.index,
          bytes: snapshot.data.length,
          ms: Date.now() - started,
          ok,
          err: error?.details,
        },
        'snapshot sent to peer',
      );
      this.events.snapshotDone(m.to, ok);
    });
    const meta = {
      index: snapshot.metadata.index,
      term: snapshot.metadata.term,
      conf_state: snapshot.metadata.confState,
    };
    const data = Buffer.from(
      snapshot.data.buffer,
      snapshot.data.byteOffset,
      snapshot.data.byteLength,
    );
    let offset = 0;
    do {
      const chunk = data.subarray(offset, offset + SNAPSHOT_CHUNK_BYTES);
      const done = offset + chunk.length >= data.length;
      call.write({
        term: m.term,
        leader_id: this.selfId,
        cluster_id: this.clusterId,
        metadata: meta,
        offset,
        data: chunk,
        crc32c: crc32c(chunk),
        done,
        total_bytes: data.length,
      });
      offset += chunk.length;
    } while (offset < data.length);
    call.end();
  }

  close(): void {
    for (const id of [...this.peers.keys()]) this.removePeer(id);
  }
}

/** About what a batch weighs on the wire: its entries' data and a little per message. */
function batchBytes(batch: readonly Message[]): number {
  let bytes = 0;
  for (const m of batch) {
    bytes += MESSAGE_OVERHEAD_BYTES;
    for (const e of m.entries) bytes += e.data.length;
  }
  return bytes;
}

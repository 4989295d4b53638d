/**
 * grpc-js handlers of `tributary.raft.v1.RaftService`: the receiving side of the peer transport.
 * Batches of messages are stepped into the node; snapshot chunks are assembled (bounded by the
 * declared total) and stepped in as one snapshot message when the last chunk arrives.
 */
import type * as grpc from '@grpc/grpc-js';
import { crc32c } from '@node-rs/crc32';
import type { NodeId, Snapshot } from '@tributary/raft';
import {
  Malformed,
  malformedError,
  tributaryError,
  type Logger,
  type Reason,
} from '@tributary/rpc';
import type { RaftServiceHandlers } from '@tributary/rpc/src/generated/tributary/raft/v1/RaftService';
import type { SendRequest__Output } from '@tributary/rpc/src/generated/tributary/raft/v1/SendRequest';
import type { InstallSnapshotRequest__Output } from '@tributary/rpc/src/generated/tributary/raft/v1/InstallSnapshotRequest';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { ConsensusNode } from '../node/consensus-node';
import { fromWire } from '../transport/message-codec';

/** Largest state snapshot accepted from a leader (it is buffered whole before install). */
const SNAPSHOT_BYTES_MAX = 1024 * 1024 * 1024;
/** Snapshots received at once, over all peers. */
const SNAPSHOT_STREAMS_MAX = 1;

/** A chunk after the first must continue it: same snapshot, next offset, within its size. */
function checkNextChunk(
  first: InstallSnapshotRequest__Output,
  c: InstallSnapshotRequest__Output,
  received: number,
): ChunkProblem {
  if (c.offset !== received || c.term !== first.term || c.total_bytes !== first.total_bytes)
    return {
      reason: 'MALFORMED_PEER_MESSAGE',
      message: `snapshot chunk at offset ${c.offset} does not follow the ${received} bytes received`,
    };
  if (received + c.data.length > first.total_bytes)
    return {
      reason: 'MALFORMED_PEER_MESSAGE',
      message: `snapshot chunk runs past the ${first.total_bytes} bytes announced`,
    };
  if (crc32c(c.data) !== c.crc32c)
    return {
      reason: 'CHECKSUM_MISMATCH',
      message: `snapshot chunk at offset ${c.offset} fails its CRC-32C check; the leader will resend`,
    };
  return undefined;
}

/** Ends a client stream with an error once: later chunks are ignored, `end` answers nothing. */
function failOnce(
  call: grpc.ServerReadableStream<unknown, unknown>,
  callback: (e: grpc.ServiceError) => void,
) {
  let failed = false;
  return {
    fail(error: grpc.ServiceError) {
      failed = true;
      call.removeAllListeners('data');
      callback(error);
    },
    failed: () => failed,
  };
}

type ChunkProblem = { reason: Reason; message: string } | undefined;

export function raftHandlers(
  node: () => ConsensusNode,
  clusterId: string,
  header: () => ResponseHeader,
  log: Logger,
): RaftServiceHandlers {
  let snapshotStreams = 0;

  const checkFirstChunk = (c: InstallSnapshotRequest__Output): ChunkProblem => {
    if (c.cluster_id !== clusterId)
      return {
        reason: 'CLUSTER_ID_MISMATCH',
        message: `snapshot for cluster '${c.cluster_id}' sent to cluster '${clusterId}'`,
      };
    const conf = node().confState;
    const configured = conf.voters.length + conf.learners.length > 0;
    if (configured && !conf.voters.includes(c.leader_id))
      return {
        reason: 'NOT_A_MEMBER',
        message: `snapshot from ${c.leader_id}, which is not a voter of this cluster`,
      };
    const total = c.total_bytes;
    if (!c.metadata || !(total >= 0) || total > SNAPSHOT_BYTES_MAX)
      return {
        reason: 'MALFORMED_PEER_MESSAGE',
        message: `snapshot of ${total} bytes announced; this member accepts 0–${SNAPSHOT_BYTES_MAX} with metadata`,
      };
    return checkNextChunk(c, c, 0);
  };

  return {
    Send(call: grpc.ServerReadableStream<SendRequest__Output, unknown>, callback) {
      let received = 0;
      const { fail, failed } = failOnce(call, callback);
      const refuse = (reason: Reason, message: string) => {
        log.warn({ peer: call.getPeer(), reason }, `refused a raft batch: ${message}`);
        node().refusedPeerBatch(reason);
        fail(tributaryError(reason, message));
      };
      call.on('data', (req: SendRequest__Output | Malformed) => {
        if (req instanceof Malformed) return fail(malformedError(req, 'SendRequest'));
        const batch = req.batch;
        if (!batch || batch.cluster_id !== clusterId) {
          fail(
            tributaryError(
              'CLUSTER_ID_MISMATCH',
              `raft batch for cluster '${batch?.cluster_id}' sent to cluster '${clusterId}'`,
            ),
          );
          return;
        }
        const messages = [];
        for (const wire of batch.messages) {
          const m = fromWire(wire);
          if (typeof m === 'string') {
            refuse('MALFORMED_PEER_MESSAGE', `raft batch from ${batch.from}: ${m}`);
            return;
          }
          messages.push(m);
        }
        const verdict = node().stepPeerBatch(batch.from, messages);
        if (!verdict.ok) {
          refuse(verdict.reason, verdict.message);
          return;
        }
        received++;
      });
      call.on(
        'end',
        () => failed() || callback(null, { header: header(), received_batches: received }),
      );
      call.on('error', () => undefined);
    },

    InstallSnapshot(
      call: grpc.ServerReadableStream<InstallSnapshotRequest__Output, unknown>,
      callback,
    ) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let first: InstallSnapshotRequest__Output | undefined;
      let done = false;
      const { fail, failed } = failOnce(call, callback);
      // One snapshot at a time: each is buffered whole before it is installed.
      if (snapshotStreams >= SNAPSHOT_STREAMS_MAX) {
        fail(
          tributaryError('LIMIT_EXCEEDED', 'another snapshot is being received; retry later', {
            retryDelayMs: 1000,
          }),
        );
        return;
      }
      snapshotStreams++;
      let open = true;
      const release = () => {
        if (open) snapshotStreams--;
        open = false;
      };
      call.on('close', release);
      call.on('data', (c: InstallSnapshotRequest__Output | Malformed) => {
        if (c instanceof Malformed) {
          fail(malformedError(c, 'InstallSnapshotRequest'));
          release();
          return;
        }
        const isFirst = first === undefined;
        first ??= c;
        const problem = isFirst ? checkFirstChunk(c) : checkNextChunk(first, c, bytes);
        if (problem) {
          fail(tributaryError(problem.reason, problem.message));
          release();
          return;
        }
        chunks.push(c.data);
        bytes += c.data.length;
        done = c.done;
      });
      call.on('end', () => {
        release();
        if (failed()) return;
        const meta = first?.metadata;
        if (!first || !meta || !done || bytes !== first.total_bytes) {
          callback(
            tributaryError(
              'MALFORMED_PEER_MESSAGE',
              `snapshot stream ended after ${bytes} of ${first?.total_bytes ?? '?'} bytes, before its last chunk`,
            ),
          );
          return;
        }
        const snapshot: Snapshot = {
          metadata: {
            index: meta.index,
            term: meta.term,
            confState: {
              voters: meta.conf_state?.voters ?? [],
              learners: meta.conf_state?.learners ?? [],
            },
          },
          data: Buffer.concat(chunks),
        };
        node().stepSnapshot(first.leader_id as NodeId, first.term, snapshot);
        callback(null, {
          header: header(),
          term: first.term,
          received_bytes: bytes,
          installed: true,
        });
      });
      call.on('error', release);
    },
  } as RaftServiceHandlers;
}

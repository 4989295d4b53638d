/**
 * grpc-js handlers of `tributary.raft.v1.RaftService`: the receiving side of the peer transport.
 * Batches of messages are stepped into the node; snapshot chunks are assembled (bounded by the
 * declared total) and stepped in as one snapshot message when the last chunk arrives.
 */
import type * as grpc from '@grpc/grpc-js';
import { crc32c } from '@node-rs/crc32';
import type { NodeId, Snapshot } from '@tributary/raft';
import { tributaryError, type Logger } from '@tributary/rpc';
import type { RaftServiceHandlers } from '@tributary/rpc/src/generated/tributary/raft/v1/RaftService';
import type { SendRequest__Output } from '@tributary/rpc/src/generated/tributary/raft/v1/SendRequest';
import type { InstallSnapshotRequest__Output } from '@tributary/rpc/src/generated/tributary/raft/v1/InstallSnapshotRequest';
import type { ResponseHeader } from '@tributary/rpc/src/generated/tributary/coord/v1/ResponseHeader';
import type { ConsensusNode } from '../node/consensus-node';
import { fromWire } from '../transport/message-codec';

/** Largest state snapshot accepted from a leader. */
const SNAPSHOT_BYTES_MAX = 4 * 1024 * 1024 * 1024;

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

export function raftHandlers(
  node: () => ConsensusNode,
  clusterId: string,
  header: () => ResponseHeader,
  log: Logger,
): RaftServiceHandlers {
  return {
    Send(call: grpc.ServerReadableStream<SendRequest__Output, unknown>, callback) {
      let received = 0;
      const { fail, failed } = failOnce(call, callback);
      call.on('data', (req: SendRequest__Output) => {
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
        received++;
        for (const wire of batch.messages) {
          const m = fromWire(wire);
          if (typeof m === 'string') log.warn({ from: batch.from }, `dropped a raft message: ${m}`);
          else node().step(m);
        }
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
      call.on('data', (c: InstallSnapshotRequest__Output) => {
        first ??= c;
        if (
          c.cluster_id !== clusterId ||
          c.offset !== bytes ||
          bytes + c.data.length > SNAPSHOT_BYTES_MAX
        ) {
          fail(
            tributaryError(
              'INVALID_ARGUMENT',
              `snapshot chunk at offset ${c.offset} does not follow ${bytes} bytes received (or wrong cluster, or too large)`,
            ),
          );
          return;
        }
        if (crc32c(c.data) !== c.crc32c) {
          fail(
            tributaryError(
              'CHECKSUM_MISMATCH',
              `snapshot chunk at offset ${c.offset} fails its CRC-32C check; the leader will resend`,
            ),
          );
          return;
        }
        chunks.push(c.data);
        bytes += c.data.length;
        done = c.done;
      });
      call.on('end', () => {
        if (failed()) return;
        const meta = first?.metadata;
        if (!first || !meta || !done) {
          callback(
            tributaryError('INVALID_ARGUMENT', 'snapshot stream ended before its last chunk'),
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
      call.on('error', () => undefined);
    },
  } as RaftServiceHandlers;
}

/**
 * A member with an empty data directory must not found a cluster that already exists: it would
 * come back as a voter that has forgotten its votes and its log, and could elect a leader that
 * lacks committed entries. Every member records its address at /tributary/members/<id> once it
 * has joined a quorum (MemberDirectory.publish); before bootstrapping from an empty directory, a
 * member asks its peers for that record and refuses to start when any of them has it.
 */
import type * as grpc from '@grpc/grpc-js';
import { contract, createClient } from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import type { NodeId } from '@tributary/raft';
import { MEMBERS_ROOT } from './services/member-directory';

const PROBE_TIMEOUT_MS = 1500;

export class AlreadyBootstrappedError extends Error {
  constructor(id: NodeId, peer: NodeId) {
    super(
      `member ${id} has an empty data directory, but peer ${peer} knows it as a member of a ` +
        'cluster that already exists; refusing to found it again. To rebuild this member from ' +
        'its peers, remove it (ClusterService.RemoveMember), then start it with --join (or ' +
        '--initial-cluster-state existing) and add it back (AddMember)',
    );
    this.name = 'AlreadyBootstrappedError';
  }
}

/** Throws AlreadyBootstrappedError when a reachable peer has this member's record. */
export async function refuseRefounding(
  id: NodeId,
  peers: Map<NodeId, string>,
  credentials?: grpc.ChannelCredentials,
): Promise<void> {
  const others = [...peers].filter(([peer]) => peer !== id);
  const known = await Promise.all(others.map(([, address]) => peerKnows(address, id, credentials)));
  const witness = others.find((_, k) => known[k]);
  if (witness) throw new AlreadyBootstrappedError(id, witness[0]);
}

/** Whether the member at `address` holds /tributary/members/<id>; unreachable means no. */
function peerKnows(
  address: string,
  id: NodeId,
  credentials: grpc.ChannelCredentials | undefined,
): Promise<boolean> {
  const client: CoordinationServiceClient = createClient(
    contract().tributary.coord.v1.CoordinationService,
    address,
    {},
    credentials,
  );
  const request = {
    path: `${MEMBERS_ROOT}/${id}`,
    consistency: 'CONSISTENCY_SERIALIZABLE' as const,
  };
  return new Promise<boolean>((resolve) => {
    client.Get(request, { deadline: Date.now() + PROBE_TIMEOUT_MS } as grpc.CallOptions, (error) =>
      resolve(!error),
    );
  }).finally(() => client.close());
}

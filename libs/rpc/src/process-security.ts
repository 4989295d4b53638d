/**
 * What a server process (coordinator, broker) derives from its TLS flags, once at start-up:
 * the credentials of every link it dials, and the guard of its peer-only services.
 */
import type * as grpc from '@grpc/grpc-js';
import type { AclEntry } from '@tributary/coord-state';
import { aclAuthorizer, allowAll, type Authorizer, type Demand } from './authorization';
import { clusterPrincipals, principalOfX509, requirePrincipals } from './principal';
import { checkTlsFiles, processChannelCredentials, type TlsFiles } from './tls';

export interface ProcessSecurity {
  tls: TlsFiles | undefined;
  /** Credentials of every channel this process opens to the others. */
  channel: grpc.ChannelCredentials;
  /** This process's own principal (from --tls-cert); undefined without TLS. */
  self: string | undefined;
  /** How clients authenticate, for the start-up line: `open` without TLS. */
  clientAuth: string;
  /** The cluster principals and `--super-users`: never held to ACLs or quotas. */
  privileged: ReadonlySet<string>;
  /** Principals let into the peer-only services; undefined without TLS (open). */
  peers: ReadonlySet<string> | undefined;
  /** `handlers` (of `methods`, when given) kept to `peers`; unchanged without TLS. */
  peerOnly<H extends object>(
    definition: grpc.ServiceDefinition,
    handlers: H,
    service: string,
    methods?: readonly string[],
  ): H;
  /**
   * The authorizer of every client call: the ACLs `acls()` gives, with `--super-users` and the
   * cluster principals above them; without TLS everything is allowed (the cluster is open).
   */
  authorizer(
    acls: () => readonly AclEntry[],
    onDenied?: (demand: Demand) => void,
    sessionOwner?: (sessionId: number) => string | undefined,
  ): Authorizer;
}

/** Throws (a wrong file, a key of another certificate) before anything listens. */
export function processSecurity(
  tls: TlsFiles | undefined,
  listedPrincipals: readonly string[],
  superUsers: readonly string[] = [],
): ProcessSecurity {
  if (!tls && superUsers.length > 0)
    throw new Error('--super-users needs TLS: give --tls-cert, --tls-key and --tls-ca');
  const own = tls ? checkTlsFiles(tls) : undefined;
  const peers = own ? clusterPrincipals(listedPrincipals, own) : undefined;
  const privileged = new Set([...superUsers, ...(peers ?? [])]);
  return {
    tls,
    channel: processChannelCredentials(tls),
    self: own ? principalOfX509(own) : undefined,
    clientAuth: !tls
      ? 'open'
      : tls.authTokens
        ? 'client certificates or bearer tokens'
        : 'client certificates required',
    privileged,
    peers,
    peerOnly: (definition, handlers, service, methods) =>
      peers ? requirePrincipals(definition, handlers, peers, service, methods) : handlers,
    authorizer: (acls, onDenied, sessionOwner) =>
      peers ? aclAuthorizer(acls, privileged, onDenied, sessionOwner) : allowAll,
  };
}

/** Options of one broker process (the flags of `trib broker`, DESIGN §2). */
import {
  DEFAULT_MAX_CALL_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_STREAM_IDLE_MS,
  defaultMetricsListen,
  parseHostPort,
  type TlsFiles,
  type QuotaSpec,
} from '@tributary/rpc';

export interface BrokerOptions {
  /** This broker's id, ≥ 1, unique among live brokers. */
  id: number;
  /** host:port the gRPC server binds (clients and peer brokers). */
  listen: string;
  /** host:port registered for clients and peers to dial; default `listen`. */
  advertise: string;
  /** Coordinator addresses, host:port; any of them will do. */
  coordinators: string[];
  dataDir: string;
  /** Failure domain for rack-aware placement; empty = none. */
  rack: string;
  /** host:port of /metrics, /healthz, /readyz; default the gRPC port + 80. */
  metricsListen: string;
  /** Largest gRPC message received or sent (requests, fetch answers); default 16 MiB. */
  maxMessageBytes: number;
  /** `--max-call-ms`: longest a unary call may hold the server, whatever its deadline. */
  maxCallMs: number;
  /** `--stream-idle-ms`: a client stream with nothing moving this long is closed. */
  streamIdleMs: number;
  /** TTL of the coordination session whose life is this broker's registration. */
  sessionTtlMs: number;
  /** Budget of one call to the coordinators, retries included. */
  coordinatorRequestTimeoutMs: number;
  /** replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR. */
  replicaLagTimeMaxMs: number;
  /** Longest wait of a follower's ReplicaFetch at the leader. */
  replicaFetchMaxWaitMs: number;
  /** Soft cap on the bytes of one ReplicaFetch answer. */
  replicaFetchMaxBytes: number;
  /** How often retention and compaction run over the partitions. */
  retentionCheckIntervalMs: number;
  /** Produce requests in flight per ProduceStream; the stream stops reading at the bound. */
  produceStreamMaxInFlight: number;
  /**
   * --tls-cert/--tls-key/--tls-ca: mTLS on the port and on every link this process dials;
   * undefined: plaintext, open to anyone who can reach the port (development only).
   */
  tls: TlsFiles | undefined;
  /**
   * Principals allowed on the ReplicationService (peers only); empty: this process's own
   * certificate principal. Needs `tls`.
   */
  clusterPrincipals: string[];
  /**
   * `--super-users`: principals no ACL restricts (with `tls`, every other client call is
   * checked against the ACLs; the cluster principals are super-users too). Needs `tls`.
   */
  superUsers: string[];
  /** `--quota-produce-bytes`: record payload bytes/s per principal; undefined: unlimited. */
  produceQuota?: QuotaSpec | undefined;
  /** `--quota-fetch-bytes`: bytes/s per principal fetched by consumers (not replicas). */
  fetchQuota?: QuotaSpec | undefined;
}

/** Parses `127.0.0.1:7101,127.0.0.1:7102`. */
export function parseCoordinators(value: string): string[] {
  const out = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const address of out) parseHostPort(address);
  if (out.length === 0) throw new Error('--coordinators names no address; expected host:port,…');
  return [...new Set(out)];
}

export function resolveOptions(
  o: Partial<BrokerOptions> & Pick<BrokerOptions, 'id' | 'listen' | 'coordinators' | 'dataDir'>,
): BrokerOptions {
  if (!Number.isInteger(o.id) || o.id < 1)
    throw new Error(`--id must be a positive integer, got ${o.id}`);
  parseHostPort(o.listen);
  if (o.advertise !== undefined) parseHostPort(o.advertise);
  if (o.coordinators.length === 0) throw new Error('--coordinators names no address');
  checkClusterPrincipals(o);
  const resolved: BrokerOptions = {
    advertise: o.listen,
    rack: '',
    metricsListen: defaultMetricsListen(o.listen),
    maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
    maxCallMs: DEFAULT_MAX_CALL_MS,
    streamIdleMs: DEFAULT_STREAM_IDLE_MS,
    sessionTtlMs: 6_000,
    coordinatorRequestTimeoutMs: 10_000,
    replicaLagTimeMaxMs: 10_000,
    replicaFetchMaxWaitMs: 500,
    replicaFetchMaxBytes: 8 * 1024 * 1024,
    retentionCheckIntervalMs: 30_000,
    produceStreamMaxInFlight: 256,
    tls: undefined,
    clusterPrincipals: [],
    superUsers: [],
    ...o,
  };
  if (resolved.replicaFetchMaxBytes > resolved.maxMessageBytes)
    throw new Error(
      `--replica-fetch-max-bytes (${resolved.replicaFetchMaxBytes}) must not exceed --max-message-bytes (${resolved.maxMessageBytes})`,
    );
  // Binding 0.0.0.0 is fine, registering it is not: peers could not dial it.
  if (/^(0\.0\.0\.0|\[::\]):/.test(resolved.advertise))
    throw new Error(
      `--advertise is ${resolved.advertise}, which nobody can dial; give a reachable host:port`,
    );
  return resolved;
}

/** Principals are read from client certificates: naming them without TLS would guard nothing. */
function checkClusterPrincipals(o: { tls?: TlsFiles | undefined; clusterPrincipals?: string[] }) {
  if ((o.clusterPrincipals?.length ?? 0) > 0 && !o.tls)
    throw new Error('--cluster-principals needs TLS: give --tls-cert, --tls-key and --tls-ca');
}

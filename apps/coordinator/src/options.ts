/** Options of one coordinator process (the flags of `trib coordinator`, DESIGN §2). */
import {
  defaultMetricsListen,
  parseHostPort,
  DEFAULT_MAX_CALL_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_STREAM_IDLE_MS,
  type TlsFiles,
  type QuotaSpec,
} from '@tributary/rpc';

export interface CoordinatorOptions {
  /** This member's id, ≥ 1. */
  id: number;
  /** host:port for clients and peers (one gRPC port). */
  listen: string;
  /** Founding members: id → host:port (including this one). */
  peers: Map<number, string>;
  dataDir: string;
  /** host:port of /metrics, /healthz, /readyz; default the gRPC port + 80. */
  metricsListen: string;
  /** Start with an empty log and wait to be added by the cluster (AddMember) instead of bootstrapping. */
  join: boolean;
  /**
   * 'new': with an empty data directory, found the cluster from `peers` (refused if a peer knows
   * this member already). 'existing': never found one; wait to be added (as with `join`).
   */
  initialClusterState: 'new' | 'existing';
  clusterId: string;
  maxMessageBytes: number;
  /** `--max-call-ms`: longest a unary call may hold the server, whatever its deadline. */
  maxCallMs: number;
  /** `--stream-idle-ms`: a client stream with nothing moving this long is closed. */
  streamIdleMs: number;
  tickMs: number;
  electionTicks: number;
  /** Linearizable reads by ReadIndex ('safe', default) or by leader lease ('lease'). */
  readMode: 'safe' | 'lease';
  /**
   * With lease reads: the bound on how far members' clocks (and event-loop stalls) make tick
   * rates drift apart, as a ratio; the lease is shortened to stay safe within it.
   */
  maxClockDriftRatio: number;
  heartbeatTicks: number;
  requestTimeoutMs: number;
  /** Writes waiting on this member at once; more are refused with LIMIT_EXCEEDED. */
  pendingProposalsMax: number;
  snapshotEveryEntries: number;
  /** ...or once the entries applied since the last snapshot hold this many bytes. */
  snapshotEveryBytes: number;
  snapshotKeepEntries: number;
  watchHistoryRevisions: number;
  /** Watch history kept, in bytes of events (always at least the newest revision). */
  watchHistoryBytes: number;
  /**
   * --tls-cert/--tls-key/--tls-ca: mTLS on the port and on every link this process dials;
   * undefined: plaintext, open to anyone who can reach the port (development only).
   */
  tls: TlsFiles | undefined;
  /**
   * Principals allowed on the Raft peer service (peers only); empty: this process's own
   * certificate principal. Needs `tls`.
   */
  clusterPrincipals: string[];
  /**
   * `--super-users`: principals no ACL restricts (with `tls`, every other client call is
   * checked against the ACLs; the cluster principals are super-users too). Needs `tls`.
   */
  superUsers: string[];
  /** `--quota-requests`: client requests/s per principal; undefined: unlimited. */
  requestQuota?: QuotaSpec | undefined;
}

/** Parses `1=127.0.0.1:7101,2=127.0.0.1:7102`. */
export function parsePeers(value: string): Map<number, string> {
  const peers = new Map<number, string>();
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)=(.+)$/.exec(part);
    if (!m || Number(m[1]) < 1)
      throw new Error(`'${part}' is not a peer; expected ID=HOST:PORT such as 1=127.0.0.1:7101`);
    parseHostPort(m[2]!);
    if (peers.has(Number(m[1]))) throw new Error(`peer id ${m[1]} appears twice in --peers`);
    peers.set(Number(m[1]), m[2]!);
  }
  if (peers.size === 0) throw new Error('--peers names no member; expected ID=HOST:PORT,…');
  return peers;
}

export function resolveOptions(
  o: Partial<CoordinatorOptions> & Pick<CoordinatorOptions, 'id' | 'listen' | 'peers' | 'dataDir'>,
): CoordinatorOptions {
  if (!Number.isInteger(o.id) || o.id < 1)
    throw new Error(`--id must be a positive integer, got ${o.id}`);
  parseHostPort(o.listen);
  if (!o.peers.has(o.id) && !o.join)
    throw new Error(`--peers must include this member (id ${o.id}) unless --join is given`);
  checkClusterPrincipals(o);
  return {
    metricsListen: defaultMetricsListen(o.listen),
    join: false,
    initialClusterState: 'new',
    clusterId: 'tributary',
    maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
    maxCallMs: DEFAULT_MAX_CALL_MS,
    streamIdleMs: DEFAULT_STREAM_IDLE_MS,
    tickMs: 100,
    electionTicks: 10,
    readMode: 'safe',
    maxClockDriftRatio: 0.1,
    heartbeatTicks: 1,
    requestTimeoutMs: 10_000,
    pendingProposalsMax: 10_000,
    // Building a snapshot pauses the event loop (~0.1 s per 10 MB of state): keep them rare.
    snapshotEveryEntries: 100_000,
    // The log between snapshots is held in memory as well as on disk: bound it in bytes too.
    snapshotEveryBytes: 64 * 1024 * 1024,
    snapshotKeepEntries: 10_000,
    watchHistoryRevisions: 100_000,
    watchHistoryBytes: 64 * 1024 * 1024,
    tls: undefined,
    clusterPrincipals: [],
    superUsers: [],
    ...o,
  };
}

/** Principals are read from client certificates: naming them without TLS would guard nothing. */
function checkClusterPrincipals(o: { tls?: TlsFiles | undefined; clusterPrincipals?: string[] }) {
  if ((o.clusterPrincipals?.length ?? 0) > 0 && !o.tls)
    throw new Error('--cluster-principals needs TLS: give --tls-cert, --tls-key and --tls-ca');
}

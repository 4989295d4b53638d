/** `trib coordinator`: runs one consensus node until SIGTERM/SIGINT, then drains and exits 0. */
import { Command, Option } from 'commander';
import { parseHostPort, type QuotaSpec } from '@tributary/rpc';
import { parseNonNegativeInt, parsePositiveInt, parseRatio, quotaOf } from '../options';
import { coordinatorFromPod, podHostname } from '../pod-identity';
import { serverTls, withServerTlsOptions, type ServerTlsFlags } from '../tls-options';
import { transportLimits, withTransportOptions, type TransportFlags } from '../transport-options';
import { untilSignal } from '../until-signal';

export function registerCoordinator(program: Command): void {
  const command = program
    .command('coordinator')
    .description('run one coordinator (Raft member of the consensus service)')
    .addOption(
      new Option('--id <n>', 'this member id (required unless --pod-domain)')
        .env('TRIBUTARY_ID')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option('--listen <host:port>', 'gRPC address for clients and peers')
        .env('TRIBUTARY_LISTEN')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--peers <list>',
        'founding members: 1=host:port,2=host:port,… (required unless --pod-domain)',
      ).env('TRIBUTARY_PEERS'),
    )
    .addOption(
      new Option(
        '--pod-domain <domain>',
        'in a Kubernetes StatefulSet: derive --id (ordinal + 1) and --peers (NAME-0.DOMAIN, …) ' +
          'from the pod name in HOSTNAME and this headless Service domain',
      ).env('TRIBUTARY_POD_DOMAIN'),
    )
    .addOption(
      new Option(
        '--initial-cluster-size <n>',
        'with --pod-domain: pods 0 … n−1 found the cluster; later ordinals start as with --join',
      )
        .env('TRIBUTARY_INITIAL_CLUSTER_SIZE')
        .argParser(parsePositiveInt)
        .default(3),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where the Raft log and snapshots live')
        .env('TRIBUTARY_DATA_DIR')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--metrics-listen <host:port>',
        '/metrics, /healthz, /readyz (default: gRPC port + 80)',
      ).env('TRIBUTARY_METRICS_LISTEN'),
    )
    .addOption(
      new Option('--join', 'start empty and wait to be added with AddMember').env('TRIBUTARY_JOIN'),
    )
    .addOption(
      new Option(
        '--initial-cluster-state <state>',
        'new: an empty member founds the cluster from --peers; existing: it waits to be added',
      )
        .env('TRIBUTARY_INITIAL_CLUSTER_STATE')
        .choices(['new', 'existing'])
        .default('new'),
    )
    .addOption(
      new Option('--cluster-id <id>', 'refuse peers of other clusters')
        .env('TRIBUTARY_CLUSTER_ID')
        .default('tributary'),
    )
    .addOption(
      new Option('--tick-ms <n>', 'Raft tick').env('TRIBUTARY_TICK_MS').argParser(parsePositiveInt),
    )
    .addOption(
      new Option('--election-ticks <n>', 'election timeout in ticks (randomized up to twice this)')
        .env('TRIBUTARY_ELECTION_TICKS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--read-mode <mode>',
        'linearizable reads: safe (ReadIndex) or lease (needs bounded clock drift)',
      )
        .env('TRIBUTARY_READ_MODE')
        .choices(['safe', 'lease'])
        .default('safe'),
    )
    .addOption(
      new Option(
        '--max-clock-drift-ratio <r>',
        'lease reads: bound on tick-rate drift between members (default 0.1); shortens the lease',
      )
        .env('TRIBUTARY_MAX_CLOCK_DRIFT_RATIO')
        .argParser(parseRatio),
    )
    .addOption(
      new Option('--snapshot-every-entries <n>', 'snapshot and compact after this many entries')
        .env('TRIBUTARY_SNAPSHOT_EVERY_ENTRIES')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--snapshot-every-bytes <n>',
        'snapshot and compact once the entries since the last snapshot hold this many bytes',
      )
        .env('TRIBUTARY_SNAPSHOT_EVERY_BYTES')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--watch-history-bytes <n>',
        'bytes of recent events kept for watches resuming from an old revision',
      )
        .env('TRIBUTARY_WATCH_HISTORY_BYTES')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--snapshot-keep-entries <n>',
        'entries kept behind a snapshot for followers a little behind',
      )
        .env('TRIBUTARY_SNAPSHOT_KEEP_ENTRIES')
        .argParser(parseNonNegativeInt),
    )
    .addOption(
      new Option(
        '--max-pending-proposals <n>',
        'writes waiting on this member at once; more are refused (LIMIT_EXCEEDED)',
      )
        .env('TRIBUTARY_MAX_PENDING_PROPOSALS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--quota-requests <list>',
        'request quota: client requests/s per principal, `alice=500,*=5000` (* = any other)',
      )
        .env('TRIBUTARY_QUOTA_REQUESTS')
        .argParser(quotaOf('--quota-requests')),
    );
  withServerTlsOptions(withTransportOptions(command)).action(
    async (o: CoordinatorFlags, command: Command) => {
      const { resolveOptions, startCoordinator } = coordinatorApp();
      const identity = membership(o, command);
      const options = resolveOptions({
        ...identity,
        listen: o.listen,
        dataDir: o.dataDir,
        initialClusterState: o.initialClusterState,
        clusterId: o.clusterId,
        readMode: o.readMode,
        ...serverTls(o, command),
        ...(o.metricsListen && { metricsListen: o.metricsListen }),
        ...transportLimits(o),
        ...(o.tickMs && { tickMs: o.tickMs }),
        ...(o.electionTicks && { electionTicks: o.electionTicks }),
        ...(o.snapshotEveryEntries && { snapshotEveryEntries: o.snapshotEveryEntries }),
        ...(o.snapshotEveryBytes && { snapshotEveryBytes: o.snapshotEveryBytes }),
        ...(o.watchHistoryBytes && { watchHistoryBytes: o.watchHistoryBytes }),
        ...(o.maxPendingProposals && { pendingProposalsMax: o.maxPendingProposals }),
        ...(o.maxClockDriftRatio !== undefined && { maxClockDriftRatio: o.maxClockDriftRatio }),
        ...(o.snapshotKeepEntries !== undefined && { snapshotKeepEntries: o.snapshotKeepEntries }),
        requestQuota: o.quotaRequests,
      });
      const coordinator = await startCoordinator(options);
      await untilSignal();
      await coordinator.stop();
      process.exit(0);
    },
  );
}

/** The server, loaded when this command runs: the other commands start without its code. */
function coordinatorApp(): typeof import('@tributary/coordinator') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@tributary/coordinator');
}

/** `--id`, `--peers` and `--join` as given, or derived from the pod (`--pod-domain`). */
function membership(
  o: CoordinatorFlags,
  command: Command,
): { id: number; peers: Map<number, string>; join: boolean } {
  if (o.podDomain) {
    if (o.id !== undefined || o.peers !== undefined)
      command.error('error: --pod-domain derives --id and --peers; give either it or them');
    const pod = coordinatorFromPod({
      hostname: podHostname(),
      domain: o.podDomain,
      port: parseHostPort(o.listen).port,
      initialClusterSize: o.initialClusterSize,
    });
    return { ...pod, join: pod.join || Boolean(o.join) };
  }
  if (o.id === undefined) command.error("error: required option '--id <n>' not specified");
  if (o.peers === undefined) command.error("error: required option '--peers <list>' not specified");
  return { id: o.id, peers: coordinatorApp().parsePeers(o.peers), join: Boolean(o.join) };
}

interface CoordinatorFlags extends ServerTlsFlags, TransportFlags {
  quotaRequests?: QuotaSpec;
  id?: number;
  listen: string;
  peers?: string;
  podDomain?: string;
  initialClusterSize: number;
  dataDir: string;
  metricsListen?: string;
  join?: boolean;
  initialClusterState: 'new' | 'existing';
  clusterId: string;
  readMode: 'safe' | 'lease';
  tickMs?: number;
  electionTicks?: number;
  snapshotEveryEntries?: number;
  snapshotEveryBytes?: number;
  watchHistoryBytes?: number;
  snapshotKeepEntries?: number;
  maxPendingProposals?: number;
  maxClockDriftRatio?: number;
}

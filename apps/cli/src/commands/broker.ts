/**
 * `trib broker`: runs one broker until SIGTERM/SIGINT, then hands its partition leadership over
 * (CloseSession), drains and exits 0.
 */
import { Command, Option } from 'commander';
import { parseHostPort, type QuotaSpec } from '@tributary/rpc';
import { parsePositiveInt, quotaOf } from '../options';
import { brokerFromPod, podHostname } from '../pod-identity';
import { serverTls, withServerTlsOptions, type ServerTlsFlags } from '../tls-options';
import { transportLimits, withTransportOptions, type TransportFlags } from '../transport-options';
import { untilSignal } from '../until-signal';
import { registerBrokerDrain } from './broker-drain';

export function registerBroker(program: Command): void {
  const broker = program
    .command('broker')
    .description('run one broker (partition leader and follower, produce and fetch)')
    .addOption(
      new Option(
        '--id <n>',
        'this broker id, unique among live brokers (required unless --pod-domain)',
      )
        .env('TRIBUTARY_ID')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option('--listen <host:port>', 'gRPC address for clients and peer brokers').env(
        'TRIBUTARY_LISTEN',
      ),
    )
    .addOption(
      new Option(
        '--advertise <host:port>',
        'address registered for clients and peers to dial (default: --listen)',
      ).env('TRIBUTARY_ADVERTISE'),
    )
    .addOption(
      new Option(
        '--pod-domain <domain>',
        'in a Kubernetes StatefulSet: derive --id (ordinal + 1) from the pod name in HOSTNAME ' +
          'and advertise HOSTNAME.DOMAIN with the --listen port',
      ).env('TRIBUTARY_POD_DOMAIN'),
    )
    .addOption(
      new Option('--coordinators <list>', 'coordinator addresses: host:port,host:port,…').env(
        'TRIBUTARY_COORDINATORS',
      ),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where the partition logs live').env('TRIBUTARY_DATA_DIR'),
    )
    .addOption(
      new Option('--rack <name>', 'failure domain for rack-aware replica placement').env(
        'TRIBUTARY_RACK',
      ),
    )
    .addOption(
      new Option(
        '--metrics-listen <host:port>',
        '/metrics, /healthz, /readyz (default: gRPC port + 80)',
      ).env('TRIBUTARY_METRICS_LISTEN'),
    )
    .addOption(
      new Option(
        '--session-ttl-ms <n>',
        'TTL of the coordination session that is this broker’s liveness (default 6000)',
      )
        .env('TRIBUTARY_SESSION_TTL_MS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--replica-lag-time-max-ms <n>',
        'replica.lag.time.max.ms: a follower not caught up this long leaves the ISR (default 10000)',
      )
        .env('TRIBUTARY_REPLICA_LAG_TIME_MAX_MS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--replica-fetch-max-wait-ms <n>',
        'longest wait of a follower fetch at the leader (default 500)',
      )
        .env('TRIBUTARY_REPLICA_FETCH_MAX_WAIT_MS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--replica-fetch-max-bytes <n>',
        'soft cap on one follower fetch answer (default 8 MiB)',
      )
        .env('TRIBUTARY_REPLICA_FETCH_MAX_BYTES')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--retention-check-interval-ms <n>',
        'how often retention and compaction run (default 30000)',
      )
        .env('TRIBUTARY_RETENTION_CHECK_INTERVAL_MS')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--produce-stream-max-in-flight <n>',
        'unanswered requests per ProduceStream before it stops reading (default 256)',
      )
        .env('TRIBUTARY_PRODUCE_STREAM_MAX_IN_FLIGHT')
        .argParser(parsePositiveInt),
    )
    .addOption(
      new Option(
        '--quota-produce-bytes <list>',
        'produce quota: record bytes/s per principal, `alice=1048576,*=10485760` (* = any other)',
      )
        .env('TRIBUTARY_QUOTA_PRODUCE_BYTES')
        .argParser(quotaOf('--quota-produce-bytes')),
    )
    .addOption(
      new Option(
        '--quota-fetch-bytes <list>',
        'consumer fetch quota: bytes/s per principal, as --quota-produce-bytes',
      )
        .env('TRIBUTARY_QUOTA_FETCH_BYTES')
        .argParser(quotaOf('--quota-fetch-bytes')),
    );
  withServerTlsOptions(withTransportOptions(broker)).action(
    async (o: BrokerFlags, command: Command) => {
      const { parseCoordinators, resolveOptions, startBroker } = brokerApp();
      // Checked here, not by commander, which would demand them of `trib broker drain` too.
      const listen = o.listen ?? missing(command, '--listen <host:port>');
      const coordinators = o.coordinators ?? missing(command, '--coordinators <list>');
      const dataDir = o.dataDir ?? missing(command, '--data-dir <dir>');
      const options = resolveOptions({
        ...identity(o, listen, command),
        listen,
        coordinators: parseCoordinators(coordinators),
        dataDir,
        ...serverTls(o, command),
        ...(o.rack && { rack: o.rack }),
        ...(o.metricsListen && { metricsListen: o.metricsListen }),
        ...transportLimits(o),
        ...(o.sessionTtlMs && { sessionTtlMs: o.sessionTtlMs }),
        ...(o.replicaLagTimeMaxMs && { replicaLagTimeMaxMs: o.replicaLagTimeMaxMs }),
        ...(o.replicaFetchMaxWaitMs && { replicaFetchMaxWaitMs: o.replicaFetchMaxWaitMs }),
        ...(o.replicaFetchMaxBytes && { replicaFetchMaxBytes: o.replicaFetchMaxBytes }),
        ...(o.retentionCheckIntervalMs && {
          retentionCheckIntervalMs: o.retentionCheckIntervalMs,
        }),
        ...(o.produceStreamMaxInFlight && {
          produceStreamMaxInFlight: o.produceStreamMaxInFlight,
        }),
        produceQuota: o.quotaProduceBytes,
        fetchQuota: o.quotaFetchBytes,
      });
      const running = await startBroker(options);
      await untilSignal();
      await running.stop();
      process.exit(0);
    },
  );
  registerBrokerDrain(broker);
}

/** The server, loaded when this command runs: the other commands start without its code. */
function brokerApp(): typeof import('@tributary/broker') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@tributary/broker');
}

/** `--id` and `--advertise` as given, or derived from the pod (`--pod-domain`). */
function identity(
  o: BrokerFlags,
  listen: string,
  command: Command,
): { id: number; advertise?: string } {
  if (o.podDomain) {
    if (o.id !== undefined || o.advertise !== undefined)
      command.error('error: --pod-domain derives --id and --advertise; give either it or them');
    return brokerFromPod({
      hostname: podHostname(),
      domain: o.podDomain,
      port: parseHostPort(listen).port,
    });
  }
  if (o.id === undefined) command.error("error: required option '--id <n>' not specified");
  return { id: o.id, ...(o.advertise && { advertise: o.advertise }) };
}

function missing(command: Command, flag: string): never {
  command.error(`error: required option '${flag}' not specified`);
}

interface BrokerFlags extends ServerTlsFlags, TransportFlags {
  quotaProduceBytes?: QuotaSpec;
  quotaFetchBytes?: QuotaSpec;
  id?: number;
  listen?: string;
  advertise?: string;
  podDomain?: string;
  coordinators?: string;
  dataDir?: string;
  rack?: string;
  metricsListen?: string;
  sessionTtlMs?: number;
  replicaLagTimeMaxMs?: number;
  replicaFetchMaxWaitMs?: number;
  replicaFetchMaxBytes?: number;
  retentionCheckIntervalMs?: number;
  produceStreamMaxInFlight?: number;
}

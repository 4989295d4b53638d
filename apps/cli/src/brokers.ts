/**
 * What the broker commands (`topic`, `produce`, `consume`, `group`, `partitions`) share: the
 * `--bootstrap` option with its env twin, an Admin that is always closed, table and JSON
 * output, and errors as one line `trib: <message> (<REASON>)` followed by what to do.
 */
import { Option, type Command } from 'commander';
import Table from 'cli-table3';
import { Admin, codeName, CoordinationError } from '@tributary/client';
import { coordinationAction } from './coordination';
import { parseAddresses, parsePositiveInt } from './options';
import { sdkTls, withClientTlsOptions, type TlsFlags } from './tls-options';

export const DEFAULT_BOOTSTRAP = '127.0.0.1:9101,127.0.0.1:9102,127.0.0.1:9103';

export interface BrokerOptions extends TlsFlags {
  bootstrap: string[];
  timeoutMs: number;
}

export type JsonOpts = BrokerOptions & { json?: boolean };

/** Adds `--bootstrap` (⇄ TRIBUTARY_BOOTSTRAP), `--timeout-ms` and the TLS flags to a command. */
export function withBrokerOptions(command: Command): Command {
  return withClientTlsOptions(command)
    .addOption(bootstrapOption())
    .addOption(
      new Option('--timeout-ms <ms>', 'give up on a request after this long, retries included')
        .default(10_000)
        .argParser(parsePositiveInt),
    );
}

export function bootstrapOption(): Option {
  return new Option('--bootstrap <list>', 'broker addresses, host:port,…')
    .env('TRIBUTARY_BOOTSTRAP')
    .default(parseAddresses(DEFAULT_BOOTSTRAP), DEFAULT_BOOTSTRAP)
    .argParser(parseAddresses);
}

/** Runs `body` with an Admin client and closes it afterwards, whatever happens. */
export async function withAdmin<T>(
  options: BrokerOptions,
  body: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Admin({
    bootstrap: options.bootstrap,
    requestTimeoutMs: options.timeoutMs,
    ...sdkTls(options),
  });
  try {
    return await body(admin);
  } finally {
    admin.close();
  }
}

/**
 * Wraps a command action: a CoordinationError becomes `trib: <message> (<REASON>)`, a line
 * saying what to do where there is something to do, and exit code 1.
 */
export function brokerAction<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return coordinationAction(action, (error, args) => hintFor(error, args.find(isBrokerOptions)));
}

function isBrokerOptions(value: unknown): value is BrokerOptions {
  return typeof value === 'object' && value !== null && 'bootstrap' in value;
}

function hintFor(error: CoordinationError, opts: BrokerOptions | undefined): string | undefined {
  const topic = error.metadata.topic ?? 'NAME';
  switch (error.reason) {
    case 'UNKNOWN_TOPIC':
      return `List the topics with \`trib topic list\`, or create it with \`trib topic create ${topic}\`.`;
    case 'TOPIC_EXISTS':
      return `See it with \`trib topic describe ${topic}\`.`;
    case 'UNKNOWN_PARTITION':
      return `See its partitions with \`trib topic describe ${topic}\`.`;
    case 'OFFSET_OUT_OF_RANGE':
      return 'Start within the log (see `trib topic describe`), or use --from-beginning.';
    case 'NOT_ENOUGH_REPLICAS':
      return 'Too few in-sync replicas: check the brokers with `trib cluster status`.';
    case undefined:
      if (codeName(error.code) === 'UNAVAILABLE' && opts) {
        return (
          `No broker answered at ${opts.bootstrap.join(',')}. Start a local cluster with ` +
          '`trib dev`, or pass --bootstrap host:port (or set TRIBUTARY_BOOTSTRAP).'
        );
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A borderless table in the style of `trib cluster status`. */
export function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const row of rows) t.push(row.map(String));
  return t.toString();
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Broker ids as `1,2,3`, `-` for none. */
export function ids(list: readonly number[]): string {
  return list.length === 0 ? '-' : list.join(',');
}

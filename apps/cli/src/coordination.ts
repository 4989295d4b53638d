/**
 * What the coordination commands (`kv`, `lock`, `cluster`) share: the `--coordinators` option
 * with its env twin, a client that is always closed, DATA from an argument or stdin, and the
 * one-line error format `trib: <message> (<REASON>)`.
 */
import { Option, type Command } from 'commander';
import { CoordinationClient, CoordinationError } from '@tributary/client';
import { parseAddresses, parsePositiveInt } from './options';
import { sdkTls, withClientTlsOptions, type TlsFlags } from './tls-options';

// The parsers the coordination commands import from here; options.ts is their one home.
export { parseNonNegativeInt, parsePositiveInt, parseVersion } from './options';

export const DEFAULT_COORDINATORS = '127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103';
/** Largest DATA read from stdin: the 1 MiB data limit, with room for the server to say so. */
const MAX_STDIN_BYTES = 1024 * 1024 + 1;

export interface CoordinationOptions extends TlsFlags {
  coordinators: string[];
  timeoutMs: number;
}

/** Adds `--coordinators` (⇄ TRIBUTARY_COORDINATORS), `--timeout-ms` and the TLS flags. */
export function withCoordinationOptions(command: Command): Command {
  return withClientTlsOptions(command)
    .addOption(
      new Option('--coordinators <list>', 'coordinator addresses, host:port,…')
        .env('TRIBUTARY_COORDINATORS')
        .default(parseCoordinators(DEFAULT_COORDINATORS), DEFAULT_COORDINATORS)
        .argParser(parseCoordinators),
    )
    .addOption(
      new Option('--timeout-ms <ms>', 'give up on a request after this long, retries included')
        .default(10_000)
        .argParser(parsePositiveInt),
    );
}

/** Coordinator addresses, `host:port,…`. */
export const parseCoordinators = parseAddresses;

export function newClient(options: CoordinationOptions): CoordinationClient {
  return new CoordinationClient({
    endpoints: options.coordinators,
    requestTimeoutMs: options.timeoutMs,
    ...sdkTls(options),
  });
}

/** Runs `body` with a client and closes it afterwards, whatever happens. */
export async function withClient<T>(
  options: CoordinationOptions,
  body: (client: CoordinationClient) => Promise<T>,
): Promise<T> {
  const client = newClient(options);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}

/** What the user can do about an error, given the action's arguments; undefined for nothing. */
export type Hint<A extends unknown[]> = (error: CoordinationError, args: A) => string | undefined;

/**
 * Wraps a command action: a CoordinationError becomes one line `trib: <message> (<REASON>)`,
 * then the hint's line if it has one, and exit code 1; other errors go to main's handler.
 */
export function coordinationAction<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
  hint?: Hint<A>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof CoordinationError)) throw error;
      reportError(error);
      const what = hint?.(error, args);
      if (what) process.stderr.write(`  ${what}\n`);
      process.exitCode = 1;
    }
  };
}

export function reportError(error: CoordinationError, prefix = ''): void {
  const message = `${prefix}${error.message}`.replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`trib: ${message} (${error.label})\n`);
}

/** DATA as given, or all of stdin for `-`. */
export async function readData(value: string | undefined): Promise<Buffer> {
  if (value === undefined) return Buffer.alloc(0);
  if (value !== '-') return Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > MAX_STDIN_BYTES) {
      throw new Error(`stdin holds more than ${MAX_STDIN_BYTES - 1} bytes, the largest node data`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Resolves on the first of `signals`, with its name. */
export function nextSignal(signals: NodeJS.Signals[]): {
  promise: Promise<NodeJS.Signals>;
  dispose: () => void;
} {
  let dispose = () => {};
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = () => resolve(signal);
      process.once(signal, handler);
      return [signal, handler] as const;
    });
    dispose = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
  });
  return { promise, dispose };
}

/** Text when `data` is valid UTF-8, else undefined. */
export function utf8OrUndefined(data: Buffer): string | undefined {
  const text = data.toString('utf8');
  return Buffer.from(text, 'utf8').equals(data) ? text : undefined;
}

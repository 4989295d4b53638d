/**
 * pino loggers writing one JSON object per line to stdout; pipe through `pino-pretty` to read
 * them by eye. The level comes from `TRIBUTARY_LOG_LEVEL` (default `info`).
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Component name, e.g. `coordinator`. */
  name: string;
  /** Fields bound to every line, e.g. `{ node_id: 1 }`. */
  bindings?: Record<string, unknown>;
  level?: string;
  /** Destination file descriptor; default 1 (stdout). */
  fd?: number;
}

export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? process.env['TRIBUTARY_LOG_LEVEL'] ?? 'info';
  const logger = pino(
    { name: options.name, level, base: { pid: process.pid } },
    pino.destination({ fd: options.fd ?? 1, sync: false }),
  );
  return options.bindings ? logger.child(options.bindings) : logger;
}

/** A logger that drops everything: for tests and embedded use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * What `trib dev` does with its children's output: every line goes to the child's log file as
 * written (pino JSON), and, unless --quiet, to our stdout as `coordinator-1 | INFO msg k=v`, the
 * names padded to one width and coloured on a terminal.
 */
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
/** pino fields every line has, or that the prefix already says. */
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'node_id', 'v']);
/** Cyan, magenta, yellow, green, blue, red: one per child in turn. */
const COLOURS = [36, 35, 33, 32, 34, 31];

export interface Echo {
  /** Width the names are padded to: the longest name. */
  width: number;
  /** Colour the names (stdout is a terminal). */
  colour: boolean;
  write(line: string): void;
}

/** Copies a child's stdout and stderr, line by line, to its log file and to `echo`. */
export class ChildOutput {
  private readonly log: fs.WriteStream;
  private readonly prefix: string;

  constructor(
    name: string,
    index: number,
    logFile: string,
    private readonly echo: Echo | undefined,
  ) {
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
    const padded = name.padEnd(echo?.width ?? 0);
    const colour = COLOURS[index % COLOURS.length];
    this.prefix = echo?.colour ? `\x1b[${colour}m${padded}\x1b[0m | ` : `${padded} | `;
  }

  /** Reads `stream` until it ends. */
  follow(stream: Readable): void {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) this.line(line);
    });
    stream.on('end', () => {
      if (partial) this.line(partial);
      partial = '';
    });
  }

  /** Writes a line of our own (start markers) to the log file only. */
  note(line: string): void {
    this.log.write(`${line}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.log.end(resolve));
  }

  private line(line: string): void {
    this.log.write(`${line}\n`);
    this.echo?.write(`${this.prefix}${readable(line)}`);
  }
}

/** A pino JSON line as `LEVEL msg key=value …`; any other line as it is. */
export function readable(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = LEVELS[entry['level'] as number] ?? String(entry['level'] ?? '');
  const fields = Object.entries(entry)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  return [level, String(entry['msg'] ?? ''), ...fields].filter((s) => s !== '').join(' ');
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value && typeof value === 'object' && 'message' in value)
    return JSON.stringify((value as { message: unknown }).message);
  return JSON.stringify(value);
}

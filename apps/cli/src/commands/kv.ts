/**
 * `trib kv create|get|set|delete|ls|watch`: the coordination node tree from the shell
 * (DESIGN §3), against `--coordinators`.
 */
import { Option, type Command } from 'commander';
import {
  CoordinationError,
  type CoordinationClient,
  type GetResult,
  type WatchEvent,
} from '@tributary/client';
import {
  coordinationAction,
  nextSignal,
  parseNonNegativeInt,
  parsePositiveInt,
  parseVersion,
  readData,
  reportError,
  utf8OrUndefined,
  withClient,
  withCoordinationOptions,
  type CoordinationOptions,
} from '../coordination';

export function registerKv(program: Command): void {
  const kv = program
    .command('kv')
    .description('read, write and watch coordination nodes (ZooKeeper-style tree)');
  registerCreate(kv);
  registerGet(kv);
  registerSet(kv);
  registerDelete(kv);
  registerLs(kv);
  registerWatch(kv);
}

type CreateOpts = CoordinationOptions & {
  ephemeral?: boolean;
  sequential?: boolean;
  ttlMs: number;
};

function registerCreate(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('create')
      .description(
        'create a node and print its path; --ephemeral holds it (and its session) until Ctrl-C',
      )
      .argument('<path>', 'absolute path; its parent must exist')
      .argument('[data]', "initial data; '-' reads stdin", undefined)
      .option('--ephemeral', 'delete the node when this command ends or its session expires')
      .option('--sequential', 'append a 10-digit counter to the last segment')
      .option('--ttl-ms <ms>', 'session TTL of an ephemeral node', parsePositiveInt, 10_000),
  ).action(
    coordinationAction(async (path: string, dataArg: string | undefined, opts: CreateOpts) => {
      const data = await readData(dataArg);
      await withClient(opts, async (client) => {
        if (!opts.ephemeral) {
          const created = await client.create(path, data, { sequential: opts.sequential });
          process.stdout.write(`${created.path}\n`);
          return;
        }
        await createEphemeral(client, path, data, opts);
      });
    }),
  );
}

async function createEphemeral(
  client: CoordinationClient,
  path: string,
  data: Buffer,
  opts: CreateOpts,
): Promise<void> {
  const session = await client.openSession({ ttlMs: opts.ttlMs });
  const signal = nextSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
  try {
    const created = await client.create(path, data, {
      ephemeral: true,
      sequential: opts.sequential,
      session,
    });
    process.stdout.write(`${created.path}\n`);
    process.stderr.write(
      `holding ${created.path} with session ${session.id} (ttl ${session.ttlMs} ms) until Ctrl-C\n`,
    );
    const expired = new Promise<CoordinationError>((resolve) => session.once('expired', resolve));
    const why = await Promise.race([signal.promise, expired]);
    if (why instanceof CoordinationError) {
      reportError(why, `${created.path} is gone: `);
      process.exitCode = 1;
    }
  } finally {
    signal.dispose();
    await session.close().catch(() => undefined);
  }
}

function registerGet(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('get')
      .description("print a node's data (raw bytes), or --json with its stat")
      .argument('<path>', 'absolute path')
      .option('--serializable', "read the answering node's state (may lag; no quorum round trip)")
      .option('--json', 'print {path, data, dataBase64, stat, revision} as JSON'),
  ).action(
    coordinationAction(
      async (
        path: string,
        opts: CoordinationOptions & { serializable?: boolean; json?: boolean },
      ) => {
        const consistency = opts.serializable ? 'serializable' : 'linearizable';
        const result = await withClient(opts, (client) => client.get(path, { consistency }));
        if (opts.json) process.stdout.write(`${JSON.stringify(getJson(path, result))}\n`);
        else writeRaw(result.data);
      },
    ),
  );
}

function getJson(path: string, result: GetResult) {
  return {
    path,
    data: utf8OrUndefined(result.data) ?? null,
    dataBase64: result.data.toString('base64'),
    stat: result.stat,
    revision: result.revision,
  };
}

/** Data exactly as stored; a newline is added only for a terminal, for readability. */
function writeRaw(data: Buffer): void {
  process.stdout.write(data);
  if (process.stdout.isTTY && data.length > 0 && data[data.length - 1] !== 0x0a) {
    process.stdout.write('\n');
  }
}

function registerSet(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('set')
      .description("replace a node's data; prints the new version and revision")
      .argument('<path>', 'absolute path of an existing node')
      .argument('<data>', "new data; '-' reads stdin")
      .addOption(expectedVersionOption()),
  ).action(
    coordinationAction(
      async (
        path: string,
        dataArg: string,
        opts: CoordinationOptions & { expectedVersion: number },
      ) => {
        const data = await readData(dataArg);
        const result = await withClient(opts, (client) =>
          client.set(path, data, { expectedVersion: opts.expectedVersion }),
        );
        process.stdout.write(
          `version ${result.stat.version} revision ${result.stat.modRevision}\n`,
        );
      },
    ),
  );
}

function registerDelete(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('delete')
      .description('delete a node (with --recursive, its whole subtree)')
      .argument('<path>', 'absolute path')
      .option('--recursive', 'also delete every descendant, in one transaction')
      .addOption(expectedVersionOption()),
  ).action(
    coordinationAction(
      async (
        path: string,
        opts: CoordinationOptions & { recursive?: boolean; expectedVersion: number },
      ) => {
        const result = await withClient(opts, (client) =>
          client.delete(path, { recursive: opts.recursive, expectedVersion: opts.expectedVersion }),
        );
        process.stdout.write(`deleted ${path} revision ${result.header.revision}\n`);
      },
    ),
  );
}

function registerLs(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('ls')
      .description("list a node's children, one name per line")
      .argument('<path>', 'absolute path')
      .option('--serializable', "read the answering node's state (may lag)")
      .option('--json', 'print {path, children, stat} as JSON'),
  ).action(
    coordinationAction(
      async (
        path: string,
        opts: CoordinationOptions & { serializable?: boolean; json?: boolean },
      ) => {
        const consistency = opts.serializable ? 'serializable' : 'linearizable';
        const result = await withClient(opts, (client) => client.list(path, { consistency }));
        if (opts.json) {
          const out = { path, children: result.children, stat: result.stat };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          process.stdout.write(result.children.map((c) => `${c}\n`).join(''));
        }
      },
    ),
  );
}

type WatchOpts = CoordinationOptions & {
  prefix?: boolean;
  startRevision: number;
  maxEvents?: number;
  json?: boolean;
};

function registerWatch(kv: Command): void {
  withCoordinationOptions(
    kv
      .command('watch')
      .description('print one line per change until Ctrl-C: REVISION TYPE PATH DATA(JSON string)')
      .argument('<path>', 'absolute path; it need not exist yet')
      .option('--prefix', 'also watch every descendant')
      .option(
        '--start-revision <r>',
        'print changes after this revision (0 = from now on)',
        parseNonNegativeInt,
        0,
      )
      .option('--max-events <n>', 'exit 0 after this many events', parsePositiveInt)
      .option('--json', 'print each event as a JSON object'),
  ).action(
    coordinationAction(async (path: string, opts: WatchOpts) => {
      await withClient(opts, async (client) => {
        const watch = client.watch(path, {
          prefix: opts.prefix,
          startRevision: opts.startRevision,
        });
        // On stderr, so scripts reading stdout see events only; it says the watch is live.
        watch.once('open', (revision) =>
          process.stderr.write(
            `trib: watching ${path}${opts.prefix ? ' and below' : ''} after revision ${revision}\n`,
          ),
        );
        watch.on('reconnecting', ({ address, error, delayMs }) => {
          process.stderr.write(
            `trib: watch interrupted (${error.label}); resuming after revision ${watch.revision} on ${address} in ${delayMs} ms\n`,
          );
        });
        const signal = nextSignal(['SIGINT', 'SIGTERM', 'SIGHUP']);
        void signal.promise.then(() => watch.close());
        try {
          let seen = 0;
          for await (const event of watch) {
            process.stdout.write(formatEvent(event, opts.json));
            if (++seen === opts.maxEvents) break;
          }
        } finally {
          signal.dispose();
        }
      });
    }),
  );
}

function formatEvent(event: WatchEvent, json: boolean | undefined): string {
  if (json) {
    return `${JSON.stringify({
      revision: event.revision,
      type: event.type.toUpperCase(),
      path: event.path,
      data: utf8OrUndefined(event.data) ?? null,
      dataBase64: event.data.toString('base64'),
      stat: event.stat,
    })}\n`;
  }
  const text = utf8OrUndefined(event.data);
  const data =
    text !== undefined ? JSON.stringify(text) : `base64:${event.data.toString('base64')}`;
  return `${event.revision} ${event.type.toUpperCase()} ${event.path} ${data}\n`;
}

/** `--expected-version N`: the write happens only if the node is at version N (-1 = any). */
function expectedVersionOption(): Option {
  return new Option('--expected-version <n>', 'only if the node is at this version (-1 = any)')
    .argParser(parseVersion)
    .default(-1);
}

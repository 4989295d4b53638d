/**
 * `trib token create --principal NAME [--expires-in DAYS] [--append FILE]`: a new bearer token
 * for a cluster run with `--auth-tokens FILE`. The token goes to stdout once, for the client;
 * the file gets only its hash. Servers read the file again within `--tls-reload-ms`.
 */
import * as fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { newToken, parseTokenFile, tokenLine } from '@tributary/rpc';
import { parsePositiveInt } from '../options';

const DAY_MS = 86_400_000;

interface CreateFlags {
  principal: string;
  expiresInDays?: number;
  append?: string;
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('bearer tokens for --auth-tokens');
  token
    .command('create')
    .description('make a token: the token to stdout, its hashed line to --append FILE or stderr')
    .requiredOption('--principal <name>', 'who the token authenticates as (what ACLs name)', name)
    .option(
      '--expires-in-days <n>',
      'refused after this many days (default: never)',
      parsePositiveInt,
    )
    .option('--append <file>', 'add the hashed line to this --auth-tokens file')
    .action((o: CreateFlags) => {
      const secret = newToken();
      const expiresAt =
        o.expiresInDays === undefined ? undefined : Date.now() + o.expiresInDays * DAY_MS;
      const line = tokenLine(o.principal, secret, expiresAt);
      if (o.append) {
        const before = fs.existsSync(o.append) ? fs.readFileSync(o.append, 'utf8') : '';
        const text =
          (before === '' || before.endsWith('\n') ? before : `${before}\n`) + `${line}\n`;
        parseTokenFile(text, o.append); // never leave a file the servers would refuse
        fs.writeFileSync(`${o.append}.tmp`, text, { mode: 0o600 });
        fs.renameSync(`${o.append}.tmp`, o.append);
        process.stderr.write(`added ${o.principal}'s token hash to ${o.append}\n`);
      } else {
        process.stderr.write(`add this line to the --auth-tokens file:\n${line}\n`);
      }
      process.stdout.write(`${secret}\n`);
    });
}

function name(value: string): string {
  if (!/^[^\s#]{1,256}$/.test(value))
    throw new InvalidArgumentError('a principal is 1–256 characters without spaces or #');
  return value;
}

/**
 * The TLS flags of every command. Servers (`trib coordinator`, `trib broker`): `--tls-cert`,
 * `--tls-key`, `--tls-ca` all three or none, `--cluster-principals`, `--tls-reload-ms`.
 * Clients (every command that talks to a cluster): `--tls-ca`, with `--tls-cert` and
 * `--tls-key` for mTLS. Each has its env twin (TRIBUTARY_TLS_CA, …). A combination that makes
 * no sense is a usage error (exit 2) before anything is dialed; a file that cannot be read
 * fails the command (exit 1) with its path.
 */
import * as fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { TlsOptions } from '@tributary/client';
import { tlsFilesFrom, type TlsFiles } from '@tributary/rpc';
import { listOf, parsePositiveInt } from './options';

export interface TlsFlags {
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Clients: a bearer token, in place of a client certificate. */
  token?: string;
}

export interface ServerTlsFlags extends TlsFlags {
  tlsReloadMs?: number;
  clusterPrincipals?: string[];
  superUsers?: string[];
  authTokens?: string;
}

function fileOptions(who: 'server' | 'client'): Option[] {
  const cert =
    who === 'server'
      ? 'this process’s certificate (PEM): served to clients and presented to peers'
      : 'client certificate (PEM) for mTLS, with --tls-key';
  return [
    new Option(
      '--tls-ca <file>',
      'CA certificate (PEM) that signed the cluster’s certificates',
    ).env('TRIBUTARY_TLS_CA'),
    new Option('--tls-cert <file>', cert).env('TRIBUTARY_TLS_CERT'),
    new Option('--tls-key <file>', 'private key (PEM) of --tls-cert').env('TRIBUTARY_TLS_KEY'),
  ];
}

/** Adds the server TLS flags; `serverTls` reads them back. */
export function withServerTlsOptions(command: Command): Command {
  for (const option of fileOptions('server')) command.addOption(option);
  return command
    .addOption(
      new Option(
        '--cluster-principals <list>',
        'certificate principals (URI SAN, else CN) allowed on peer-only services; ' +
          'default: this process’s own (needs TLS)',
      )
        .env('TRIBUTARY_CLUSTER_PRINCIPALS')
        .argParser(listOf((p: string) => p)),
    )
    .addOption(
      new Option(
        '--super-users <list>',
        'principals the ACLs do not restrict (with TLS every other client call is checked ' +
          'against them; the cluster principals are super-users too)',
      )
        .env('TRIBUTARY_SUPER_USERS')
        .argParser(listOf((p: string) => p)),
    )
    .addOption(
      new Option(
        '--auth-tokens <file>',
        'bearer-token hashes (lines `principal sha256:<hex> [expires=<ISO>]`, see trib token ' +
          'create): clients may then present a token instead of a certificate (needs TLS)',
      ).env('TRIBUTARY_AUTH_TOKENS'),
    )
    .addOption(
      new Option(
        '--tls-reload-ms <n>',
        'how often the TLS files are read again for a replaced certificate (default 60000)',
      )
        .env('TRIBUTARY_TLS_RELOAD_MS')
        .argParser(parsePositiveInt),
    );
}

/** The server's TLS files and cluster principals, or a usage error (exit 2). */
export function serverTls(
  o: ServerTlsFlags,
  command: Command,
): { tls: TlsFiles | undefined; clusterPrincipals: string[]; superUsers: string[] } {
  let tls: TlsFiles | undefined;
  try {
    tls = tlsFilesFrom(o);
  } catch (error) {
    command.error(`error: ${(error as Error).message}`);
  }
  const clusterPrincipals = o.clusterPrincipals ?? [];
  if (!tls && clusterPrincipals.length > 0)
    command.error('error: --cluster-principals needs TLS: give --tls-cert, --tls-key and --tls-ca');
  if (!tls && o.tlsReloadMs !== undefined)
    command.error('error: --tls-reload-ms needs --tls-cert, --tls-key and --tls-ca');
  const superUsers = o.superUsers ?? [];
  if (!tls && superUsers.length > 0)
    command.error('error: --super-users needs TLS: give --tls-cert, --tls-key and --tls-ca');
  if (!tls && o.authTokens !== undefined)
    command.error(
      'error: --auth-tokens needs TLS (tokens never cross plaintext): give --tls-cert, --tls-key and --tls-ca',
    );
  if (tls && o.tlsReloadMs !== undefined) tls.reloadMs = o.tlsReloadMs;
  if (tls && o.authTokens !== undefined) tls.authTokens = o.authTokens;
  return { tls, clusterPrincipals, superUsers };
}

/** Adds the client TLS flags, checked before the action runs. */
export function withClientTlsOptions(command: Command): Command {
  for (const option of fileOptions('client')) command.addOption(option);
  command.addOption(
    new Option(
      '--token <token>',
      'bearer token (from trib token create) for a cluster run with --auth-tokens; needs --tls-ca',
    ).env('TRIBUTARY_TOKEN'),
  );
  return command.hook('preAction', (_command, action) => {
    const problem = clientTlsProblem(action.opts<TlsFlags>());
    if (problem) action.error(`error: ${problem}`);
  });
}

/** What is wrong with a client's TLS flags, or undefined. */
export function clientTlsProblem(o: TlsFlags): string | undefined {
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey))
    return '--tls-cert and --tls-key go together (a client certificate needs its key)';
  if (o.tlsCert && !o.tlsCa)
    return '--tls-cert needs --tls-ca (the CA that signed the servers’ certificates)';
  if (o.token !== undefined && !o.tlsCa)
    return '--token needs --tls-ca: a bearer token is sent over TLS only';
  return undefined;
}

/** The SDK's `tls` option from the client flags (files read now); undefined for plaintext. */
export function clientTls(o: TlsFlags): TlsOptions | undefined {
  if (!o.tlsCa) return undefined;
  const read = (flag: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new Error(`${flag} ${file}: ${(error as Error).message}`);
    }
  };
  return {
    ca: read('--tls-ca', o.tlsCa),
    ...(o.tlsCert && { cert: read('--tls-cert', o.tlsCert) }),
    ...(o.tlsKey && { key: read('--tls-key', o.tlsKey) }),
  };
}

/** `{ tls, token }` to spread into SDK options: what was given, nothing for plaintext. */
export function sdkTls(o: TlsFlags): { tls?: TlsOptions; token?: string } {
  const tls = clientTls(o);
  return { ...(tls && { tls }), ...(o.token !== undefined && { token: o.token }) };
}

/**
 * `trib dev --tls`: throw-away certificates under `<data-dir>/tls/`, made with openssl on the
 * first run and kept with the data: a CA, one member certificate (CN `tributary-member`, for
 * 127.0.0.1 and localhost) that every coordinator and broker serves and also presents to its
 * peers (so it is the one cluster principal), and a client certificate (CN `tributary-dev`)
 * for the `trib` commands and SDK programs, which the peer-only services refuse.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDevCa, createDevLeaf, type CertificateFiles } from '@tributary/rpc';

export const DEV_MEMBER_PRINCIPAL = 'tributary-member';
export const DEV_CLIENT_PRINCIPAL = 'tributary-dev';

export interface DevTls {
  dir: string;
  ca: CertificateFiles;
  member: CertificateFiles;
  client: CertificateFiles;
}

/** The certificates in `<dataDir>/tls`, made now if any file is missing. */
export function devTls(dataDir: string): DevTls {
  const dir = path.join(dataDir, 'tls');
  const files = (name: string) => ({
    cert: path.join(dir, `${name}.crt`),
    key: path.join(dir, `${name}.key`),
  });
  const tls = { dir, ca: files('ca'), member: files('member'), client: files('client') };
  const all = [tls.ca, tls.member, tls.client].flatMap((f) => [f.cert, f.key]);
  if (all.every((f) => fs.existsSync(f))) return tls;
  createDevCa(dir, 'ca', 'tributary dev CA (throw-away)');
  createDevLeaf(dir, tls.ca, { name: 'member', cn: DEV_MEMBER_PRINCIPAL });
  createDevLeaf(dir, tls.ca, { name: 'client', cn: DEV_CLIENT_PRINCIPAL });
  return tls;
}

/** `trib coordinator|broker` flags of every dev server. */
export function serverTlsArgs(tls: DevTls): string[] {
  return [
    ...['--tls-cert', tls.member.cert, '--tls-key', tls.member.key, '--tls-ca', tls.ca.cert],
    ...['--cluster-principals', DEV_MEMBER_PRINCIPAL],
    // The dev client may do anything; other principals are held to the ACLs.
    ...['--super-users', DEV_CLIENT_PRINCIPAL],
  ];
}

/** The SDK's `tls` option as the dev client. */
export function clientPem(tls: DevTls) {
  return {
    ca: fs.readFileSync(tls.ca.cert),
    cert: fs.readFileSync(tls.client.cert),
    key: fs.readFileSync(tls.client.key),
  };
}

/** The lines a user pastes to talk to the cluster as the dev client. */
export function clientExports(tls: DevTls): string[] {
  return [
    `export TRIBUTARY_TLS_CA=${tls.ca.cert}`,
    `export TRIBUTARY_TLS_CERT=${tls.client.cert}`,
    `export TRIBUTARY_TLS_KEY=${tls.client.key}`,
  ];
}

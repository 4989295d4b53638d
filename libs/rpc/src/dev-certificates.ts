/**
 * Throw-away certificates for `trib dev --tls` and tests, made with the `openssl` command: a CA,
 * then leaf certificates it signs. Never for production: keys are unencrypted files, the CA key
 * sits next to them, and they expire after `days`.
 *
 * Every leaf may serve and dial (serverAuth and clientAuth) and names 127.0.0.1 and localhost,
 * so one member certificate serves every node on a machine and is also its peer identity.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CertificateFiles {
  cert: string;
  key: string;
}

export interface LeafOptions {
  /** Subject CN: the principal, unless `uri` is given. */
  cn: string;
  /** A URI subject alternative name, which then is the principal. */
  uri?: string;
  /** File name stem in the directory: `<name>.crt`, `<name>.key`. */
  name: string;
  days?: number;
  /** Reuse this private key file (a renewal that swaps only the certificate file). */
  key?: string;
}

const OPENSSL = process.env['TRIBUTARY_OPENSSL'] ?? 'openssl';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync(OPENSSL, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`openssl ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** A new EC P-256 CA in `dir` as `<name>.crt` / `<name>.key`. */
export function createDevCa(dir: string, name = 'ca', cn = 'tributary dev CA'): CertificateFiles {
  fs.mkdirSync(dir, { recursive: true });
  const files = { cert: path.join(dir, `${name}.crt`), key: path.join(dir, `${name}.key`) };
  openssl(
    [
      'req',
      ...['-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', files.key, '-out', files.cert, '-days', '7', '-subj', `/CN=${cn}`],
      ...['-addext', 'basicConstraints=critical,CA:TRUE'],
      ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ],
    dir,
  );
  fs.chmodSync(files.key, 0o600);
  return files;
}

/**
 * A leaf certificate signed by `ca`, written to `dir`. Its serial number is random (returned
 * in hex, as Node's PeerCertificate.serialNumber spells it) so a reissued one is told apart.
 */
export function createDevLeaf(
  dir: string,
  ca: CertificateFiles,
  leaf: LeafOptions,
): CertificateFiles & { serialNumber: string } {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    cert: path.join(dir, `${leaf.name}.crt`),
    key: leaf.key ?? path.join(dir, `${leaf.name}.key`),
  };
  const csr = path.join(dir, `${leaf.name}.csr`);
  const ext = path.join(dir, `${leaf.name}.ext`);
  const san = ['IP:127.0.0.1', 'DNS:localhost', ...(leaf.uri ? [`URI:${leaf.uri}`] : [])];
  fs.writeFileSync(
    ext,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      `subjectAltName=${san.join(',')}`,
    ].join('\n'),
  );
  // Top bit clear: a positive serial of 16 bytes, printed without a leading zero byte.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  const serialHex = serial.toString('hex').toUpperCase();
  openssl(
    [
      'req',
      ...(leaf.key
        ? ['-new', '-key', leaf.key]
        : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']),
      ...(leaf.key ? [] : ['-keyout', files.key]),
      ...['-out', csr, '-subj', `/CN=${leaf.cn}`],
    ],
    dir,
  );
  openssl(
    [
      'x509',
      ...['-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', `0x${serialHex}`],
      ...['-out', files.cert, '-days', String(leaf.days ?? 7), '-extfile', ext],
    ],
    dir,
  );
  fs.rmSync(csr);
  fs.rmSync(ext);
  if (!leaf.key) fs.chmodSync(files.key, 0o600);
  return { ...files, serialNumber: serialHex };
}

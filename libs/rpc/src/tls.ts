/**
 * TLS for every gRPC port (DESIGN §7): `--tls-cert`, `--tls-key` and `--tls-ca`, all three or
 * none. With them a server requires client certificates signed by the CA (mTLS), and the process
 * dials its peers with the same certificate, so a member's certificate is both its server
 * identity and its principal on peer links. Without them everything is plaintext.
 *
 * Files are watched through grpc-js's own FileWatcherCertificateProvider: a certificate replaced
 * on disk is used by new connections within `reloadMs`, without a restart (open connections keep
 * the certificate they were made with).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';

/** PEM file paths of one process: its certificate chain, its private key, the CA it trusts. */
export interface TlsFiles {
  cert: string;
  key: string;
  ca: string;
  /** How often the files are read again for a changed certificate; default 60 s. */
  reloadMs?: number;
  /**
   * `--auth-tokens`: a file of bearer-token hashes (auth-tokens.ts), read again as often as the
   * certificates. With it a client may connect with TLS but no certificate, and send a token.
   */
  authTokens?: string;
}

/** PEM contents a client trusts and presents: the CA, and a certificate with its key for mTLS. */
export interface TlsPem {
  ca: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export const DEFAULT_TLS_RELOAD_MS = 60_000;

/** The three flags as given; each may be missing. */
export interface TlsFlags {
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  tlsCa?: string | undefined;
}

/**
 * All three flags → TlsFiles, none → undefined (plaintext), some → an Error naming the missing
 * ones: a half-configured TLS must never fall back to plaintext.
 */
export function tlsFilesFrom(flags: TlsFlags): TlsFiles | undefined {
  const given = { '--tls-cert': flags.tlsCert, '--tls-key': flags.tlsKey, '--tls-ca': flags.tlsCa };
  const missing = Object.entries(given)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 3) return undefined;
  if (missing.length > 0)
    throw new Error(
      `TLS needs --tls-cert, --tls-key and --tls-ca together; missing ${missing.join(', ')}`,
    );
  return { cert: flags.tlsCert!, key: flags.tlsKey!, ca: flags.tlsCa! };
}

/**
 * Reads and checks the files once, synchronously, so that a wrong path or a key that does not
 * match its certificate stops the process at start-up: grpc-js would otherwise drop every
 * connection silently. Returns the parsed leaf certificate.
 */
export function checkTlsFiles(tls: TlsFiles): X509Certificate {
  const read = (flag: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new Error(`${flag} ${file}: ${(error as Error).message}`);
    }
  };
  const certPem = read('--tls-cert', tls.cert);
  const keyPem = read('--tls-key', tls.key);
  const caPem = read('--tls-ca', tls.ca);
  const leaf = parse('--tls-cert', tls.cert, () => new X509Certificate(certPem));
  const key = parse('--tls-key', tls.key, () => createPrivateKey(keyPem));
  parse('--tls-ca', tls.ca, () => new X509Certificate(caPem));
  if (!leaf.checkPrivateKey(key))
    throw new Error(`--tls-key ${tls.key} is not the private key of --tls-cert ${tls.cert}`);
  return leaf;
}

function parse<T>(flag: string, file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(
      `${flag} ${file} is not a PEM file of the right kind: ${(error as Error).message}`,
    );
  }
}

function provider(tls: TlsFiles): grpc.experimental.FileWatcherCertificateProvider {
  return new grpc.experimental.FileWatcherCertificateProvider({
    certificateFile: tls.cert,
    privateKeyFile: tls.key,
    caCertificateFile: tls.ca,
    refreshIntervalMs: tls.reloadMs ?? DEFAULT_TLS_RELOAD_MS,
  });
}

/** Server credentials, and a promise for the moment they can serve. */
export interface ServerTls {
  credentials: grpc.ServerCredentials;
  /**
   * Resolves once the files have been read. grpc-js reads them asynchronously and drops every
   * connection until then; call after binding (the server's own listener comes first).
   */
  loaded(): Promise<void>;
}

/**
 * mTLS server credentials from watched files, or plaintext without TLS. With `authTokens` a
 * client certificate is asked for but not required (a token may stand in for it); one that does
 * not verify still gives no principal (grpc-js hands out only verified certificates).
 */
export function serverCredentials(tls: TlsFiles | undefined): ServerTls {
  if (!tls) return { credentials: grpc.ServerCredentials.createInsecure(), loaded: async () => {} };
  const files = provider(tls);
  const requireCertificate = tls.authTokens === undefined;
  return {
    // One provider for both roles: grpc-js 1.14's factory passes its two providers to the
    // constructor in the opposite order to its typings, which only a shared provider makes moot.
    credentials: grpc.experimental.createCertificateProviderServerCredentials(
      files,
      files,
      requireCertificate,
    ),
    loaded: () =>
      new Promise((resolve, reject) => {
        const listener = (update: grpc.experimental.IdentityCertificateUpdate | null) => {
          files.removeIdentityCertificateListener(listener);
          if (update) resolve();
          else reject(new Error(`cannot read --tls-cert ${tls.cert} or --tls-key ${tls.key}`));
        };
        files.addIdentityCertificateListener(listener);
      }),
  };
}

/**
 * Channel credentials of a server process dialing its peers: trusts the CA and presents its own
 * certificate, both from watched files; plaintext without TLS.
 */
export function processChannelCredentials(tls: TlsFiles | undefined): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  const files = provider(tls);
  return grpc.experimental.createCertificateProviderChannelCredentials(files, files);
}

/** Channel credentials of a client from PEM contents; plaintext without them. */
export function clientChannelCredentials(tls: TlsPem | undefined): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  if ((tls.cert === undefined) !== (tls.key === undefined))
    throw new Error('tls.cert and tls.key go together (a client certificate needs its key)');
  return grpc.credentials.createSsl(tls.ca, tls.key ?? null, tls.cert ?? null);
}

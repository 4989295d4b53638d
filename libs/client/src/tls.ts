/**
 * TLS for SDK clients: `tls: { ca, cert?, key? }`, PEM contents as Buffers (read the files
 * yourself: the SDK never touches the file system). With `cert` and `key` the client presents a
 * certificate, which a Tributary cluster with TLS on requires (mTLS); its subject CN (or URI SAN)
 * is the client's principal. Without `tls` the client speaks plaintext.
 */
import type * as grpc from '@grpc/grpc-js';
import { clientChannelCredentials } from '@tributary/rpc';

export interface TlsOptions {
  /** The CA certificate(s) that signed the servers' certificates, PEM. */
  ca: Buffer;
  /** This client's certificate chain, PEM; with `key`. */
  cert?: Buffer;
  /** Its private key, PEM (unencrypted). */
  key?: Buffer;
}

/** The transport-security options every SDK client takes. */
export interface SecureOptions {
  tls?: TlsOptions;
  /**
   * Ready-made grpc-js channel credentials, instead of `tls`: what the Tributary servers pass
   * so that their certificate files are watched and reloaded.
   */
  credentials?: grpc.ChannelCredentials;
}

export function channelCredentials(options: SecureOptions): grpc.ChannelCredentials {
  if (options.credentials && options.tls) throw new Error('give either tls or credentials');
  return options.credentials ?? clientChannelCredentials(options.tls);
}

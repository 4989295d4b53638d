/**
 * TLS for SDK clients: `tls: { ca, cert?, key? }`, PEM contents as Buffers (read the files
 * yourself: the SDK never touches the file system). With `cert` and `key` the client presents a
 * certificate, which a Tributary cluster with TLS on requires (mTLS); its subject CN (or URI SAN)
 * is the client's principal. Without `tls` the client speaks plaintext.
 *
 * `token` is a bearer token (`trib token create`) for a cluster started with `--auth-tokens`:
 * sent on every call, over TLS only (grpc-js refuses to send call credentials in plaintext,
 * and so do we), in place of a client certificate.
 */
import * as grpc from '@grpc/grpc-js';
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
  /** A bearer token, sent as `authorization: Bearer <token>`; needs `tls`. */
  token?: string;
}

export function channelCredentials(options: SecureOptions): grpc.ChannelCredentials {
  if (options.credentials && options.tls) throw new Error('give either tls or credentials');
  const channel = options.credentials ?? clientChannelCredentials(options.tls);
  if (options.token === undefined) return channel;
  if (!options.tls && !options.credentials)
    throw new Error(
      'a bearer token needs TLS: give tls: { ca } as well (tokens never cross plaintext)',
    );
  const header = `Bearer ${options.token}`;
  const perCall = grpc.credentials.createFromMetadataGenerator((_params, callback) => {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', header);
    callback(null, metadata);
  });
  return grpc.credentials.combineChannelCredentials(channel, perCall);
}

/**
 * Who a request comes from, decided once per call before any handler runs (DESIGN §7): a server
 * interceptor reads the verified client certificate or an `authorization: Bearer <token>`
 * header, and hands the principal on to the handlers in the `x-tributary-principal` header —
 * after removing any such header the client sent, so it cannot be forged. A call with neither
 * is UNAUTHENTICATED; so is a token the table does not know, or one that expired.
 *
 * Only a server with TLS authenticates: without it the cluster is open (development). The
 * health service stays open, so that probes need no credentials.
 */
import * as grpc from '@grpc/grpc-js';
import type { TokenTable } from './auth-tokens';
import { tributaryError } from './errors';
import { principalOf, type CertificateNames } from './principal';

export const PRINCIPAL_HEADER = 'x-tributary-principal';
const OPEN_SERVICES = ['/grpc.health.v1.Health/'];

/**
 * The interceptor of every server. `secure` (TLS on): authenticates, `tokens` from
 * `--auth-tokens` if any. Open: only strips a client's own principal header, so that nothing
 * downstream ever mistakes it for an authenticated one.
 */
export function authenticator(secure: boolean, tokens?: TokenTable): grpc.ServerInterceptor {
  return (method, call) =>
    new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, pass) => {
            metadata.remove(PRINCIPAL_HEADER);
            if (!secure || OPEN_SERVICES.some((prefix) => method.path.startsWith(prefix)))
              return pass(metadata);
            const cert = call.getAuthContext().sslPeerCertificate;
            const who = identify(metadata.get('authorization'), cert, tokens);
            if ('refused' in who) {
              const error = tributaryError('UNAUTHENTICATED', who.refused);
              call.sendStatus({
                code: error.code,
                details: error.details,
                metadata: error.metadata,
              });
              return;
            }
            // The token is spent here: handlers and their logs never see it.
            metadata.remove('authorization');
            metadata.set(PRINCIPAL_HEADER, who.principal);
            pass(metadata);
          },
        }),
    });
}

type Identity = { principal: string } | { refused: string };

/** A token, when sent, must be valid and is who the caller is; else the certificate. */
function identify(
  authorization: grpc.MetadataValue[],
  cert: CertificateNames | undefined,
  tokens: TokenTable | undefined,
): Identity {
  if (authorization.length > 1) return { refused: 'send one authorization header, not several' };
  if (authorization.length === 1) {
    const match = /^Bearer (\S+)$/.exec(String(authorization[0]));
    if (!match) return { refused: 'the authorization header must be `Bearer <token>`' };
    if (!tokens)
      return {
        refused:
          'this server takes no bearer tokens (it has no --auth-tokens): present a client certificate',
      };
    return tokens.check(match[1]!);
  }
  const principal = cert ? principalOf(cert) : undefined;
  if (principal) return { principal };
  return {
    refused: tokens
      ? 'no credentials: present a client certificate signed by the cluster CA, or a bearer token (--token, TRIBUTARY_TOKEN)'
      : 'no credentials: present a client certificate signed by the cluster CA',
  };
}

/** Anything grpc-js hands a server handler. */
export interface CallWithMetadata {
  metadata: grpc.Metadata;
}

/**
 * The authenticated principal of a call (certificate or token), or undefined on an open
 * (plaintext) server, where nobody is authenticated.
 */
export function requestPrincipal(call: CallWithMetadata): string | undefined {
  const value = call.metadata.get(PRINCIPAL_HEADER)[0];
  return value === undefined ? undefined : String(value);
}

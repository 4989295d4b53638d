/**
 * Who is calling: the principal of a TLS client certificate (DESIGN §7), and the guard that
 * keeps the peer-only services (Raft, replication) to cluster members.
 *
 * The principal is the certificate's first URI subject alternative name (a SPIFFE-style id)
 * when it has one, else its subject CN. grpc-js ≥ 1.10 exposes the verified peer certificate
 * through `call.getAuthContext()`; it is absent on plaintext connections.
 */
import type { X509Certificate } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { tributaryError } from './errors';
import { refusingFirst, type AnyHandler } from './handlers';

/** What the principal is read from, in the shape of Node's tls.PeerCertificate. */
export interface CertificateNames {
  subject?: { CN?: string | string[] } | undefined;
  /** `DNS:a, IP Address:127.0.0.1, URI:spiffe://x`, as Node formats it. */
  subjectaltname?: string | undefined;
}

export function principalOf(cert: CertificateNames): string | undefined {
  const uri = uriNames(cert.subjectaltname)[0];
  if (uri) return uri;
  const cn = cert.subject?.CN;
  const first = Array.isArray(cn) ? cn[0] : cn;
  return first ? first : undefined;
}

/** URI entries of a subjectAltName string; a quoted entry (Node quotes odd ones) is unquoted. */
function uriNames(san: string | undefined): string[] {
  if (!san) return [];
  return san
    .split(/,\s*/)
    .filter((part) => part.startsWith('URI:'))
    .map((part) => part.slice(4).replace(/^"(.*)"$/, '$1'));
}

/** The principal of a parsed certificate (the process's own, read from --tls-cert). */
export function principalOfX509(cert: X509Certificate): string | undefined {
  const cn = cert.subject
    .split('\n')
    .filter((line) => line.startsWith('CN='))
    .map((line) => line.slice(3));
  return principalOf({ subject: { CN: cn }, subjectaltname: cert.subjectAltName });
}

/**
 * Who may call the peer-only services: the principals listed in `--cluster-principals`, or by
 * default the process's own (members then share one certificate subject, as `trib dev` does).
 * The process dials its peers with its own certificate, so a list without its own principal
 * is a configuration its peers would refuse: it is an error at start-up, not a silent split.
 */
export function clusterPrincipals(listed: readonly string[], own: X509Certificate): Set<string> {
  const self = principalOfX509(own);
  if (!self)
    throw new Error(
      '--tls-cert has neither a URI SAN nor a subject CN to be this member’s principal',
    );
  if (listed.length > 0 && !listed.includes(self))
    throw new Error(
      `--cluster-principals ${listed.join(',')} leaves out '${self}', the principal of this ` +
        'process’s own --tls-cert, which it presents to its peers: add it',
    );
  return new Set(listed.length > 0 ? listed : [self]);
}

/** Anything grpc-js hands a server handler (its AuthContext type is not exported). */
export interface AuthenticatedCall {
  getAuthContext(): { sslPeerCertificate?: CertificateNames | undefined } | null;
}

/** The caller's principal, or undefined on a plaintext connection or without a certificate. */
export function callPrincipal(call: AuthenticatedCall): string | undefined {
  const cert = call.getAuthContext()?.sslPeerCertificate;
  return cert ? principalOf(cert) : undefined;
}

/** UNAUTHENTICATED without a principal, PERMISSION_DENIED for one not listed, else undefined. */
export function refusePrincipal(
  principal: string | undefined,
  allowed: ReadonlySet<string>,
  service: string,
): grpc.ServiceError | undefined {
  if (principal === undefined)
    return tributaryError(
      'UNAUTHENTICATED',
      `${service} is for cluster members only: connect over TLS with a member certificate`,
    );
  if (!allowed.has(principal))
    return tributaryError(
      'PERMISSION_DENIED',
      `${service} is for cluster members only; principal '${principal}' is not in --cluster-principals`,
      { metadata: { principal } },
    );
  return undefined;
}

/**
 * `handlers` of `definition` with every call (of `methods`, when given) refused unless its
 * principal is in `allowed`, before the handler runs (refusingFirst).
 */
export function requirePrincipals<H extends object>(
  definition: grpc.ServiceDefinition,
  handlers: H,
  allowed: ReadonlySet<string>,
  service: string,
  methods?: readonly string[],
): H {
  const out: Record<string, AnyHandler> = {};
  for (const name of methods ?? [])
    if (!definition[name]) throw new Error(`${service} has no method ${name}`);
  for (const [name, handler] of Object.entries(handlers as Record<string, AnyHandler>)) {
    const method = definition[name];
    if (!method) throw new Error(`${service} has no method ${name}`);
    if (methods && !methods.includes(name)) {
      out[name] = handler;
      continue;
    }
    const what = methods ? `${service}.${name}` : service;
    out[name] = refusingFirst(method, handler, (call: AuthenticatedCall) =>
      refusePrincipal(callPrincipal(call), allowed, what),
    );
  }
  return out as H;
}

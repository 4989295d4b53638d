/**
 * Authorization of every RPC (DESIGN §7): each method of each service has a rule saying which
 * (resource, operation) pairs a request demands — `access-rules.ts` holds them — and
 * `guardService` refuses a call whose principal is not allowed every one of them, before the
 * handler runs. A service with a method that has no rule does not start: "every RPC is
 * checked" is enforced by construction, not by review.
 *
 * Streams whose client sends many requests (Execute, ProduceStream) are checked message by
 * message by their handler, which answers a refused request in band and carries on.
 */
import type * as grpc from '@grpc/grpc-js';
import { Counter, type Registry } from 'prom-client';
import {
  authorize,
  CLUSTER_RESOURCE_NAME,
  type AclEntry,
  type AclRequestOperation,
  type AclResourceType,
} from '@tributary/coord-state';
import { requestPrincipal, type CallWithMetadata } from './authentication';
import { tributaryError } from './errors';
import { refusingFirst, type AnyHandler } from './handlers';

/** What ACLs name, and a session (only its owner may act for it; see aclAuthorizer). */
export type ResourceType = AclResourceType | 'session';
export type Operation = AclRequestOperation;

/** One thing a request needs: `operation` on the resource `name` (`cluster` for the cluster). */
export interface Demand {
  resourceType: ResourceType;
  name: string;
  operation: Operation;
}

export const CLUSTER = CLUSTER_RESOURCE_NAME;

/**
 * Decides for an authenticated `principal`; undefined means allowed. A principal of
 * `undefined` (an open, plaintext server) is always allowed: there is nobody to tell apart.
 */
export type Authorizer = (
  principal: string | undefined,
  demands: readonly Demand[],
) => grpc.ServiceError | undefined;

/**
 * How one method is checked: a function of its request (unary and server-streaming calls);
 * `authenticated` (any authenticated caller: sessions, producer ids); `per-message` (the
 * handler checks each message of the stream itself); `peer-only` (kept to cluster members by
 * the peer guard already).
 */
export type Rule =
  ((request: never) => readonly Demand[]) | 'authenticated' | 'per-message' | 'peer-only';

export type Rules = Record<string, Rule>;

/**
 * `handlers` with each call checked against `rules` by `authorize`. Throws at start-up if a
 * method of `definition` has no rule, or a rule names no method.
 */
export function guardService<H extends object>(
  definition: grpc.ServiceDefinition,
  handlers: H,
  rules: Rules,
  authorize: Authorizer,
  service: string,
): H {
  for (const name of Object.keys(definition))
    if (!(name in rules)) throw new Error(`${service}.${name} has no authorization rule`);
  for (const name of Object.keys(rules))
    if (!definition[name]) throw new Error(`${service} has no method ${name} to authorize`);
  const out: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers as Record<string, AnyHandler>)) {
    const rule = rules[name]!;
    const method = definition[name]!;
    if (typeof rule !== 'function' || method.requestStream) {
      if (typeof rule === 'function')
        throw new Error(`${service}.${name} streams requests: its rule must be per-message`);
      out[name] = handler;
      continue;
    }
    out[name] = refusingFirst(method, handler, (call: CallWithMetadata & { request: never }) =>
      authorize(requestPrincipal(call), rule(call.request)),
    );
  }
  return out as H;
}

/** An Authorizer that allows everything: a server without TLS. */
export const allowAll: Authorizer = () => undefined;

/**
 * The ACLs of the coordination state as an Authorizer: `acls()` gives the current entries,
 * `superUsers` (`--super-users`, plus the cluster's own principals) skip them. Deny wins,
 * and what no entry allows is denied. `onDenied` hears of each refusal (a metric).
 */
export function aclAuthorizer(
  acls: () => readonly AclEntry[],
  superUsers: ReadonlySet<string>,
  onDenied: (demand: Demand) => void = () => {},
  sessionOwner: (sessionId: number) => string | undefined = () => undefined,
): Authorizer {
  return (principal, demands) => {
    if (principal === undefined)
      return tributaryError('UNAUTHENTICATED', 'no authenticated principal for this call');
    const entries = acls();
    for (const demand of demands) {
      if (demand.resourceType === 'session') {
        const owner = sessionOwner(Number(demand.name));
        if (owner === undefined || owner === principal || superUsers.has(principal)) continue;
        onDenied(demand);
        return tributaryError(
          'PERMISSION_DENIED',
          `session ${demand.name} belongs to another principal: open a session of your own`,
          { metadata: { principal, resource_type: 'session', resource: demand.name } },
        );
      }
      const request = { principal, ...demand, resourceType: demand.resourceType };
      const decision = authorize(entries, request, superUsers);
      if (decision.allowed) continue;
      onDenied(demand);
      return tributaryError(
        'PERMISSION_DENIED',
        `${decision.reason}; an operator can grant it: ${grantCommand(principal, demand)}`,
        {
          metadata: {
            principal,
            resource_type: demand.resourceType,
            resource: demand.name,
            operation: demand.operation,
          },
        },
      );
    }
    return undefined;
  };
}

function grantCommand(principal: string, d: Demand): string {
  const resource = d.resourceType === 'cluster' ? '--cluster' : `--${d.resourceType} ${d.name}`;
  return `trib acl add --principal ${principal} ${resource} --operation ${d.operation} --allow`;
}

/** `onDenied` of aclAuthorizer as the `tributary_authorization_denied_total` counter. */
export function countDenials(registry: Registry): (demand: Demand) => void {
  const denied = new Counter({
    name: 'tributary_authorization_denied_total',
    help: 'Calls refused PERMISSION_DENIED by the ACLs, by resource type and operation',
    labelNames: ['resource_type', 'operation'],
    registers: [registry],
  });
  return (d) => denied.inc({ resource_type: d.resourceType, operation: d.operation });
}

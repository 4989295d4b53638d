// The authorization guard without a network: every method of a service must have a rule, a
// refused call never reaches its handler, and the ACL authorizer's answers say what to grant.
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import {
  aclAuthorizer,
  BROKER_RULES,
  CLUSTER_RULES,
  contract,
  COORDINATION_RULES,
  executeDemands,
  guardService,
  METADATA_RULES,
  PRINCIPAL_HEADER,
  readError,
  type Authorizer,
} from '../src';

const v1 = () => contract().tributary;

it('has a rule for every method of every client-facing service', () => {
  const services: [grpc.ServiceDefinition, Record<string, unknown>, string][] = [
    [v1().coord.v1.CoordinationService.service, COORDINATION_RULES, 'CoordinationService'],
    [v1().coord.v1.ClusterService.service, CLUSTER_RULES, 'ClusterService'],
    [v1().coord.v1.MetadataService.service, METADATA_RULES, 'MetadataService'],
    [v1().broker.v1.BrokerService.service, BROKER_RULES, 'BrokerService'],
  ];
  for (const [definition, rules, name] of services)
    expect(() => guardService(definition, {}, rules as never, () => undefined, name)).not.toThrow();
  const { Get: _dropped, ...withoutGet } = COORDINATION_RULES;
  expect(() =>
    guardService(v1().coord.v1.CoordinationService.service, {}, withoutGet, () => undefined, 'C'),
  ).toThrow('C.Get has no authorization rule');
});

it('refuses before the handler runs, through the callback or the stream', () => {
  const denyAll: Authorizer = (principal) =>
    principal === 'root' ? undefined : (new Error('no') as grpc.ServiceError);
  const ran: string[] = [];
  const guarded = guardService(
    v1().coord.v1.CoordinationService.service,
    {
      Get: () => ran.push('Get'),
      Watch: () => ran.push('Watch'),
    },
    COORDINATION_RULES,
    denyAll,
    'CoordinationService',
  ) as unknown as Record<string, (call: unknown, cb?: unknown) => void>;
  const call = (principal: string) => {
    const metadata = new grpc.Metadata();
    metadata.set(PRINCIPAL_HEADER, principal);
    return Object.assign(new EventEmitter(), { metadata, request: { path: '/a' } });
  };
  const errors: unknown[] = [];
  guarded['Get']!(call('bob'), (e: unknown) => errors.push(e));
  const stream = call('bob');
  stream.on('error', (e) => errors.push(e));
  guarded['Watch']!(stream);
  expect([ran, errors.length]).toEqual([[], 2]);
  guarded['Get']!(call('root'), () => undefined);
  guarded['Watch']!(call('root'));
  expect(ran).toEqual(['Get', 'Watch']);
});

it('answers PERMISSION_DENIED naming the principal, the resource and the grant', () => {
  const authorize = aclAuthorizer(
    () => [
      {
        principal: 'alice',
        resourceType: 'path',
        name: '/app',
        patternType: 'prefix',
        operation: 'all',
        permission: 'allow',
      },
    ],
    new Set(['root']),
  );
  const demands = executeDemands({ set: { path: '/other' } });
  expect(authorize('alice', executeDemands({ get: { path: '/app/x' } }))).toBeUndefined();
  expect(authorize('root', demands)).toBeUndefined();
  const refused = authorize('alice', demands);
  expect(refused?.code).toBe(grpc.status.PERMISSION_DENIED);
  const info = readError(refused);
  expect(info.metadata).toEqual({
    principal: 'alice',
    resource_type: 'path',
    resource: '/other',
    operation: 'write',
  });
  expect(info.message).toMatch(
    /trib acl add --principal alice --path \/other --operation write --allow/,
  );
  expect(authorize(undefined, demands)?.code).toBe(grpc.status.UNAUTHENTICATED);
});

// Every service and RPC that DESIGN §3–§5 names exists in protos/ with the right streaming shape.
import * as protoLoader from '@grpc/proto-loader';
import { contractFiles, LOADER_OPTIONS } from '../src/contract';

type Shape = 'unary' | 'server-stream' | 'client-stream' | 'bidi';

const unary = (...names: string[]) => names.map((n) => [n, 'unary'] as const);

const DESIGN: Record<string, ReadonlyArray<readonly [string, Shape]>> = {
  'tributary.coord.v1.CoordinationService': [
    ...unary('OpenSession', 'CloseSession', 'Create', 'Get', 'Set', 'Delete', 'List', 'Txn'),
    ...unary('Lock', 'Unlock'),
    ['KeepAlive', 'bidi'],
    ['Watch', 'server-stream'],
    ['Execute', 'bidi'],
  ],
  'tributary.coord.v1.ClusterService': unary(
    'Status',
    'AddMember',
    'RemoveMember',
    'TransferLeadership',
  ),
  'tributary.coord.v1.MetadataService': [
    ...unary('RegisterBroker', 'ListBrokers', 'CreateTopic', 'DeleteTopic', 'ListTopics'),
    ...unary('DescribeTopics', 'AlterIsr', 'AllocateProducerId', 'ReassignPartitions'),
    ...unary('UpdateTopicConfig', 'JoinGroup', 'GroupHeartbeat', 'LeaveGroup'),
    ...unary('CommitOffsets', 'FetchOffsets'),
    ['WatchMetadata', 'server-stream'],
  ],
  'tributary.broker.v1.BrokerService': [
    ...unary('Metadata', 'Produce', 'Fetch', 'ListOffsets', 'CreateTopic', 'DeleteTopic'),
    ...unary('DescribeTopics'),
    ['ProduceStream', 'bidi'],
    ['Subscribe', 'server-stream'],
  ],
  // Internal services: not named in DESIGN, named by protos/ and checked here all the same.
  'tributary.broker.v1.ReplicationService': unary('ReplicaFetch', 'OffsetForLeaderEpoch'),
  'tributary.raft.v1.RaftService': [
    ['Send', 'client-stream'],
    ['InstallSnapshot', 'client-stream'],
  ],
};

function shapeOf(method: protoLoader.MethodDefinition<object, object>): Shape {
  if (method.requestStream && method.responseStream) return 'bidi';
  if (method.requestStream) return 'client-stream';
  if (method.responseStream) return 'server-stream';
  return 'unary';
}

const definition = protoLoader.loadSync(contractFiles(), LOADER_OPTIONS);

describe('the protocol contract', () => {
  it('has the three v1 packages', () => {
    const packages = new Set(contractFiles().map((f) => f.split('/').slice(0, 3).join('.')));
    expect([...packages].sort()).toEqual([
      'tributary.broker.v1',
      'tributary.coord.v1',
      'tributary.raft.v1',
    ]);
  });

  describe.each(Object.entries(DESIGN))('%s', (service, rpcs) => {
    const methods = definition[service] as protoLoader.ServiceDefinition | undefined;

    it('exists and has RPCs', () => {
      expect(methods).toBeDefined();
      expect(Object.keys(methods ?? {}).length).toBeGreaterThan(0);
    });

    it.each(rpcs.map(([name, shape]) => [name, shape]))('%s is %s', (name, shape) => {
      const method = methods?.[name];
      expect(method).toBeDefined();
      expect(shapeOf(method!)).toBe(shape);
    });

    it('answers every RPC with a message whose first field is the response header', () => {
      if (!service.startsWith('tributary.raft')) {
        for (const [name, method] of Object.entries(methods ?? {})) {
          const fields = (
            method.responseType.type as {
              field: { name: string; number: number; typeName: string }[];
            }
          ).field;
          const first = fields.find((f) => f.number === 1);
          expect({ rpc: name, field: first?.name }).toEqual({ rpc: name, field: 'header' });
        }
      }
    });
  });
});

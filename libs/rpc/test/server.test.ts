// Server plumbing through real loopback calls: the message-size limit, health and reflection.
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';
import { contract, createServer, readError, type TributaryServer } from '../src';
import { plainCoordinationClient } from './plain-client';

const LIMIT_BYTES = 64 * 1024;

describe('a Tributary server', () => {
  let server: TributaryServer;
  let address: string;

  beforeAll(async () => {
    server = createServer({ maxMessageBytes: LIMIT_BYTES });
    server.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
      Set: (
        _call: grpc.ServerUnaryCall<{ path: string }, unknown>,
        cb: grpc.sendUnaryData<unknown>,
      ) => cb(null, { header: { node_id: 1 }, stat: { version: 1 } }),
    } as unknown as grpc.UntypedServiceImplementation);
    address = await server.listen('127.0.0.1:0');
  });

  afterAll(() => server.drain(1000));

  function set(data: Buffer): Promise<{ error: grpc.ServiceError | null; response: any }> {
    const client = plainCoordinationClient(address);
    return new Promise((resolve) => {
      client['Set']!({ path: '/a', data }, (error: grpc.ServiceError | null, response: unknown) => {
        client.close();
        resolve({ error, response });
      });
    });
  }

  it('refuses a request over --max-message-bytes with RESOURCE_EXHAUSTED and keeps serving', async () => {
    const big = await set(Buffer.alloc(LIMIT_BYTES + 1024, 7));
    expect(big.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(big.error?.details).toMatch(/larger than max \(\d+ vs 65536\)/);
    expect(readError(big.error).code).toBe(grpc.status.RESOURCE_EXHAUSTED);

    const small = await set(Buffer.alloc(100, 7));
    expect(small.error).toBeNull();
    expect(String(small.response.stat.version)).toBe('1');
  });

  it('answers grpc.health.v1 checks and follows setServing', async () => {
    const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
    const client = new Health(address, grpc.credentials.createInsecure()) as any;
    const check = (service: string) =>
      new Promise<string>((resolve, reject) =>
        client.check({ service }, (e: Error | null, r: { status: string }) =>
          e ? reject(e) : resolve(r.status),
        ),
      );
    expect(await check('')).toBe('NOT_SERVING');
    server.setServing('', true);
    server.setServing('tributary.coord.v1.CoordinationService', true);
    expect(await check('')).toBe('SERVING');
    expect(await check('tributary.coord.v1.CoordinationService')).toBe('SERVING');
    client.close();
  });

  it('lists its services through server reflection to a plain reflection client', async () => {
    const protoDir = path.dirname(require.resolve('@grpc/reflection/package.json'));
    const definition = protoLoader.loadSync('grpc/reflection/v1/reflection.proto', {
      keepCase: true,
      includeDirs: [path.join(protoDir, 'build/proto')],
    });
    const loaded = grpc.loadPackageDefinition(definition) as any;
    const client = new loaded.grpc.reflection.v1.ServerReflection(
      address,
      grpc.credentials.createInsecure(),
    );
    const services = await new Promise<string[]>((resolve, reject) => {
      const stream = client.ServerReflectionInfo();
      stream.on('data', (response: any) => {
        resolve(response.list_services_response.service.map((s: { name: string }) => s.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ list_services: '*' });
    });
    client.close();
    expect(services).toEqual(
      expect.arrayContaining([
        'tributary.coord.v1.CoordinationService',
        'tributary.coord.v1.ClusterService',
        'tributary.broker.v1.BrokerService',
        'tributary.raft.v1.RaftService',
      ]),
    );
  });
});

describe('a Tributary server’s streams per connection', () => {
  it('runs at most maxConcurrentStreams at once on one connection; the rest wait their turn', async () => {
    const server = createServer({ maxConcurrentStreams: 4 });
    const open = new Set<grpc.ServerWritableStream<unknown, unknown>>();
    server.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
      // A watch that never sends: each holds its stream until the client cancels.
      Watch: (call: grpc.ServerWritableStream<unknown, unknown>) => {
        open.add(call);
        call.on('cancelled', () => open.delete(call));
      },
    } as unknown as grpc.UntypedServiceImplementation);
    const address = await server.listen('127.0.0.1:0');
    const client = plainCoordinationClient(address);
    try {
      const streams = Array.from({ length: 6 }, () => {
        const stream = client['Watch']!({ path: '/' }) as grpc.ClientReadableStream<unknown>;
        stream.on('error', () => undefined);
        return stream;
      });
      const settle = () => new Promise((r) => setTimeout(r, 300));
      await settle();
      expect(open.size).toBe(4);
      streams[0]!.cancel();
      await settle();
      expect(open.size).toBe(4); // the fifth started in the slot the first left
      for (const s of streams) s.cancel();
      await settle();
      expect(open.size).toBe(0);
    } finally {
      client.close();
      await server.drain(1000);
    }
  });
});

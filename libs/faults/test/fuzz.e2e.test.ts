// The fuzz campaign (src/fuzz) at CI size against a real cluster — 3 coordinators, 2 brokers —
// and the checks after it: every process alive and under 1 GiB resident in every memory sample
// taken during the campaign, every call ended in a status the server chose, every write
// acknowledged before the campaign reads back unchanged.
// `npm run fuzz` runs the long campaign (100,000 requests per service). The same on a secure
// cluster (mTLS, tokens, ACLs) as a principal without cluster rights, membership methods
// included: the Raft group is unchanged after it. Planted: a service whose handlers fail with
// an unexpected error is reported, request by request.
import * as grpc from '@grpc/grpc-js';
import { contract, createServer, silentLogger, unary, type TributaryServer } from '@tributary/rpc';
import { fuzz } from '../src/fuzz/fuzzer';
import { fuzzCluster } from '../src/fuzz/fuzz-cluster';

jest.setTimeout(600_000);

const REQUESTS = 2_000;

it(`leaves every process up, bounded and holding its data after ${REQUESTS} adversarial requests per service`, async () => {
  const verdict = await fuzzCluster({
    seed: 1,
    requestsPerService: REQUESTS,
    concurrency: 64,
    deadlineMs: 1_000,
    rawConnections: 50,
    rssBytesMax: 1024 ** 3,
    memorySampleMs: 2_000,
  });
  expect(verdict.problems).toEqual([]);
  expect(verdict.guarded).toEqual({ nodes: 200, records: 2_000 });
  // Memory sampled from the start of the campaign to after it, every process each time.
  expect(verdict.memory.length).toBeGreaterThanOrEqual(3);
  for (const m of verdict.memory) expect(Object.keys(m.rssBytes)).toHaveLength(5);
  const services = Object.entries(verdict.report.services);
  expect(services).toHaveLength(6);
  for (const [name, s] of services) {
    expect([name, s.requests]).toEqual([name, REQUESTS]);
    // Refusals of bad input, the bulk of the answers, are INVALID_ARGUMENT.
    expect([name, (s.codes['INVALID_ARGUMENT'] ?? 0) > REQUESTS / 10]).toEqual([name, true]);
  }
  expect(verdict.report.raw.connections).toBe(250);
});

const SECURE_REQUESTS = 500;

it(`holds up as well with TLS, tokens and ACLs, membership calls included (${SECURE_REQUESTS} per service)`, async () => {
  const verdict = await fuzzCluster({
    seed: 2,
    requestsPerService: SECURE_REQUESTS,
    concurrency: 64,
    deadlineMs: 1_000,
    rawConnections: 20,
    rssBytesMax: 1024 ** 3,
    secure: true,
  });
  expect(verdict.problems).toEqual([]);
  const codes = (service: string) => verdict.report.services[`tributary.${service}`]!.codes;
  for (const s of Object.values(verdict.report.services)) expect(s.requests).toBe(SECURE_REQUESTS);
  // AddMember, RemoveMember, TransferLeadership and the rest, refused to the fuzzer's principal.
  expect(codes('coord.v1.ClusterService')['PERMISSION_DENIED']).toBeGreaterThan(0);
  // A token is never a Raft peer or a replica.
  for (const peer of ['raft.v1.RaftService', 'broker.v1.ReplicationService'])
    expect([peer, codes(peer)['UNAUTHENTICATED']! > SECURE_REQUESTS / 2]).toEqual([peer, true]);
  // ...while its data calls get through to the handlers.
  expect(codes('coord.v1.CoordinationService')['INVALID_ARGUMENT']).toBeGreaterThan(
    SECURE_REQUESTS / 2,
  );
});

it('planted: a service whose handlers fail unexpectedly is reported', async () => {
  const server: TributaryServer = createServer({ maxMessageBytes: 1 << 20 });
  const failing = Object.fromEntries(
    Object.keys(contract().tributary.coord.v1.ClusterService.service).map((name) => [
      name,
      unary(async () => {
        throw new Error('planted: handler crashed');
      }, silentLogger()),
    ]),
  ) as grpc.UntypedServiceImplementation;
  server.grpc.addService(contract().tributary.coord.v1.ClusterService.service, failing);
  const address = await server.listen('127.0.0.1:0');
  try {
    const report = await fuzz(
      { coord: [address], raft: [], broker: [] },
      { seed: 3, requestsPerService: 50, concurrency: 8, deadlineMs: 1_000, rawConnections: 0 },
    );
    const planted = report.findings.filter((f) => f.method.startsWith('ClusterService.'));
    expect(planted.length).toBeGreaterThan(0);
    expect(planted[0]).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/planted/),
    });
  } finally {
    await server.drain(1000);
  }
});

// The Watch handler over real gRPC, in this process (a WatchHub over a state machine, no Raft):
// the start message is the first thing on the wire, and the per-connection cap answers
// RESOURCE_EXHAUSTED / LIMIT_EXCEEDED with RetryInfo to the connection over it only.
import * as grpc from '@grpc/grpc-js';
import { CoordStateMachine } from '@tributary/coord-state';
import {
  contract,
  createServer,
  readError,
  silentLogger,
  type TributaryServer,
} from '@tributary/rpc';
import type { CoordinationServiceClient } from '@tributary/rpc/src/generated/tributary/coord/v1/CoordinationService';
import { eventually } from '@tributary/testkit';
import {
  coordinationHandlers,
  type CoordinationServiceDeps,
} from '../src/services/coordination-service';
import { WatchHub } from '../src/services/watch-hub';

const CAP = 2;
const sm = new CoordStateMachine();
const hub = new WatchHub(() => sm, { watchesPerOwnerMax: CAP });
let server: TributaryServer;
let address: string;
const clients: grpc.Client[] = [];

beforeAll(async () => {
  server = createServer();
  const deps = {
    ops: {},
    sessions: {},
    watches: hub,
    header: (revision?: number) => ({
      cluster_id: 'test',
      node_id: 1,
      term: 1,
      revision: revision ?? sm.revision,
    }),
    log: silentLogger(),
  } as unknown as CoordinationServiceDeps;
  server.grpc.addService(
    contract().tributary.coord.v1.CoordinationService.service,
    coordinationHandlers(deps),
  );
  address = await server.listen('127.0.0.1:0');
  sm.apply(1, {
    op: 'create',
    path: '/w',
    data: new Uint8Array(0),
    ephemeral: false,
    sequential: false,
    sessionId: 0,
  });
});

afterAll(async () => {
  for (const c of clients) c.close();
  hub.close();
  await server.drain(100);
});

/** A client on its own connection (grpc-js would otherwise share one between clients). */
function connection(): CoordinationServiceClient {
  const ctor = contract().tributary.coord.v1.CoordinationService;
  const client = new ctor(address, grpc.credentials.createInsecure(), {
    'grpc.use_local_subchannel_pool': 1,
  }) as unknown as CoordinationServiceClient;
  clients.push(client);
  return client;
}

function open(client: CoordinationServiceClient) {
  const got = { messages: [] as any[], error: undefined as unknown };
  const stream = client.Watch({ path: '/w', prefix: true, start_revision: 0 });
  stream.on('data', (m) => got.messages.push(m));
  stream.on('error', (e) => (got.error = e));
  return { stream, got };
}

it('answers a watch past the per-connection cap RESOURCE_EXHAUSTED with RetryInfo', async () => {
  const a = connection();
  const held = [open(a), open(a)];
  await eventually(
    () => held.every((w) => w.got.messages.length === 1),
    5000,
    'the start messages',
  );
  for (const w of held) {
    expect(w.got.messages[0].events).toEqual([]);
    expect(Number(w.got.messages[0].header.revision)).toBe(1);
  }
  const refused = open(a);
  await eventually(() => refused.got.error !== undefined, 5000, 'the refusal');
  expect(readError(refused.got.error)).toMatchObject({
    code: grpc.status.RESOURCE_EXHAUSTED,
    reason: 'LIMIT_EXCEEDED',
    retriable: true,
    retryDelayMs: 1000,
  });
  expect(refused.got.messages).toEqual([]);

  // Another connection has its own allowance; a cancelled watch frees its slot.
  const b = open(connection());
  await eventually(() => b.got.messages.length === 1, 5000, 'a watch on another connection');
  held[0]!.stream.cancel();
  await eventually(() => hub.size === CAP, 5000, 'the cancelled watch to end');
  const again = open(a);
  await eventually(() => again.got.messages.length === 1, 5000, 'a watch in the freed slot');
  expect(again.got.error).toBeUndefined();
  for (const w of [held[1]!, b, again]) w.stream.cancel();
});

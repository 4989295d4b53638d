// TLS everywhere, end to end on loopback (DESIGN §7): 3 coordinators and 2 brokers started with
// --tls-cert/--tls-key/--tls-ca (openssl-made certificates), so Raft, broker→coordinator and
// broker→broker replication all run over mTLS. A client with the CA and a client certificate
// produces, reads back and uses the node tree; plaintext and clients of another CA are refused;
// a valid client certificate whose principal is not a cluster member's is refused on the Raft
// peer service and on ReplicationService with the PERMISSION_DENIED reason; and a member
// certificate renewed on disk is what new connections see, with no process restarted.
import * as tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { contract, readError } from '@tributary/rpc';
import {
  BrokerCluster,
  CLIENT_PRINCIPAL,
  CoordinatorCluster,
  eventually,
  TestCertificates,
} from '@tributary/testkit';
import { Admin, Consumer, CoordinationClient, Producer } from '../src';

jest.setTimeout(240_000);

let certs: TestCertificates;
let coordinators: CoordinatorCluster;
let brokers: BrokerCluster;
let bootstrap: string[];
let endpoints: string[];
const closers: (() => unknown)[] = [];

beforeAll(async () => {
  certs = TestCertificates.create();
  const extraArgs = ['--tls-reload-ms', '200'];
  coordinators = await CoordinatorCluster.start({ size: 3, tls: certs, extraArgs });
  brokers = await BrokerCluster.start({ coordinators, size: 2, tls: certs, extraArgs });
  bootstrap = brokers.live().map((b) => b.address);
  endpoints = [...coordinators.members.values()].map((m) => m.address);
});
afterAll(async () => {
  for (const close of closers) await close();
  await brokers?.shutdown();
  await coordinators?.shutdown();
  certs?.remove();
});

function coordination(options: Partial<ConstructorParameters<typeof CoordinationClient>[0]>) {
  const client = new CoordinationClient({ endpoints, requestTimeoutMs: 3_000, ...options });
  closers.push(() => client.close());
  return client;
}

it('a client with the CA and a certificate produces, reads back and uses the node tree', async () => {
  const clientTls = certs.pem(certs.client);
  const admin = new Admin({ bootstrap, tls: clientTls });
  closers.push(() => admin.close());
  await admin.createTopic('tls', { partitions: 1, replicationFactor: 2 });
  // Both replicas in sync: the follower fetched over broker→broker mTLS.
  await eventually(
    async () => (await admin.describeTopics(['tls']))[0]!.partitions[0]!.isr.length === 2,
    30_000,
    'both replicas of tls/0 in the ISR',
  );
  const producer = new Producer({ bootstrap, tls: clientTls });
  const { partition, offset } = await producer.send({ topic: 'tls', value: 'over mTLS' });
  await producer.close();
  const consumer = new Consumer({ bootstrap, tls: clientTls, fetchWaitMsMax: 100 });
  closers.push(() => consumer.close());
  await consumer.assign('tls', offset, [partition]);
  let records = await consumer.poll();
  while (records.length === 0) records = await consumer.poll();
  expect(records[0]!.value!.toString()).toBe('over mTLS');

  const kv = coordination({ tls: clientTls });
  await kv.create('/tls', 'hello');
  expect((await kv.get('/tls')).data.toString()).toBe('hello');
});

it('refuses plaintext clients and clients of another CA', async () => {
  const other = certs.otherCa();
  const strangerLeaf = certs.issue('stranger', 'stranger', other);
  for (const options of [
    {},
    { tls: certs.pem(null) }, // the right CA, but no client certificate
    { tls: certs.pem(certs.client, other) }, // trusts another CA: the servers' is unknown to it
    { tls: certs.pem(strangerLeaf) }, // a certificate the cluster's CA never signed
  ]) {
    const error = await coordination(options)
      .get('/')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: grpc.status.UNAVAILABLE });
  }
  const plainAdmin = new Admin({ bootstrap, requestTimeoutMs: 2_000 });
  closers.push(() => plainAdmin.close());
  await expect(plainAdmin.describeTopics()).rejects.toMatchObject({
    code: grpc.status.UNAVAILABLE,
  });
});

it('keeps a client certificate out of Raft, replication and broker registration', async () => {
  const v1 = contract().tributary;
  const asClient = certs.credentials(certs.client);
  const raft = new v1.raft.v1.RaftService(coordinators.member(1).address, asClient);
  const replication = new v1.broker.v1.ReplicationService(brokers.broker(1).address, asClient);
  const metadata = new v1.coord.v1.MetadataService(coordinators.member(1).address, asClient);
  closers.push(
    () => raft.close(),
    () => replication.close(),
    () => metadata.close(),
  );
  const unary = (call: (cb: (e: grpc.ServiceError | null) => void) => unknown) =>
    new Promise<grpc.ServiceError | null>((resolve) => call(resolve));
  const deadline = () => ({ deadline: Date.now() + 5_000 });
  const raftError = await new Promise<grpc.ServiceError | null>((resolve) => {
    const stream = raft.Send({ deadline: Date.now() + 5_000 }, (error) => resolve(error));
    stream.end();
  });
  const fetchError = await new Promise<grpc.ServiceError | null>((resolve) =>
    replication.ReplicaFetch(
      { replica_id: 99, partitions: [] },
      { deadline: Date.now() + 5_000 },
      (error) => resolve(error),
    ),
  );
  const registerError = await unary((cb) =>
    metadata.RegisterBroker({ broker_id: 7, address: '127.0.0.1:1' }, deadline(), cb),
  );
  const isrError = await unary((cb) =>
    metadata.AlterIsr({ topic: 'tls', partition: 0, leader_epoch: 0, isr: [1] }, deadline(), cb),
  );
  // The rest of MetadataService is for clients too.
  expect(await unary((cb) => metadata.ListBrokers({}, deadline(), cb))).toBeNull();
  for (const error of [raftError, fetchError, registerError, isrError]) {
    expect(error?.code).toBe(grpc.status.PERMISSION_DENIED);
    const info = readError(error);
    expect(info.reason).toBe('PERMISSION_DENIED');
    expect(info.metadata['principal']).toBe(CLIENT_PRINCIPAL);
  }
});

it('serves a member certificate renewed on disk to new connections, without a restart', async () => {
  const targets = [coordinators.member(1), brokers.broker(1)];
  const pids = targets.map((t) => t.process?.pid);
  const serialAt = (address: string) =>
    new Promise<string>((resolve, reject) => {
      const [host, port] = address.split(':');
      const socket = tls.connect({
        host,
        port: Number(port),
        servername: 'localhost',
        ca: certs.pem().ca,
        cert: certs.pem().cert,
        key: certs.pem().key,
        ALPNProtocols: ['h2'],
      });
      socket.once('secureConnect', () => {
        resolve(socket.getPeerCertificate().serialNumber);
        socket.destroy();
      });
      socket.once('error', reject);
    });
  for (const t of targets) expect(await serialAt(t.address)).toBe(certs.member.serialNumber);
  const renewed = certs.renewMember();
  expect(renewed).not.toBe(certs.member.serialNumber);
  for (const t of targets)
    await eventually(
      async () => (await serialAt(t.address)) === renewed,
      10_000,
      `${t.address} to serve the renewed certificate`,
    );
  expect(targets.map((t) => t.process?.pid)).toEqual(pids);
  // The cluster goes on working with the renewed certificate on every link.
  const kv = coordination({ tls: certs.pem(certs.client) });
  await kv.set('/tls', 'renewed');
  expect((await kv.get('/tls')).data.toString()).toBe('renewed');
});

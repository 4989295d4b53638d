// TLS plumbing: the all-or-none flag rule and principal extraction as pure functions, then real
// mTLS on loopback with openssl-made certificates: who gets in, the principal a handler sees,
// the peer-only guard, and a certificate replaced on disk served to new connections.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import {
  callPrincipal,
  clusterPrincipals,
  checkTlsFiles,
  clientChannelCredentials,
  contract,
  createDevCa,
  createDevLeaf,
  createServer,
  principalOf,
  principalOfX509,
  readError,
  requirePrincipals,
  tlsFilesFrom,
  type TlsFiles,
  type TributaryServer,
} from '../src';

describe('tlsFilesFrom', () => {
  it('is plaintext with no flag and TLS with all three', () => {
    expect(tlsFilesFrom({})).toBeUndefined();
    expect(tlsFilesFrom({ tlsCert: 'c', tlsKey: 'k', tlsCa: 'a' })).toEqual({
      cert: 'c',
      key: 'k',
      ca: 'a',
    });
  });

  it('refuses some without the others, naming what is missing', () => {
    expect(() => tlsFilesFrom({ tlsCert: 'c' })).toThrow(
      'TLS needs --tls-cert, --tls-key and --tls-ca together; missing --tls-key, --tls-ca',
    );
    expect(() => tlsFilesFrom({ tlsCert: 'c', tlsKey: 'k', tlsCa: '' })).toThrow(
      /missing --tls-ca$/,
    );
  });
});

describe('principalOf', () => {
  it('takes the first URI SAN over the CN', () => {
    expect(
      principalOf({
        subject: { CN: 'broker-1' },
        subjectaltname: 'DNS:localhost, IP Address:127.0.0.1, URI:spiffe://trib/broker, URI:x:y',
      }),
    ).toBe('spiffe://trib/broker');
  });

  it('falls back to the (first) subject CN, and is undefined with neither', () => {
    expect(principalOf({ subject: { CN: 'alice' }, subjectaltname: 'DNS:localhost' })).toBe(
      'alice',
    );
    expect(principalOf({ subject: { CN: ['a', 'b'] } })).toBe('a');
    expect(principalOf({ subject: {} })).toBeUndefined();
    expect(principalOf({})).toBeUndefined();
  });
});

describe('requirePrincipals', () => {
  const definition = {
    Unary: { responseStream: false },
    Stream: { responseStream: true },
    Open: { responseStream: false },
  } as unknown as grpc.ServiceDefinition;
  const caller = (cn?: string) =>
    Object.assign(new EventEmitter(), {
      getAuthContext: () => (cn ? { sslPeerCertificate: { subject: { CN: cn } } } : {}),
    });
  const handlers = {
    Unary: (_call: unknown, cb: (e: unknown, r?: unknown) => void) => cb(null, 'ran'),
    Stream: (call: EventEmitter) => call.emit('ran'),
    Open: (_call: unknown, cb: (e: unknown, r?: unknown) => void) => cb(null, 'open'),
  };
  const guarded = requirePrincipals(definition, handlers, new Set(['m']), 'Svc', [
    'Unary',
    'Stream',
  ]);

  it('runs the handler for a listed principal', () => {
    const cb = jest.fn();
    guarded.Unary(caller('m'), cb);
    expect(cb).toHaveBeenCalledWith(null, 'ran');
  });

  it('refuses others through the callback, or the stream’s error event', () => {
    const cb = jest.fn();
    guarded.Unary(caller('alice'), cb);
    const denied = readError(cb.mock.calls[0][0]);
    expect([denied.code, denied.reason, denied.metadata['principal']]).toEqual([
      grpc.status.PERMISSION_DENIED,
      'PERMISSION_DENIED',
      'alice',
    ]);
    expect(denied.message).toMatch(/^Svc\.Unary is for cluster members only/);
    const stream = caller();
    const errors: unknown[] = [];
    stream.on('error', (e) => errors.push(e));
    stream.on('ran', () => errors.push('ran'));
    guarded.Stream(stream as never);
    expect(errors).toHaveLength(1);
    expect(readError(errors[0]).reason).toBe('UNAUTHENTICATED');
  });

  it('leaves methods outside the list alone', () => {
    const cb = jest.fn();
    guarded.Open(caller(), cb);
    expect(cb).toHaveBeenCalledWith(null, 'open');
    expect(() => requirePrincipals(definition, handlers, new Set(), 'Svc', ['Nope'])).toThrow(
      'Svc has no method Nope',
    );
  });
});

describe('mTLS on loopback', () => {
  let dir: string;
  let ca: { cert: string; key: string };
  let serverFiles: TlsFiles;
  let server: TributaryServer;
  let address: string;
  const clients: grpc.Client[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-tls-'));
    ca = createDevCa(dir);
    const member = createDevLeaf(dir, ca, { name: 'member', cn: 'tributary-member' });
    createDevLeaf(dir, ca, { name: 'alice', cn: 'alice' });
    createDevLeaf(dir, ca, { name: 'spiffe', cn: 'ignored', uri: 'spiffe://trib/member' });
    const other = createDevCa(dir, 'other-ca', 'another CA');
    createDevLeaf(dir, other, { name: 'mallory', cn: 'tributary-member' });
    serverFiles = { cert: member.cert, key: member.key, ca: ca.cert, reloadMs: 100 };
    server = createServer({}, serverFiles);
    const v1 = contract().tributary;
    server.grpc.addService(v1.coord.v1.CoordinationService.service, {
      // Echoes the caller's principal, as the handlers of a later ACL would read it.
      Get: (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, { data: Buffer.from(callPrincipal(call) ?? '(none)') }),
    } as unknown as grpc.UntypedServiceImplementation);
    const replication = v1.broker.v1.ReplicationService.service;
    server.grpc.addService(
      replication,
      requirePrincipals(
        replication,
        {
          ReplicaFetch: (_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
        },
        new Set(['tributary-member', 'spiffe://trib/member']),
        'ReplicationService',
      ) as unknown as grpc.UntypedServiceImplementation,
    );
    address = await server.listen('127.0.0.1:0');
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server.drain(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pem = (name: string) => fs.readFileSync(path.join(dir, name));
  function credentials(caName: string, leaf?: string): grpc.ChannelCredentials {
    return clientChannelCredentials({
      ca: pem(caName),
      ...(leaf && { cert: pem(`${leaf}.crt`), key: pem(`${leaf}.key`) }),
    });
  }
  function unary(
    service: 'coord' | 'replication',
    creds: grpc.ChannelCredentials,
  ): Promise<{ error: grpc.ServiceError | null; response: any }> {
    const v1 = contract().tributary;
    const Ctor =
      service === 'coord' ? v1.coord.v1.CoordinationService : v1.broker.v1.ReplicationService;
    const client = new Ctor(address, creds, { 'grpc.use_local_subchannel_pool': 1 }) as any;
    clients.push(client);
    const method = service === 'coord' ? 'Get' : 'ReplicaFetch';
    return new Promise((resolve) =>
      client[method]({}, { deadline: Date.now() + 5000 }, (error: any, response: any) =>
        resolve({ error, response }),
      ),
    );
  }

  it('shows a handler the caller certificate’s CN, or its URI SAN', async () => {
    const alice = await unary('coord', credentials('ca.crt', 'alice'));
    expect(alice.error).toBeNull();
    expect(alice.response.data.toString()).toBe('alice');
    const spiffe = await unary('coord', credentials('ca.crt', 'spiffe'));
    expect(spiffe.response.data.toString()).toBe('spiffe://trib/member');
  });

  it('refuses plaintext, a client without a certificate and one from another CA', async () => {
    for (const creds of [
      grpc.credentials.createInsecure(),
      credentials('ca.crt'),
      credentials('ca.crt', 'mallory'),
      credentials('other-ca.crt', 'alice'),
    ]) {
      const { error } = await unary('coord', creds);
      expect(error?.code).toBe(grpc.status.UNAVAILABLE);
    }
  });

  it('keeps a peer-only service to the listed principals', async () => {
    expect((await unary('replication', credentials('ca.crt', 'member'))).error).toBeNull();
    expect((await unary('replication', credentials('ca.crt', 'spiffe'))).error).toBeNull();
    const alice = await unary('replication', credentials('ca.crt', 'alice'));
    expect(alice.error?.code).toBe(grpc.status.PERMISSION_DENIED);
    const info = readError(alice.error);
    expect(info.reason).toBe('PERMISSION_DENIED');
    expect(info.metadata['principal']).toBe('alice');
    expect(info.message).toMatch(/not in --cluster-principals/);
  });

  it('serves a certificate replaced on disk to new connections, without a restart', async () => {
    const serial = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect({
          host: '127.0.0.1',
          servername: 'localhost',
          port: Number(address.split(':')[1]),
          ca: pem('ca.crt'),
          cert: pem('alice.crt'),
          key: pem('alice.key'),
          ALPNProtocols: ['h2'],
        });
        socket.once('secureConnect', () => {
          resolve(socket.getPeerCertificate().serialNumber);
          socket.destroy();
        });
        socket.once('error', reject);
      });
    const before = await serial();
    // Same key, new certificate, renamed into place: the watcher never reads half a pair.
    const reissued = createDevLeaf(path.join(dir, 'next'), ca, {
      name: 'member',
      cn: 'tributary-member',
      key: serverFiles.key,
    });
    expect(reissued.serialNumber).not.toBe(before);
    fs.renameSync(reissued.cert, serverFiles.cert);
    const deadline = Date.now() + 5000;
    let now = before;
    while (now !== reissued.serialNumber && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      now = await serial();
    }
    expect(now).toBe(reissued.serialNumber);
    expect((await unary('coord', credentials('ca.crt', 'alice'))).error).toBeNull();
  });

  it('checks the files at start-up and reads the process’s own principal', () => {
    const alice = {
      cert: path.join(dir, 'alice.crt'),
      key: path.join(dir, 'alice.key'),
      ca: ca.cert,
    };
    expect(principalOfX509(checkTlsFiles(alice))).toBe('alice');
    const spiffe = {
      ...alice,
      cert: path.join(dir, 'spiffe.crt'),
      key: path.join(dir, 'spiffe.key'),
    };
    expect(principalOfX509(checkTlsFiles(spiffe))).toBe('spiffe://trib/member');
    expect([...clusterPrincipals([], checkTlsFiles(alice))]).toEqual(['alice']);
    expect([...clusterPrincipals(['bob', 'alice'], checkTlsFiles(alice))]).toEqual([
      'bob',
      'alice',
    ]);
    expect(() => clusterPrincipals(['bob'], checkTlsFiles(alice))).toThrow(
      "--cluster-principals bob leaves out 'alice', the principal of this process’s own --tls-cert",
    );
    expect(() => checkTlsFiles({ ...alice, key: path.join(dir, 'mallory.key') })).toThrow(
      /is not the private key of --tls-cert/,
    );
    expect(() => checkTlsFiles({ ...alice, ca: path.join(dir, 'nope.crt') })).toThrow(
      /^--tls-ca .*nope\.crt: ENOENT/,
    );
  });
});

// Bearer tokens: the hashed file format and the table as pure code, then a real TLS server on
// loopback with --auth-tokens: who gets in with a token, a certificate, both or neither, what
// principal a handler sees, and that a client cannot forge the principal header.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import {
  clientChannelCredentials,
  contract,
  createDevCa,
  createDevLeaf,
  createServer,
  hashToken,
  newToken,
  parseTokenFile,
  PRINCIPAL_HEADER,
  readError,
  requestPrincipal,
  tokenLine,
  TokenTable,
  type TributaryServer,
} from '../src';

describe('the token file', () => {
  it('holds principal, sha256 hash and an optional expiry, with comments', () => {
    const token = newToken();
    expect(token).toMatch(/^trib_[A-Za-z0-9_-]{43}$/);
    const text = [
      '# who  hash  expiry',
      tokenLine('alice', token),
      `   ${tokenLine('bob', 'b-token', Date.parse('2030-01-01T00:00:00Z'))}   # trailing`,
      '',
    ].join('\n');
    expect(text).not.toContain(token);
    expect(parseTokenFile(text, 'f')).toEqual([
      { principal: 'alice', hash: hashToken(token), expiresAt: undefined },
      { principal: 'bob', hash: hashToken('b-token'), expiresAt: Date.parse('2030-01-01') },
    ]);
  });

  it.each([
    ['alice', /expected two or three fields/],
    ['alice trib_cleartext', /not a sha256: hash/],
    [`alice ${hashToken('x')} expires=soon`, /not expires=<ISO time>/],
    [`alice ${hashToken('x')} never extra`, /expected two or three fields/],
    [`alice ${hashToken('x')}\nbob ${hashToken('x')}`, /listed twice/],
  ])('refuses %j, naming the line', (text, message) => {
    expect(() => parseTokenFile(text, 'tokens.txt')).toThrow(message);
    expect(() => parseTokenFile(text, 'tokens.txt')).toThrow(/tokens\.txt:\d+/);
  });

  it('refuses unknown and expired tokens, and keeps the old table when a reload fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-tokens-'));
    const file = path.join(dir, 'tokens');
    fs.writeFileSync(file, `${tokenLine('alice', 'a')}\n${tokenLine('bob', 'b', 1_000)}\n`);
    let now = 999;
    const errors: Error[] = [];
    const table = new TokenTable(
      file,
      0,
      (e) => errors.push(e),
      () => now,
    );
    expect(table.check('a')).toEqual({ principal: 'alice' });
    expect(table.check('b')).toEqual({ principal: 'bob' });
    now = 1_000;
    expect(table.check('b')).toEqual({ refused: expect.stringMatching(/'bob' expired at 1970/) });
    expect(table.check('c')).toEqual({ refused: 'unknown bearer token' });
    fs.writeFileSync(file, 'half-written');
    table.reload();
    expect(errors[0]?.message).toMatch(/expected two or three fields/);
    expect(table.check('a')).toEqual({ principal: 'alice' });
    fs.writeFileSync(file, tokenLine('carol', 'c'));
    table.reload();
    expect(table.check('a')).toEqual({ refused: 'unknown bearer token' });
    expect(table.check('c')).toEqual({ principal: 'carol' });
    expect(() => new TokenTable(path.join(dir, 'missing'), 0)).toThrow(/--auth-tokens .*missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('authentication on loopback', () => {
  let dir: string;
  let ca: { cert: string; key: string };
  let tokensFile: string;
  const servers: TributaryServer[] = [];
  const clients: grpc.Client[] = [];
  let withTokens: string;
  let certsOnly: string;
  let open: string;

  /** A server whose Get echoes the principal its handler sees. */
  async function start(server: TributaryServer): Promise<string> {
    servers.push(server);
    server.grpc.addService(contract().tributary.coord.v1.CoordinationService.service, {
      Get: (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, { data: Buffer.from(requestPrincipal(call) ?? '(none)') }),
    } as unknown as grpc.UntypedServiceImplementation);
    server.setServing('', true);
    return server.listen('127.0.0.1:0');
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-auth-'));
    ca = createDevCa(dir);
    const member = createDevLeaf(dir, ca, { name: 'member', cn: 'tributary-member' });
    createDevLeaf(dir, ca, { name: 'alice', cn: 'alice' });
    const other = createDevCa(dir, 'other-ca', 'another CA');
    createDevLeaf(dir, other, { name: 'mallory', cn: 'alice' });
    tokensFile = path.join(dir, 'tokens');
    fs.writeFileSync(
      tokensFile,
      [tokenLine('bob', 'bob-token'), tokenLine('eve', 'old-token', Date.now() - 1)].join('\n'),
    );
    const files = { cert: member.cert, key: member.key, ca: ca.cert, reloadMs: 100 };
    withTokens = await start(createServer({}, { ...files, authTokens: tokensFile }));
    certsOnly = await start(createServer({}, files));
    open = await start(createServer({}));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await s.drain(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pem = (name: string) => fs.readFileSync(path.join(dir, name));
  const tls = (caName = 'ca.crt', leaf?: string) =>
    clientChannelCredentials({
      ca: pem(caName),
      ...(leaf && { cert: pem(`${leaf}.crt`), key: pem(`${leaf}.key`) }),
    });

  function get(
    address: string,
    creds: grpc.ChannelCredentials,
    headers: Record<string, string> = {},
  ): Promise<{ error: grpc.ServiceError | null; principal?: string }> {
    const Ctor = contract().tributary.coord.v1.CoordinationService;
    const client = new Ctor(address, creds, { 'grpc.use_local_subchannel_pool': 1 }) as any;
    clients.push(client);
    const metadata = new grpc.Metadata();
    for (const [k, v] of Object.entries(headers)) metadata.set(k, v);
    return new Promise((resolve) =>
      client.Get({}, metadata, { deadline: Date.now() + 5000 }, (error: any, response: any) =>
        resolve({ error, principal: response?.data.toString() }),
      ),
    );
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('takes a token in place of a certificate, and a certificate without a token', async () => {
    expect(await get(withTokens, tls(), bearer('bob-token'))).toEqual({
      error: null,
      principal: 'bob',
    });
    expect(await get(withTokens, tls('ca.crt', 'alice'))).toEqual({
      error: null,
      principal: 'alice',
    });
    // A token, when sent, is who the caller says it is.
    expect((await get(withTokens, tls('ca.crt', 'alice'), bearer('bob-token'))).principal).toBe(
      'bob',
    );
  });

  it.each([
    ['no credentials', undefined, {}, /no credentials: present a client certificate/],
    ['an unknown token', undefined, bearer('guess'), /unknown bearer token/],
    ['an expired token', undefined, bearer('old-token'), /'eve' expired at/],
    ['a malformed header', undefined, { authorization: 'Basic x' }, /must be `Bearer <token>`/],
    ['a certificate of another CA', 'mallory', {}, /no credentials/],
  ])('answers %s UNAUTHENTICATED', async (_what, leaf, headers, message) => {
    const { error } = await get(withTokens, tls('ca.crt', leaf), headers);
    expect(error?.code).toBe(grpc.status.UNAUTHENTICATED);
    const info = readError(error);
    expect(info.reason).toBe('UNAUTHENTICATED');
    expect(info.message).toMatch(message);
  });

  it('reads a token added to the file without a restart', async () => {
    expect((await get(withTokens, tls(), bearer('new-token'))).error?.code).toBe(
      grpc.status.UNAUTHENTICATED,
    );
    fs.appendFileSync(tokensFile, `\n${tokenLine('carol', 'new-token')}\n`);
    let seen: string | undefined;
    for (let i = 0; i < 50 && seen !== 'carol'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (await get(withTokens, tls(), bearer('new-token'))).principal;
    }
    expect(seen).toBe('carol');
  });

  it('never lets a client name its own principal', async () => {
    const forged = { [PRINCIPAL_HEADER]: 'tributary-member' };
    expect((await get(withTokens, tls('ca.crt', 'alice'), forged)).principal).toBe('alice');
    expect((await get(withTokens, tls(), { ...forged, ...bearer('bob-token') })).principal).toBe(
      'bob',
    );
    expect((await get(open, grpc.credentials.createInsecure(), forged)).principal).toBe('(none)');
  });

  it('refuses a token where no --auth-tokens is given (certificates required)', async () => {
    const { error } = await get(certsOnly, tls('ca.crt', 'alice'), bearer('bob-token'));
    expect(error?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(readError(error).message).toMatch(/takes no bearer tokens/);
    // Without a certificate the TLS handshake itself fails there.
    expect((await get(certsOnly, tls(), bearer('bob-token'))).error?.code).toBe(
      grpc.status.UNAVAILABLE,
    );
  });

  it('keeps the health service open, for probes', async () => {
    const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
    const client = new Health(withTokens, tls());
    clients.push(client);
    const status = await new Promise<unknown>((resolve, reject) =>
      (client as any).check({ service: '' }, (e: unknown, r: { status: string }) =>
        e ? reject(e) : resolve(r.status),
      ),
    );
    expect(status).toBe('SERVING');
  });
});

// The error model of DESIGN §6 over a real loopback gRPC call: a handler raises a reason with a
// leader address; a plain grpc-js client decodes google.rpc.Status itself, and readError agrees.
import * as grpc from '@grpc/grpc-js';
import {
  contract,
  createServer,
  readError,
  REASONS,
  tributaryError,
  type TributaryServer,
} from '../src';
import { decodeGrpcStatusDetails, plainCoordinationClient } from './plain-client';

describe('errors over the wire', () => {
  let server: TributaryServer;
  let address: string;

  beforeAll(async () => {
    server = createServer();
    const svc = contract().tributary.coord.v1.CoordinationService.service;
    server.grpc.addService(svc, {
      Get: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
        callback(
          tributaryError('NOT_LEADER', 'node 2 is a follower; the leader is node 1', {
            leader: '127.0.0.1:7101',
          }),
        ),
      Set: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
        callback(tributaryError('VERSION_MISMATCH', 'expected version 3, found 4')),
    } as unknown as grpc.UntypedServiceImplementation);
    address = await server.listen('127.0.0.1:0');
  });

  afterAll(() => server.drain(1000));

  function call(method: string, request: object): Promise<grpc.ServiceError> {
    const client = plainCoordinationClient(address);
    return new Promise((resolve, reject) => {
      client[method]!(request, (error: grpc.ServiceError | null) => {
        client.close();
        if (error) resolve(error);
        else reject(new Error('expected a failure'));
      });
    });
  }

  it('carries reason, domain and leader in google.rpc.Status, readable by a plain client', async () => {
    const error = await call('Get', { path: '/a' });
    expect(error.code).toBe(grpc.status.FAILED_PRECONDITION);
    const [bytes] = error.metadata.get('grpc-status-details-bin');
    const status = decodeGrpcStatusDetails(bytes as Buffer);
    expect(status.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(status.message).toBe('node 2 is a follower; the leader is node 1');
    expect(status.errorInfo).toEqual({
      reason: 'NOT_LEADER',
      domain: 'tributary',
      metadata: { leader: '127.0.0.1:7101' },
    });
    expect(status.retryDelay).toMatchObject({ nanos: 100_000_000 });
  });

  it('is read back by readError', async () => {
    const info = readError(await call('Get', { path: '/a' }));
    expect(info).toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      reason: 'NOT_LEADER',
      leader: '127.0.0.1:7101',
      retriable: true,
      retryDelayMs: 100,
    });
  });

  it('omits RetryInfo for reasons a retry cannot fix', async () => {
    const error = await call('Set', { path: '/a' });
    const status = decodeGrpcStatusDetails(
      error.metadata.get('grpc-status-details-bin')[0] as Buffer,
    );
    expect(status.errorInfo?.reason).toBe('VERSION_MISMATCH');
    expect(status.retryDelay).toBeUndefined();
    expect(readError(error)).toMatchObject({
      reason: 'VERSION_MISMATCH',
      retriable: false,
      leader: undefined,
    });
  });

  it('reads errors that carry no Tributary details (e.g. UNIMPLEMENTED)', async () => {
    const info = readError(await call('List', { path: '/' }));
    expect(info.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(info.reason).toBeUndefined();
  });
});

describe('the reason table', () => {
  it('gives every reason a real gRPC code other than OK', () => {
    for (const [reason, spec] of Object.entries(REASONS)) {
      expect({ reason, valid: spec.code > 0 && spec.code <= 16 }).toEqual({ reason, valid: true });
    }
  });

  it('maps the reasons DESIGN names to the codes DESIGN gives', () => {
    expect(REASONS.NOT_LEADER.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(REASONS.NO_LEADER.code).toBe(grpc.status.UNAVAILABLE);
    expect(REASONS.COMPACTED.code).toBe(grpc.status.OUT_OF_RANGE);
    expect(REASONS.OFFSET_OUT_OF_RANGE.code).toBe(grpc.status.OUT_OF_RANGE);
    expect(REASONS.MESSAGE_TOO_LARGE.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(REASONS.CORRUPT_RECORD.code).toBe(grpc.status.DATA_LOSS);
    expect(REASONS.INVALID_PATH.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(REASONS.DUPLICATE_REQUEST_ID.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(REASONS.TOO_MANY_SESSIONS).toEqual({
      code: grpc.status.RESOURCE_EXHAUSTED,
      retriable: true,
    });
    expect(REASONS.CANCELLED.code).toBe(grpc.status.CANCELLED);
    expect(REASONS.LAGGING).toEqual({ code: grpc.status.UNAVAILABLE, retriable: true });
    expect(REASONS.LIMIT_EXCEEDED).toEqual({
      code: grpc.status.RESOURCE_EXHAUSTED,
      retriable: true,
    });
  });

  it('survives garbage in grpc-status-details-bin', () => {
    const metadata = new grpc.Metadata();
    metadata.set('grpc-status-details-bin', Buffer.from([0xff, 0xff, 0xff]));
    const info = readError({ code: grpc.status.INTERNAL, details: 'boom', metadata });
    expect(info).toMatchObject({ code: grpc.status.INTERNAL, message: 'boom', reason: undefined });
  });
});

// A client that knows nothing of libs/rpc: grpc-js, proto-loader and protobufjs only, reading the
// protos and Google's status definitions straight from disk, as a client in any language would.
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';

const repo = path.resolve(__dirname, '../../..');
const googleRoot = path.dirname(require.resolve('google-proto-files/package.json'));

type PlainClient = grpc.Client & Record<string, (...args: any[]) => any>;

export function plainCoordinationClient(address: string): PlainClient {
  const definition = protoLoader.loadSync('tributary/coord/v1/coordination.proto', {
    keepCase: true,
    includeDirs: [path.join(repo, 'protos'), googleRoot],
  });
  const loaded = grpc.loadPackageDefinition(definition) as any;
  const Ctor = loaded.tributary.coord.v1.CoordinationService as typeof grpc.Client;
  return new Ctor(address, grpc.credentials.createInsecure()) as PlainClient;
}

export interface DecodedStatus {
  code: number;
  message: string;
  errorInfo?: { reason: string; domain: string; metadata: Record<string, string> };
  retryDelay?: { seconds: number; nanos: number };
}

export function decodeGrpcStatusDetails(bytes: Buffer): DecodedStatus {
  const root = new protobuf.Root();
  root.resolvePath = (_o, target) => path.join(googleRoot, target);
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
  const Status = root.lookupType('google.rpc.Status');
  const status = Status.toObject(Status.decode(bytes)) as {
    code: number;
    message: string;
    details: { type_url: string; value: Uint8Array }[];
  };
  const out: DecodedStatus = { code: status.code, message: status.message };
  for (const any of status.details ?? []) {
    const typeName = any.type_url.split('/').pop()!;
    const type = root.lookupType(typeName);
    const value = type.toObject(type.decode(any.value), { longs: Number });
    if (typeName === 'google.rpc.ErrorInfo') out.errorInfo = value as DecodedStatus['errorInfo'];
    if (typeName === 'google.rpc.RetryInfo') out.retryDelay = (value as any).retryDelay;
  }
  return out;
}

/**
 * The protocol contract: the `.proto` files under `protos/tributary`. The loader options here are
 * the ones the generated types in `generated/` assume (see scripts/gen-types.js): snake_case
 * fields kept, 64-bit integers as JS numbers (revisions, offsets and ids stay below 2^53), enums
 * as their names, defaults filled in, and the `oneof` case name set on the object.
 *
 * `contract()` has the services of each area (coord, broker, raft), built when the area is first
 * used, straight from protobufjs with @grpc/proto-loader's codecs (fromObject + encode, decode +
 * toObject with these options): proto-loader would also build the descriptor of every message
 * for reflection, which costs a short-lived client (`trib kv get`) more than all the rest of
 * its start. `packageDefinition()` is proto-loader's, for server reflection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';
import { findUp } from './find-up';
import type { ProtoGrpcType as CoordGrpc } from './generated/coord';
import type { ProtoGrpcType as BrokerGrpc } from './generated/broker';
import type { ProtoGrpcType as RaftGrpc } from './generated/raft';

/** protos/ of the repository. */
export const PROTO_ROOT = findUp(__dirname, 'protos');
const GOOGLE_PROTOS = path.dirname(require.resolve('google-proto-files/package.json'));

/** How messages become objects: `LOADER_OPTIONS` less the parsing ones. */
const CONVERSION: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  ...CONVERSION,
  includeDirs: [PROTO_ROOT, GOOGLE_PROTOS],
};

/** Every contract file, relative to PROTO_ROOT, sorted. */
export function contractFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(PROTO_ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.proto')) out.push(rel);
    }
  };
  walk('tributary');
  return out.sort();
}

export type Contract = CoordGrpc & BrokerGrpc & RaftGrpc;

/** The three areas of the contract, each its own proto package under `tributary/`. */
type Area = keyof Contract['tributary'];

let whole: protoLoader.PackageDefinition | undefined;
const areas = new Map<Area, unknown>();

/** One area's service constructors (with their `.service` definitions), loaded on first use. */
function area<A extends Area>(name: A): Contract['tributary'][A] {
  if (!areas.has(name)) areas.set(name, loadArea(name));
  return areas.get(name) as Contract['tributary'][A];
}

function loadArea(name: Area): unknown {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    const dir = LOADER_OPTIONS.includeDirs!.find((d) => fs.existsSync(path.join(d, target)));
    return dir ? path.join(dir, target) : target;
  };
  const files = contractFiles().filter((f) => f.startsWith(`tributary/${name}/`));
  root.loadSync(files, { keepCase: true });
  root.resolveAll();
  const v1: Record<string, grpc.ServiceClientConstructor> = {};
  const v1Namespace = root.lookup(`tributary.${name}.v1`) as protobuf.Namespace;
  for (const service of v1Namespace.nestedArray) {
    if (service instanceof protobuf.Service)
      v1[service.name] = grpc.makeGenericClientConstructor(
        serviceDefinition(service),
        service.name,
      );
  }
  return { v1 };
}

/** As proto-loader defines a service (less the message descriptors). */
function serviceDefinition(service: protobuf.Service): grpc.ServiceDefinition {
  const definition: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    const request = method.resolvedRequestType!;
    const response = method.resolvedResponseType!;
    definition[method.name] = {
      path: `/${service.fullName.slice(1)}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: serializer(request),
      requestDeserialize: deserializer(request),
      responseSerialize: serializer(response),
      responseDeserialize: deserializer(response),
      originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
    };
  }
  return definition;
}

function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => type.encode(type.fromObject(value)).finish() as Buffer;
}

function deserializer(type: protobuf.Type): (bytes: Buffer) => object {
  // The plain Reader, not the one protobufjs picks for a Buffer: that one cuts a string whose
  // length runs past the end of the message short and decodes on, where this one refuses it.
  return (bytes) => type.toObject(type.decode(new protobuf.Reader(bytes)), CONVERSION);
}

const lazyContract = {
  tributary: {
    get coord() {
      return area('coord');
    },
    get broker() {
      return area('broker');
    },
    get raft() {
      return area('raft');
    },
  },
} as Contract;

/** Client constructors and service definitions of every package, typed. */
export function contract(): Contract {
  return lazyContract;
}

/** The raw package definition of every file (for server reflection). */
export function packageDefinition(): protoLoader.PackageDefinition {
  whole ??= protoLoader.loadSync(contractFiles(), LOADER_OPTIONS);
  return whole;
}

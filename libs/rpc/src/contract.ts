/**
 * The protocol contract, loaded once: every `.proto` under `protos/tributary` through
 * @grpc/proto-loader. The loader options here are the ones the generated types in
 * `generated/` assume (see scripts/gen-types.js): snake_case fields kept, 64-bit integers as JS
 * numbers (revisions, offsets and ids stay below 2^53), enums as their names, defaults filled in,
 * and the `oneof` case name set on the object.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { findUp } from './find-up';
import type { ProtoGrpcType as CoordGrpc } from './generated/coord';
import type { ProtoGrpcType as BrokerGrpc } from './generated/broker';
import type { ProtoGrpcType as RaftGrpc } from './generated/raft';

/** protos/ of the repository. */
export const PROTO_ROOT = findUp(__dirname, 'protos');
const GOOGLE_PROTOS = path.dirname(require.resolve('google-proto-files/package.json'));

export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
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

let loaded: { definition: protoLoader.PackageDefinition; contract: Contract } | undefined;

function load() {
  if (!loaded) {
    const definition = protoLoader.loadSync(contractFiles(), LOADER_OPTIONS);
    const contract = grpc.loadPackageDefinition(definition) as unknown as Contract;
    loaded = { definition, contract };
  }
  return loaded;
}

/** Client constructors and service definitions of every package, typed. */
export function contract(): Contract {
  return load().contract;
}

/** The raw package definition (for server reflection). */
export function packageDefinition(): protoLoader.PackageDefinition {
  return load().definition;
}

#!/usr/bin/env node
// Regenerates libs/rpc/src/generated from protos/ with proto-loader-gen-types, using the same
// loader options as src/contract.ts. `node gen-types.js OUT_DIR` writes elsewhere (the drift test
// generates into a temporary folder and compares). One ProtoGrpcType file per area: coord, broker,
// raft.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const repo = path.resolve(__dirname, '../../..');
const protoRoot = path.join(repo, 'protos');
const googleRoot = path.dirname(require.resolve('google-proto-files/package.json'));
const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '../src/generated'));
const bin = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

function protoFiles(dir) {
  return fs
    .readdirSync(path.join(protoRoot, dir))
    .filter((f) => f.endsWith('.proto'))
    .sort()
    .map((f) => path.posix.join(dir, f));
}

fs.rmSync(outDir, { recursive: true, force: true });
for (const area of ['coord', 'broker', 'raft']) {
  const files = protoFiles(`tributary/${area}/v1`);
  // Each area's files are generated together and wrapped by one `<area>.ts` ProtoGrpcType.
  const staging = fs.mkdtempSync(path.join(protoRoot, `.gen-${area}-`));
  try {
    const entry = path.join(staging, `${area}.proto`);
    fs.writeFileSync(
      entry,
      `syntax = "proto3";\n${files.map((f) => `import public "${f}";`).join('\n')}\n`,
    );
    execFileSync(
      process.execPath,
      [
        bin,
        '--keepCase',
        '--longs=Number',
        '--enums=String',
        '--defaults',
        '--oneofs',
        '--includeComments',
        '--grpcLib=@grpc/grpc-js',
        `--outDir=${outDir}`,
        `${area}.proto`,
        '-I',
        staging,
        protoRoot,
        googleRoot,
      ],
      { stdio: 'inherit' },
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

// The generator names each type's source file by absolute path; keep the output the same on
// every machine by making those paths relative to the repository.
function relativizePaths(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) relativizePaths(file);
    else {
      const text = fs.readFileSync(file, 'utf8');
      const fixed = text.split(`${repo}${path.sep}`).join('');
      if (fixed !== text) fs.writeFileSync(file, fixed);
    }
  }
}
relativizePaths(outDir);

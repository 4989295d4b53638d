// docs/api.md is generated from the proto comments (scripts/gen-api-docs.js): it must be what
// the generator writes for today's protos, and name every service, RPC, message and enum.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contractFiles, PROTO_ROOT } from '../src/contract';

const SCRIPT = path.join(__dirname, '../scripts/gen-api-docs.js');
const TARGET = path.join(PROTO_ROOT, '../docs/api.md');

// A child process: prettier formats through a dynamic import, which jest's sandbox refuses.
const rendered = (() => {
  let text: string | undefined;
  return () =>
    (text ??= execFileSync(process.execPath, [SCRIPT, '--stdout'], { encoding: 'utf8' }));
})();

it('docs/api.md is up to date with protos/ (else run `npm run gen:api-docs`)', () => {
  const written = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
  if (written !== rendered()) {
    throw new Error('docs/api.md is stale: run `npm run gen:api-docs` and commit the result');
  }
});

it('documents every service, RPC, message and enum of the contract', () => {
  const doc = rendered();
  const missing: string[] = [];
  for (const file of contractFiles()) {
    const text = fs.readFileSync(`${PROTO_ROOT}/${file}`, 'utf8');
    const pkg = /^package ([\w.]+);/m.exec(text)![1];
    for (const [, kind, name] of text.matchAll(/^(service|message|enum) (\w+)/gm)) {
      if (!doc.includes(`<a id="${pkg}.${name}"></a>`)) missing.push(`${kind} ${pkg}.${name}`);
    }
    for (const [, name] of text.matchAll(/^\s+rpc (\w+)\(/gm)) {
      if (!doc.includes(`#### \`${name}\``)) missing.push(`rpc ${name}`);
    }
  }
  expect(missing).toEqual([]);
});

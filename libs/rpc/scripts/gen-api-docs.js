#!/usr/bin/env node
// Writes docs/api.md, the gRPC API reference, from the comments in protos/ (`npm run
// gen:api-docs`): every file's header, service, RPC, message, field, oneof and enum value, in
// declaration order. protobufjs parses the comments (alternateCommentMode reads `//` lines); the
// result is formatted by prettier, so `prettier --check .` and the staleness test
// (libs/rpc/test/api-docs.test.ts, which runs this with --stdout) both accept it as written.
const fs = require('node:fs');
const path = require('node:path');
const protobuf = require('protobufjs');

const repo = path.resolve(__dirname, '../../..');
const protoRoot = path.join(repo, 'protos');
const target = path.join(repo, 'docs/api.md');
/** Areas in reading order: what clients call first, the internal peer protocol last. */
const AREAS = ['coord', 'broker', 'raft'];

function protoFiles() {
  return AREAS.flatMap((area) => {
    const dir = `tributary/${area}/v1`;
    return fs
      .readdirSync(path.join(protoRoot, dir))
      .filter((f) => f.endsWith('.proto'))
      .sort()
      .map((f) => `${dir}/${f}`);
  });
}

function load(files) {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(protoRoot, target);
  root.loadSync(files, { keepCase: true, alternateCommentMode: true });
  root.resolveAll();
  return root;
}

/** Types, enums and services declared in `file`, nested ones after their parent. */
function declarations(namespace, file, out = []) {
  for (const item of namespace.nestedArray) {
    const here = item.filename && path.relative(protoRoot, item.filename) === file;
    const isPackage = item.constructor === protobuf.Namespace;
    if (here && !isPackage) out.push(item);
    if (item instanceof protobuf.Namespace && !(item instanceof protobuf.Service)) {
      declarations(item, file, out);
    }
  }
  return out;
}

/** The `//` lines above `syntax`: the file's own description. */
function fileHeader(file) {
  const lines = [];
  for (const line of fs.readFileSync(path.join(protoRoot, file), 'utf8').split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n');
}

const fullName = (item) => item.fullName.replace(/^\./, '');
const anchor = (item) => `<a id="${fullName(item)}"></a>`;

/**
 * Comment text as markdown: `<` outside code spans escaped so it never reads as HTML, and the
 * protos' pointers into the team's design notes dropped (they are not part of the repository).
 */
function prose(text) {
  return (text ?? '')
    .replace(/ \(DESIGN(\.md)? §[^)]*\)/g, '')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

const cell = (text) =>
  prose(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

function typeRef(field) {
  const named = (type, resolved) =>
    resolved ? `[${type.split('.').pop()}](#${fullName(resolved)})` : `\`${type}\``;
  const value = named(field.type, field.resolvedType);
  if (field.map) {
    return field.resolvedType
      ? `map&lt;\`${field.keyType}\`, ${value}>`
      : `\`map<${field.keyType}, ${field.type}>\``;
  }
  if (field.repeated) return `repeated ${value}`;
  if (field.partOf && isSynthetic(field.partOf)) return `optional ${value}`;
  return value;
}

/** proto3 `optional` becomes a one-field oneof named `_<field>`, not a real choice. */
const isSynthetic = (oneof) => oneof.name.startsWith('_') && oneof.fieldsArray.length === 1;

function message(type) {
  const out = [`${anchor(type)}`, '', `### \`${fullName(type)}\``, '', prose(type.comment), ''];
  if (type.fieldsArray.length === 0) return [...out, 'No fields.', ''];
  out.push('| Field | Type | No. | Description |', '| --- | --- | --- | --- |');
  for (const field of type.fieldsArray) {
    const oneof = field.partOf && !isSynthetic(field.partOf) ? field.partOf : undefined;
    const within = oneof ? `One of \`${oneof.name}\`. ` : '';
    out.push(
      `| \`${field.name}\` | ${typeRef(field)} | ${field.id} | ${within}${cell(field.comment)} |`,
    );
  }
  out.push('');
  for (const oneof of type.oneofsArray.filter((o) => !isSynthetic(o))) {
    out.push(`\`${oneof.name}\` (oneof): ${prose(oneof.comment)}`, '');
  }
  return out;
}

function enumeration(type) {
  const out = [
    `${anchor(type)}`,
    '',
    `### enum \`${fullName(type)}\``,
    '',
    prose(type.comment),
    '',
  ];
  out.push('| Value | No. | Description |', '| --- | --- | --- |');
  for (const [name, id] of Object.entries(type.values)) {
    out.push(`| \`${name}\` | ${id} | ${cell(type.comments[name])} |`);
  }
  return [...out, ''];
}

function service(svc) {
  const out = [
    `${anchor(svc)}`,
    '',
    `### service \`${fullName(svc)}\``,
    '',
    prose(svc.comment),
    '',
  ];
  for (const method of svc.methodsArray) {
    const stream = (s) => (s ? 'stream ' : '');
    const request = `${stream(method.requestStream)}[${method.requestType}](#${fullName(method.resolvedRequestType)})`;
    const response = `${stream(method.responseStream)}[${method.responseType}](#${fullName(method.resolvedResponseType)})`;
    out.push(
      `#### \`${method.name}\``,
      '',
      `${request} → ${response}`,
      '',
      prose(method.comment),
      '',
    );
  }
  return out;
}

async function render() {
  const files = protoFiles();
  const root = load(files);
  const out = [
    '# gRPC API reference',
    '',
    '<!-- Generated from the comments in protos/ by `npm run gen:api-docs`: edit the protos, not this file. -->',
    '',
    'Every service, RPC, message, field and enum of the Tributary gRPC API, with the comments of',
    'the `.proto` files in `protos/`. Clients in any language generate their stubs from those',
    'files (see `examples/python/`); errors follow docs/contract.md.',
    '',
    '## Files',
    '',
    ...files.map((f) => `- [${f}](#${f.replace(/[/.]/g, '-')})`),
    '',
  ];
  for (const file of files) {
    out.push(`<a id="${file.replace(/[/.]/g, '-')}"></a>`, '', `## ${file}`, '');
    out.push(prose(fileHeader(file)), '');
    for (const item of declarations(root, file)) {
      if (item instanceof protobuf.Service) out.push(...service(item));
      else if (item instanceof protobuf.Type) out.push(...message(item));
      else if (item instanceof protobuf.Enum) out.push(...enumeration(item));
    }
  }
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(out.join('\n'), { ...options, parser: 'markdown' });
}

if (require.main === module) {
  render().then(
    (text) => {
      // --stdout: print instead of writing (the staleness test compares).
      if (process.argv.includes('--stdout')) return void process.stdout.write(text);
      fs.writeFileSync(target, text);
      console.log(`wrote ${path.relative(process.cwd(), target)}`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

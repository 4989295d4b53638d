// The README's quickstart, run as a new user runs it: `trib dev` (what `npm start` runs) on free
// ports, its printed `export` lines as the environment, then every shell, TypeScript and Python
// block of the "Quickstart" section in order. A comment `→ TEXT` after a command says what it
// prints; the test checks it. A shell line ending in `&` runs in the background (the test waits
// for its first output) and must end within its block, by itself or by a `kill %N` line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { eventually, freePortBase, REPO_ROOT, spawnTrib } from '@tributary/testkit';

jest.setTimeout(600_000);

interface Block {
  lang: 'sh' | 'ts' | 'python';
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** The fenced sh/ts/python blocks of the README section `## Quickstart`, in order. */
export function quickstartBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Quickstart');
  if (start < 0) throw new Error('README.md has no "## Quickstart" section');
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] as string;
    if (!open && /^## /.test(l)) break;
    const fence = /^```(\w*)\s*$/.exec(l);
    if (!fence) {
      if (open) open.code += `${l}\n`;
      continue;
    }
    if (open) {
      blocks.push(open);
      open = undefined;
    } else if (fence[1] === 'sh' || fence[1] === 'ts' || fence[1] === 'python') {
      open = { lang: fence[1], code: '', line: i + 1 };
    } else {
      open = { lang: 'sh', code: '', line: -1 }; // another language: read past it
    }
  }
  return blocks.filter((b) => b.line > 0);
}

/** `→ TEXT` expectations of a block's lines (after `#` or `//` comments). */
function expectations(code: string): string[] {
  return [...code.matchAll(/(?:#|\/\/)\s*→\s*(.+)$/gm)].map((m) => (m[1] as string).trim());
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Debian's python3 first: its gRPC packages are not on a pyenv or venv python3 ahead on PATH. */
const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import grpc, grpc_tools, google.protobuf']).status === 0,
);
const PYTHON_MISSING =
  'Python gRPC is missing: apt-get install python3-grpcio python3-grpc-tools python3-protobuf';
const EXAMPLE = path.join(REPO_ROOT, 'examples/python');

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const blocks = quickstartBlocks(readme);
const scratch = path.join(REPO_ROOT, 'node_modules/.cache/readme-test');
let dataDir: string;
let dev: ChildProcess | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-readme-'));
  fs.mkdirSync(scratch, { recursive: true });
  const base = await freePortBase([0, 1, 2, 80, 81, 82, 2000, 2001, 2002, 2080, 2081, 2082]);
  dev = spawnTrib(['dev', '--quiet', '--data-dir', dataDir, '--base-port', String(base)]);
  let out = '';
  dev.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  dev.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  await eventually(
    () => /export TRIBUTARY_BOOTSTRAP=\S+/.test(out) || dev?.exitCode !== null,
    180_000,
    'the export lines of trib dev',
  );
  const exported = Object.fromEntries(
    [...out.matchAll(/^export (TRIBUTARY_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
  );
  if (!exported['TRIBUTARY_BOOTSTRAP'] || !exported['TRIBUTARY_COORDINATORS'])
    throw new Error(`trib dev printed no export lines:\n${out}`);
  env = { ...process.env, ...exported, PYTHONPATH: EXAMPLE };
  if (python) {
    const generated = spawnSync(python, ['generate.py'], { cwd: EXAMPLE, encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`generate.py failed:\n${generated.stderr}`);
  }
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev?.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('has a quickstart with shell, TypeScript and Python steps', () => {
  expect(new Set(blocks.map((b) => b.lang))).toEqual(new Set(['sh', 'ts', 'python']));
});

describe.each(blocks.map((b, i) => [`${b.lang} block at README.md:${b.line}`, b, i] as const))(
  '%s',
  (_name, block, index) => {
    // Outside CI a machine without Python gRPC skips the Python steps, saying why.
    const skip = block.lang === 'python' && !python && process.env['CI'] !== 'true';
    (skip ? it.skip : it)(
      skip ? `skipped: ${PYTHON_MISSING}` : 'runs and prints what the README says',
      async () => {
        if (block.lang === 'python' && !python) throw new Error(PYTHON_MISSING);
        const printed = await runBlock(block, index);
        for (const expected of expectations(block.code)) expect(printed).toContain(expected);
      },
    );
  },
);

async function runBlock(block: Block, index: number): Promise<string> {
  if (block.lang === 'sh') return runShell(block);
  const file = path.join(scratch, `step-${index}.${block.lang === 'ts' ? 'ts' : 'py'}`);
  fs.writeFileSync(file, block.lang === 'ts' ? asScript(block.code) : block.code);
  const ran =
    block.lang === 'ts'
      ? await run(process.execPath, [require.resolve('tsx/cli'), file], env)
      : await run(python as string, [file], env);
  if (ran.code !== 0) throw new Error(`README.md:${block.line} exited ${ran.code}:\n${ran.stderr}`);
  return ran.stdout;
}

/** Imports stay on top; the rest runs in an async function (a CommonJS file has no top-level await). */
function asScript(code: string): string {
  const lines = code.split('\n');
  const imports = lines.filter((l) => /^import /.test(l));
  const body = lines.filter((l) => !/^import /.test(l));
  return `${imports.join('\n')}\n(async () => {\n${body.join('\n')}\n})().catch((e) => {\n  console.error(e);\n  process.exit(1);\n});\n`;
}

async function runShell(block: Block): Promise<string> {
  const background: ChildProcess[] = [];
  let printed = '';
  try {
    for (const raw of block.code.split('\n')) {
      const line = raw.replace(/\s{2,}#.*$/, '').trim();
      if (line === '' || line.startsWith('#') || /^(export|npm) /.test(line)) continue;
      const job = /^kill %(\d+)$/.exec(line);
      if (job) {
        const child = background[Number(job[1]) - 1];
        if (!child) throw new Error(`README.md:${block.line}: \`${line}\` names no job`);
        const exited = new Promise((r) => (ended(child) ? r(0) : child.once('exit', r)));
        killGroup(child, 'SIGTERM');
        await exited;
        continue;
      }
      if (line.endsWith('&')) {
        // Its own process group, as a shell's job: `kill %N` signals every process of it.
        const child = spawn('bash', ['-c', line.slice(0, -1)], {
          cwd: REPO_ROOT,
          env,
          detached: true,
        });
        background.push(child);
        let out = '';
        child.stdout.on('data', (c: Buffer) => ((out += c.toString()), (printed += c.toString())));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        await eventually(() => out.length > 0 || ended(child), 60_000, line);
        continue;
      }
      const ran = await run('bash', ['-c', line], env);
      if (ran.code !== 0)
        throw new Error(`README.md:${block.line}: \`${line}\` exited ${ran.code}:\n${ran.stderr}`);
      printed += ran.stdout;
    }
    // Every background command ends within its block: on its own (--max-events) or by `kill %N`.
    await eventually(
      () => background.every(ended),
      30_000,
      `the background commands of README.md:${block.line} to end`,
    );
    return printed;
  } finally {
    for (const child of background) if (!ended(child)) killGroup(child, 'SIGKILL');
  }
}

/** Exited, or killed by a signal (exitCode stays null then). */
const ended = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // already gone
  }
}

/**
 * Plants a mutation (tools/mutations.ts) in a scratch copy of libs/raft/src and loads it, so
 * a planted bug never touches the real source or the production code paths.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as raft from '../src';
import type { Edit, Mutation } from './mutations';

export const SRC_DIR = path.resolve(__dirname, '../src');

/** Applies `edits` to `text` of `file`; each `find` must occur exactly once. */
export function applyEdits(file: string, text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.file !== file) continue;
    const at = out.indexOf(e.find);
    if (at < 0 || out.indexOf(e.find, at + 1) >= 0) {
      throw new Error(`mutation edit of ${file} must match exactly once: ${e.find}`);
    }
    out = out.slice(0, at) + e.replace + out.slice(at + e.find.length);
  }
  return out;
}

/** Checks that every edit of `m` applies to the current source (throws if not). */
export function checkApplies(m: Mutation): void {
  for (const file of new Set(m.edits.map((e) => e.file))) {
    applyEdits(file, fs.readFileSync(path.join(SRC_DIR, file), 'utf8'), m.edits);
  }
}

/** Copies src/ to a fresh scratch directory with `m` planted; returns the directory. */
export function plant(m: Mutation, root = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(root, `raft-mutant-${m.name}-`));
  fs.cpSync(SRC_DIR, dir, { recursive: true });
  for (const file of new Set(m.edits.map((e) => e.file))) {
    const p = path.join(dir, file);
    fs.writeFileSync(p, applyEdits(file, fs.readFileSync(p, 'utf8'), m.edits));
  }
  return dir;
}

/** Loads the library from a planted copy (its own module instances: nothing is shared). */
export function load(dir: string): typeof raft {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(dir, 'index.ts')) as typeof raft;
}

export function remove(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

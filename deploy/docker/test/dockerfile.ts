/** The Dockerfile read as stages of instructions, for tests that check what it says. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DOCKERFILE = path.join(__dirname, '../Dockerfile');

export interface Instruction {
  op: string;
  args: string;
}
export interface Stage {
  from: string;
  name?: string;
  body: Instruction[];
}

/** Instructions with continuation lines joined and comments dropped. */
export function instructions(text: string): Instruction[] {
  const lines = text.split('\n').filter((l) => !/^\s*#/.test(l));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

export function stages(all: Instruction[]): { args: Record<string, string>; stages: Stage[] } {
  const args: Record<string, string> = {};
  const out: Stage[] = [];
  for (const i of all) {
    if (i.op === 'FROM') {
      const [from, as, name] = i.args.split(/\s+/);
      out.push({ from: from!, ...(as?.toUpperCase() === 'AS' && { name }), body: [] });
    } else if (out.length === 0 && i.op === 'ARG') {
      const [k, v] = i.args.split('=');
      args[k!] = v ?? '';
    } else out.at(-1)?.body.push(i);
  }
  return { args, stages: out };
}

export const parsed = stages(instructions(fs.readFileSync(DOCKERFILE, 'utf8')));
export const runtime = parsed.stages.at(-1)!;
export const byName = (name: string) => parsed.stages.find((s) => s.name === name);
export const expand = (image: string) =>
  image.replace(/\$\{(\w+)\}/g, (_, k) => parsed.args[k] ?? '');
/** The base image a stage starts from, through the stages it builds on. */
export function baseOf(stage: Stage): string {
  const from = expand(stage.from);
  const parent = byName(from);
  return parent ? baseOf(parent) : from;
}
export const ops = (stage: Stage, op: string) =>
  stage.body.filter((i) => i.op === op).map((i) => i.args);

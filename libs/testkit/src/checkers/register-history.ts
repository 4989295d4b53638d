/**
 * The history of a coordination register workload: reads, writes and compare-and-set on a few
 * keys, one operation per JSON line, as the fault suite records it and `checkLinearizable`
 * (linearizability.ts) reads it.
 *
 * Every operation carries the process that ran it and its invoke/complete times on any monotonic
 * clock (milliseconds since the run began, or the index of the event in the run). The checker
 * takes only real-time order from them: `a` precedes `b` when `a.complete < b.invoke`; equal
 * times count as concurrent, so a coarse clock can only hide a violation, never invent one.
 *
 * Outcomes follow Jepsen/Knossos:
 * - `ok`: the operation happened, with the recorded result (a read's `value`; a successful cas).
 * - `fail`: the operation definitely did not happen (refused, or a cas whose expected value did
 *   not match); the checker leaves it out.
 * - `info`: unknown (a timeout, a lost connection). It may have taken effect at any point after
 *   its invocation — even long after the client gave up — or never. `complete` is ignored.
 *
 * Values are JSON scalars; `null` is the value of an absent key (the register's initial value
 * unless the check says otherwise).
 */

export type RegisterValue = string | number | boolean | null;
export type RegisterOutcome = 'ok' | 'fail' | 'info';

interface RegisterOpBase {
  /** The client that ran the operation (one operation at a time per process, usually). */
  process: string | number;
  key: string;
  invoke: number;
  /** Required for `ok` and `fail`; ignored for `info`. */
  complete?: number;
  outcome: RegisterOutcome;
}

export interface ReadOp extends RegisterOpBase {
  op: 'read';
  /** With `ok`: the value the read returned (`null`: the key was absent). */
  value?: RegisterValue;
}

export interface WriteOp extends RegisterOpBase {
  op: 'write';
  value: RegisterValue;
}

export interface CasOp extends RegisterOpBase {
  op: 'cas';
  expected: RegisterValue;
  new: RegisterValue;
}

export type RegisterOp = ReadOp | WriteOp | CasOp;

function isValue(v: unknown): v is RegisterValue {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** Checks one decoded JSON object and returns it as an operation; throws saying what is wrong. */
export function parseRegisterOp(raw: unknown): RegisterOp {
  const fail = (why: string): never => {
    throw new Error(`bad register operation ${JSON.stringify(raw)}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const o = raw as Record<string, unknown>;
  if (typeof o.process !== 'string' && typeof o.process !== 'number') fail('process');
  if (typeof o.key !== 'string') fail('key');
  if (!['ok', 'fail', 'info'].includes(o.outcome as string)) fail('outcome');
  if (typeof o.invoke !== 'number' || !Number.isFinite(o.invoke)) fail('invoke');
  if (o.outcome !== 'info') {
    if (typeof o.complete !== 'number' || !Number.isFinite(o.complete)) fail('complete');
    if ((o.complete as number) < (o.invoke as number)) fail('completes before it is invoked');
  }
  switch (o.op) {
    case 'read':
      // A read that happened must say what it saw; `undefined` is not a value.
      if (o.outcome === 'ok' && !isValue(o.value)) fail('an ok read needs a value');
      break;
    case 'write':
      if (!isValue(o.value)) fail('value');
      break;
    case 'cas':
      if (!isValue(o.expected) || !isValue(o.new)) fail('expected/new');
      break;
    default:
      fail('op must be read, write or cas');
  }
  return o as unknown as RegisterOp;
}

/** Parses a JSON-lines history (blank lines skipped). */
export function parseRegisterHistory(text: string): RegisterOp[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseRegisterOp(JSON.parse(line)));
}

/** One operation as a person reads it: `p1 cas 1→2 ok [10, 14]`. */
export function describeOp(op: RegisterOp): string {
  const v = (x: RegisterValue | undefined): string => JSON.stringify(x ?? null);
  const what =
    op.op === 'read'
      ? `read${op.outcome === 'ok' ? ` → ${v(op.value)}` : ''}`
      : op.op === 'write'
        ? `write ${v(op.value)}`
        : `cas ${v(op.expected)}→${v(op.new)}`;
  const when = op.outcome === 'info' ? `[${op.invoke}, …)` : `[${op.invoke}, ${op.complete}]`;
  return `${op.process} ${what} ${op.outcome} ${when}`;
}

/**
 * The sequential specification the linearizability checker tests against: one register holding
 * a value, with read, write and compare-and-set.
 *
 * The checker's search runs the model millions of times, so values are interned to small
 * integers per key and a step is a few integer comparisons. Interning compares values by their
 * JSON text, so `1` and `"1"` stay distinct.
 */
import type { RegisterOp, RegisterValue } from './register-history';

/** Returned by `stepRegister` when the operation cannot happen in the given state. */
export const IMPOSSIBLE = -1;
/** The id of a value nothing in the history writes: no state ever equals it. */
const UNWRITTEN = -2;

export const READ = 0;
export const WRITE = 1;
export const CAS = 2;

/** One operation compiled for the model: `a` is a read's or write's value, or a cas's expected. */
export interface RegisterStep {
  kind: typeof READ | typeof WRITE | typeof CAS;
  a: number;
  /** A cas's new value. */
  b: number;
  /** Outcome unknown: the operation's own result is not evidence. */
  info: boolean;
}

/** Interns the values one key's register can hold. */
export class RegisterValues {
  private readonly ids = new Map<string, number>();
  private readonly values: RegisterValue[] = [];

  /** The id of a value the register can hold, adding it. */
  add(value: RegisterValue): number {
    const text = JSON.stringify(value);
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(text, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of a value if some write can produce it, else one that matches no state. */
  lookup(value: RegisterValue | undefined): number {
    return this.ids.get(JSON.stringify(value ?? null)) ?? UNWRITTEN;
  }

  has(value: RegisterValue | undefined): boolean {
    return this.lookup(value) !== UNWRITTEN;
  }

  value(id: number): RegisterValue {
    return this.values[id];
  }
}

/**
 * Compiles a key's operations (no `fail`s, no `info` reads: the checker drops those) against
 * the values that key's register can hold: the initial value and every value written.
 */
export function compileSteps(
  ops: readonly RegisterOp[],
  initial: RegisterValue,
): { values: RegisterValues; initialState: number; steps: RegisterStep[] } {
  const values = new RegisterValues();
  const initialState = values.add(initial);
  for (const op of ops) {
    if (op.op === 'write') values.add(op.value);
    else if (op.op === 'cas') values.add(op.new);
  }
  const steps = ops.map((op): RegisterStep => {
    const info = op.outcome === 'info';
    if (op.op === 'read') return { kind: READ, a: values.lookup(op.value), b: 0, info };
    if (op.op === 'write') return { kind: WRITE, a: values.lookup(op.value), b: 0, info };
    return { kind: CAS, a: values.lookup(op.expected), b: values.lookup(op.new), info };
  });
  return { values, initialState, steps };
}

/**
 * The register's state after `step` in `state`, or IMPOSSIBLE.
 *
 * An `info` operation is modelled as having taken effect here; "never took effect" needs no
 * case of its own, because the checker gives it no deadline and it can always be placed after
 * everything else, where nothing observes it. An `info` cas that finds another value fails
 * without effect, which is always possible.
 */
export function stepRegister(state: number, step: RegisterStep): number {
  switch (step.kind) {
    case READ:
      return state === step.a ? state : IMPOSSIBLE;
    case WRITE:
      return step.a;
    case CAS:
      if (state === step.a) return step.b;
      return step.info ? state : IMPOSSIBLE;
  }
}

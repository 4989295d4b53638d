/** Option parsers shared by commands; each error says what was expected. */

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`'${value}' is not a positive integer`);
  return n;
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`'${value}' is not a non-negative integer`);
  return n;
}

export function parseRatio(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new Error(`'${value}' is not a ratio in [0, 1)`);
  return n;
}

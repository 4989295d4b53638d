// Invariant checks that stay on in production (TigerBeetle style): a failed assertion is a
// programmer error, so it throws and the process crashes rather than diverging from its peers.
// Operating errors (bad requests) are never asserted: they are `CoordError` values.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(`coord-state invariant violated: ${message}`);
}

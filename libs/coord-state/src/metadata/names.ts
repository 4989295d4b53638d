// Names of topics and consumer groups: Kafka's rule, so names move between the two unchanged.

import { type CoordError, coordError } from '../errors';

const NAME = /^[A-Za-z0-9._-]{1,249}$/;

export function checkName(name: unknown, what: 'topic' | 'group'): CoordError | undefined {
  if (typeof name !== 'string' || name.length === 0)
    return coordError('INVALID_NAME', `a ${what} name is required`);
  if (name === '.' || name === '..')
    return coordError('INVALID_NAME', `'${name}' cannot be a ${what} name`);
  if (!NAME.test(name))
    return coordError(
      'INVALID_NAME',
      `${what} name '${name.slice(0, 260)}' must be 1 to 249 characters of A-Z a-z 0-9 . _ -`,
    );
  return undefined;
}

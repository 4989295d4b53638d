// Topic configuration: the keys a topic may override, their defaults and their valid values.
// Unknown keys are refused rather than stored, so a typo ("retention.msec") fails loudly.

import { type CoordError, coordError } from '../errors';

/** Largest record batch a topic may allow: the gRPC message limit. */
export const MAX_MESSAGE_BYTES_LIMIT = 16 * 1024 * 1024;

interface KeySpec {
  default: string;
  check(value: string, replicationFactor: number): string | undefined;
}

function integer(min: number, max: number) {
  return (value: string): string | undefined => {
    const n = Number(value);
    return /^-?\d+$/.test(value) && Number.isSafeInteger(n) && n >= min && n <= max
      ? undefined
      : `an integer from ${min} to ${max}`;
  };
}

const oneOf =
  (...allowed: string[]) =>
  (value: string): string | undefined =>
    allowed.includes(value) ? undefined : `one of ${allowed.join(', ')}`;

export const TOPIC_CONFIG_KEYS: Readonly<Record<string, KeySpec>> = {
  // -1 = keep forever.
  'retention.ms': { default: String(7 * 24 * 3600 * 1000), check: integer(-1, 2 ** 53 - 1) },
  'retention.bytes': { default: '-1', check: integer(-1, 2 ** 53 - 1) },
  'cleanup.policy': { default: 'delete', check: oneOf('delete', 'compact') },
  'min.insync.replicas': {
    default: '1',
    check: (value, rf) =>
      integer(1, rf)(value) && `an integer from 1 to the replication factor ${rf}`,
  },
  'max.message.bytes': { default: String(1024 * 1024), check: integer(1, MAX_MESSAGE_BYTES_LIMIT) },
  'unclean.leader.election': { default: 'false', check: oneOf('true', 'false') },
};

/** Checks overrides against the keys and, where it matters, the replication factor. */
export function checkTopicConfigs(
  configs: Readonly<Record<string, string>>,
  replicationFactor: number,
): CoordError | undefined {
  for (const [key, value] of Object.entries(configs)) {
    const spec = TOPIC_CONFIG_KEYS[key];
    if (spec === undefined)
      return coordError(
        'INVALID_CONFIG',
        `unknown topic config '${key}'; known: ${Object.keys(TOPIC_CONFIG_KEYS).join(', ')}`,
      );
    const wanted = typeof value === 'string' ? spec.check(value, replicationFactor) : 'a string';
    if (wanted !== undefined)
      return coordError(
        'INVALID_CONFIG',
        `topic config ${key}=${String(value)}: must be ${wanted}`,
      );
  }
  return undefined;
}

/** A config value: the override if set, else the default. */
export function topicConfig(configs: Readonly<Record<string, string>>, key: string): string {
  const spec = TOPIC_CONFIG_KEYS[key];
  if (spec === undefined) throw new Error(`unknown topic config ${key}`);
  return configs[key] ?? spec.default;
}

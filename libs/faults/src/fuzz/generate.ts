// Adversarial request bodies for one RPC, from its request type's reflection and a seed: random
// bytes, valid protobufs with extreme values (limits of every integer type, empty and huge
// strings, deep paths, unknown enum numbers, NaN), those same encodings mutated (bytes flipped,
// cut short), and valid messages with one repeated field 10^5–10^6 entries long. Pure: the same
// seed gives the same bytes, so a failing request is reproduced from the campaign's seed.
import * as protobuf from 'protobufjs';
import type { Xoshiro128 } from '@tributary/raft';

export type Kind = 'random-bytes' | 'extreme' | 'mutated' | 'huge-repeated';

/** A kind drawn with these weights: huge requests are costly to build, so they are rare. */
const WEIGHTS: ReadonlyArray<readonly [Kind, number]> = [
  ['random-bytes', 30],
  ['extreme', 44],
  ['mutated', 25],
  ['huge-repeated', 1],
];

export function drawKind(random: Xoshiro128): Kind {
  let n = random.int(100);
  for (const [kind, weight] of WEIGHTS) if ((n -= weight) < 0) return kind;
  return 'extreme';
}

/** Requests above this are not built (the servers' limit is 16 MiB; beyond that is one test). */
const BODY_BYTES_MAX = 8 * 1024 * 1024;
const DEPTH_MAX = 4;

const pick = <T>(random: Xoshiro128, xs: readonly T[]): T => xs[random.int(xs.length)]!;

/** One request body of `kind` for messages of `type`. */
export function requestBody(type: protobuf.Type, kind: Kind, random: Xoshiro128): Buffer {
  switch (kind) {
    case 'random-bytes':
      return randomBytes(random, pick(random, [0, 1, 7, 64, 512, 4096]));
    case 'extreme':
      return encode(type, message(type, random, 0));
    case 'mutated':
      return mutate(encode(type, message(type, random, 0)), random);
    case 'huge-repeated':
      return hugeRepeated(type, random);
  }
}

function encode(type: protobuf.Type, value: Record<string, unknown>): Buffer {
  const bytes = Buffer.from(type.encode(value).finish());
  return bytes.length > BODY_BYTES_MAX ? bytes.subarray(0, BODY_BYTES_MAX) : bytes;
}

function randomBytes(random: Xoshiro128, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = random.int(256);
  return out;
}

/**
 * A message with each field present or not, every present one an extreme value; `small` (an
 * entry of a list, or inside one) leaves the huge values out.
 */
function message(
  type: protobuf.Type,
  random: Xoshiro128,
  depth: number,
  small = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (random.float() < 0.35) continue;
    if (field instanceof protobuf.MapField) {
      const entries: Record<string, unknown> = {};
      for (let n = pick(random, [0, 1, 3, 50]); n > 0; n--)
        entries[mapKey(field.keyType, random)] = value(field, random, depth, true);
      out[field.name] = entries;
    } else if (field.repeated) {
      // Long lists only at the top: nested ones multiply.
      const n = pick(random, depth === 0 ? [0, 1, 2, 10, 200] : [0, 1, 2]);
      out[field.name] = Array.from({ length: n }, () => value(field, random, depth, true));
    } else out[field.name] = value(field, random, depth, small);
  }
  return out;
}

function mapKey(keyType: string, random: Xoshiro128): string {
  if (keyType === 'string') return pick(random, SMALL_STRINGS)(random);
  return String(pick(random, [0, 1, -1, 2_147_483_647]));
}

/** One value for `field`; `small` (repeated and map entries) leaves out the huge ones. */
function value(field: protobuf.Field, random: Xoshiro128, depth: number, small: boolean): unknown {
  const t = field.resolvedType;
  if (t instanceof protobuf.Type)
    return depth >= DEPTH_MAX ? {} : message(t, random, depth + 1, small);
  if (t instanceof protobuf.Enum) {
    const known = Object.values(t.values);
    return pick(random, [...known, 999, -1, 2_147_483_647]);
  }
  switch (field.type) {
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return pick(random, [0, 1, -1, 2_147_483_647, -2_147_483_648, random.int(1000)]);
    case 'uint32':
    case 'fixed32':
      return pick(random, [0, 1, 4_294_967_295, random.int(1000)]);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return pick(random, [0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 62]);
    case 'uint64':
    case 'fixed64':
      return pick(random, [0, 1, Number.MAX_SAFE_INTEGER, 2 ** 63]);
    case 'bool':
      return random.int(2) === 1;
    case 'double':
    case 'float':
      return pick(random, [0, -0, NaN, Infinity, -Infinity, 1e308, -1e-308]);
    case 'bytes':
      return randomBytes(random, big(random, small) ? 200_000 : pick(random, [0, 1, 16, 1024]));
    default:
      return pick(random, big(random, small) ? HUGE_STRINGS : SMALL_STRINGS)(random);
  }
}

/** One value in twenty is huge, outside lists: they cost the most to build and to send. */
const big = (random: Xoshiro128, small: boolean) => !small && random.int(20) === 0;

/** Names, paths and text as an attacker writes them. */
const SMALL_STRINGS: ReadonlyArray<(random: Xoshiro128) => string> = [
  () => '',
  () => '/',
  () => '.',
  () => '..',
  () => '/a/../b',
  () => '\u0000',
  () => '%s%n%x',
  (random) => `/fuzz/${random.int(1_000_000)}`,
  (random) => `fuzz-${random.int(1_000)}`,
  (random) => randomBytes(random, 1 + random.int(40)).toString('latin1'),
];
const HUGE_STRINGS: ReadonlyArray<(random: Xoshiro128) => string> = [
  () => 'x'.repeat(70_000),
  () => '/d'.repeat(2_000),
  () => '\u{1F4A9}'.repeat(100),
];

/** The encoding with a few bytes changed, cut short, or with junk appended. */
function mutate(bytes: Buffer, random: Xoshiro128): Buffer {
  if (bytes.length === 0) return randomBytes(random, 8);
  const out = Buffer.from(bytes);
  switch (random.int(3)) {
    case 0:
      for (let n = 1 + random.int(4); n > 0; n--) out[random.int(out.length)] = random.int(256);
      return out;
    case 1:
      return out.subarray(0, random.int(out.length));
    default:
      return Buffer.concat([out, randomBytes(random, 1 + random.int(16))]);
  }
}

/** A message whose one repeated scalar field holds 10^5–10^6 entries (or 10^4 of a message). */
function hugeRepeated(type: protobuf.Type, random: Xoshiro128): Buffer {
  const repeated = type.fieldsArray.filter((f) => f.repeated && !(f instanceof protobuf.MapField));
  if (repeated.length === 0) return encode(type, message(type, random, 0));
  const field = pick(random, repeated);
  const isMessage = field.resolvedType instanceof protobuf.Type;
  const n = isMessage ? 10_000 : pick(random, [100_000, 1_000_000]);
  const one = isMessage ? {} : value(field, random, DEPTH_MAX, true);
  const body = { [field.name]: Array.from({ length: n }, () => one) };
  return encode(type, body);
}

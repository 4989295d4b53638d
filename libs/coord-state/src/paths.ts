// Path and payload rules of the node tree (DESIGN §3): absolute, `/`-separated, no trailing `/`,
// no empty, `.` or `..` segments, segments of [A-Za-z0-9._:-], at most 1024 bytes; data at most
// 1 MiB. `/tributary` and everything below it is reserved for cluster metadata: plain client
// commands may read it but only commands the shell marks `internal` may write it.

import { type CoordError, coordError } from './errors';

export const PATH_BYTES_MAX = 1024;
export const DATA_BYTES_MAX = 1024 * 1024;
export const ROOT_PATH = '/';
export const RESERVED_ROOT = '/tributary';
export const LOCKS_ROOT = '/tributary/locks';
export const SEQUENCE_DIGITS = 10;
export const SEQUENCE_MAX = 9_999_999_999;

const SEGMENT_CHARS = /^[A-Za-z0-9._:-]+$/;
const BAD_CHAR = /[^A-Za-z0-9._:-]/;
const ALLOWED = 'segments are [A-Za-z0-9._:-]+, not "." or ".."';

/** Returns why `path` is not a valid absolute node path, or undefined if it is. */
export function checkPath(path: unknown): CoordError | undefined {
  if (typeof path !== 'string') return coordError('INVALID_PATH', 'path must be a string');
  if (path.length === 0) {
    return coordError('INVALID_PATH', "path is empty; paths are absolute, e.g. '/app/config'");
  }
  if (path.charCodeAt(0) !== 0x2f) {
    return coordError(
      'INVALID_PATH',
      `path '${clip(path)}' is not absolute; it must start with '/'`,
    );
  }
  // Every allowed character is ASCII, so once the characters pass, bytes === length; a string
  // longer than the limit in UTF-16 units is longer in UTF-8 bytes too.
  if (path.length > PATH_BYTES_MAX) {
    return coordError(
      'INVALID_PATH',
      `path of ${path.length} characters is too long; at most ${PATH_BYTES_MAX} bytes`,
    );
  }
  if (path.length === 1) return undefined;
  if (path.charCodeAt(path.length - 1) === 0x2f) {
    return coordError('INVALID_PATH', `path '${clip(path)}' ends with '/'; ${ALLOWED}`);
  }
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const problem = segmentProblem(segments[i]);
    if (problem !== undefined) {
      return coordError('INVALID_PATH', `path '${clip(path)}' ${problem}; ${ALLOWED}`);
    }
  }
  return undefined;
}

/** Checks a name that must be exactly one path segment (e.g. a lock name). */
export function checkSegment(name: unknown, what: string): CoordError | undefined {
  if (typeof name !== 'string') return coordError('INVALID_ARGUMENT', `${what} must be a string`);
  if (name.length > 255) {
    return coordError('INVALID_ARGUMENT', `${what} is ${name.length} characters; at most 255`);
  }
  const problem = segmentProblem(name);
  if (problem === undefined) return undefined;
  return coordError('INVALID_ARGUMENT', `${what} '${clip(name)}' ${problem}; ${ALLOWED}`);
}

function segmentProblem(segment: string): string | undefined {
  if (segment.length === 0) return 'has an empty segment';
  if (segment === '.' || segment === '..') return `has a relative segment '${segment}'`;
  if (SEGMENT_CHARS.test(segment)) return undefined;
  const bad = BAD_CHAR.exec(segment);
  return `has a segment '${clip(segment)}' with the character ${JSON.stringify(bad ? bad[0] : '?')}`;
}

/** Returns why `data` is not an acceptable node payload, or undefined. */
export function checkData(data: unknown): CoordError | undefined {
  if (!(data instanceof Uint8Array)) return coordError('INVALID_ARGUMENT', 'data must be bytes');
  if (data.length > DATA_BYTES_MAX) {
    return coordError(
      'DATA_TOO_LARGE',
      `data of ${data.length} bytes is too large; at most ${DATA_BYTES_MAX} bytes (1 MiB)`,
    );
  }
  return undefined;
}

export function isReserved(path: string): boolean {
  return path === RESERVED_ROOT || path.startsWith(RESERVED_ROOT + '/');
}

/** Parent of a valid non-root path. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i === 0 ? ROOT_PATH : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function childPath(parent: string, name: string): string {
  return parent === ROOT_PATH ? ROOT_PATH + name : parent + '/' + name;
}

/** True when `path` is `prefix` or below it (every path is below the root). */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === ROOT_PATH) return true;
  return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 0x2f);
}

export function formatSequence(n: number): string {
  return String(n).padStart(SEQUENCE_DIGITS, '0');
}

function clip(s: string): string {
  return s.length <= 80 ? s : s.slice(0, 77) + '...';
}

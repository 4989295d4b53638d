/**
 * Codecs of RecordBatch.records (the Compression enum of records.proto). The wire objects carry
 * the enum as its name (proto-loader `enums: String`); the log stores its number. Both lookups
 * are one property read, so the broker's hot path converts for free.
 */
import { constants as bufferConstants } from 'node:buffer';
import * as zlib from 'node:zlib';
import * as zstd from '@mongodb-js/zstd';
import * as lz4 from 'lz4-napi';
import { tributaryError } from '../errors';
import type { Compression__Output } from '../generated/tributary/broker/v1/Compression';

/** The stored form of the enum; COMPRESSION_UNSPECIFIED is stored as NONE. */
export const CompressionCode = { NONE: 1, GZIP: 2, ZSTD: 3, LZ4: 4 } as const;
export type CompressionCode = (typeof CompressionCode)[keyof typeof CompressionCode];

const MAX_LENGTH = bufferConstants.MAX_LENGTH;

// No prototype, so a name such as 'toString' is unknown rather than inherited.
const CODE_OF: Readonly<Record<string | number, CompressionCode>> = Object.assign(
  Object.create(null),
  {
    COMPRESSION_UNSPECIFIED: 1,
    COMPRESSION_NONE: 1,
    COMPRESSION_GZIP: 2,
    COMPRESSION_ZSTD: 3,
    COMPRESSION_LZ4: 4,
    0: 1,
    1: 1,
    2: 2,
    3: 3,
    4: 4,
  },
);

const NAME_OF: Readonly<Record<CompressionCode, Compression__Output>> = {
  1: 'COMPRESSION_NONE',
  2: 'COMPRESSION_GZIP',
  3: 'COMPRESSION_ZSTD',
  4: 'COMPRESSION_LZ4',
};

/**
 * The code of a wire value (name or number; unset = NONE). An enum number this build does not
 * know (proto-loader hands those over as numbers) is INVALID_ARGUMENT.
 */
export function compressionCode(c: string | number | undefined | null): CompressionCode {
  const code = c == null ? 1 : CODE_OF[c];
  if (code === undefined) {
    throw tributaryError(
      'INVALID_ARGUMENT',
      `unknown compression ${JSON.stringify(c)}; allowed: NONE, GZIP, ZSTD, LZ4`,
    );
  }
  return code;
}

/** The wire name of a stored code. */
export function compressionName(code: CompressionCode): Compression__Output {
  return NAME_OF[code];
}

/** Whether `compressSync`/`decompressSync` support the codec (ZSTD's binding is async only). */
export function hasSyncCodec(code: CompressionCode): boolean {
  return code !== CompressionCode.ZSTD;
}

export async function compress(code: CompressionCode, data: Buffer): Promise<Buffer> {
  switch (code) {
    case CompressionCode.NONE:
      return data;
    case CompressionCode.GZIP:
      return new Promise((resolve, reject) =>
        zlib.gzip(data, (err, out) => (err ? reject(err) : resolve(out))),
      );
    case CompressionCode.ZSTD:
      return zstd.compress(data, 3);
    case CompressionCode.LZ4:
      return lz4.compressFrame(data);
  }
}

/**
 * Decompresses `data`; output above `maxBytes` (a decompression bomb) or a payload the codec
 * refuses is CORRUPT_RECORD.
 */
export async function decompress(
  code: CompressionCode,
  data: Buffer,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Promise<Buffer> {
  if (code === CompressionCode.NONE) return data;
  let out: Buffer;
  try {
    if (code === CompressionCode.GZIP) {
      out = await new Promise<Buffer>((resolve, reject) =>
        zlib.gunzip(data, gunzipOptions(maxBytes), (err, res) =>
          err ? reject(err) : resolve(res),
        ),
      );
    } else if (code === CompressionCode.ZSTD) {
      out = await zstd.decompress(data);
    } else {
      out = await lz4.decompressFrame(data);
    }
  } catch (err) {
    throw corrupt(code, err);
  }
  return checkSize(code, out, maxBytes);
}

/** Synchronous variant for NONE, GZIP and LZ4 (see hasSyncCodec). */
export function compressSync(code: CompressionCode, data: Buffer): Buffer {
  switch (code) {
    case CompressionCode.NONE:
      return data;
    case CompressionCode.GZIP:
      return zlib.gzipSync(data);
    case CompressionCode.LZ4:
      return lz4.compressFrameSync(data);
    case CompressionCode.ZSTD:
      throw new Error('ZSTD has no synchronous codec; use compress()');
  }
}

/** Synchronous variant for NONE, GZIP and LZ4 (see hasSyncCodec); errors as decompress(). */
export function decompressSync(
  code: CompressionCode,
  data: Buffer,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Buffer {
  if (code === CompressionCode.NONE) return data;
  if (code === CompressionCode.ZSTD) {
    throw new Error('ZSTD has no synchronous codec; use decompress()');
  }
  let out: Buffer;
  try {
    out =
      code === CompressionCode.GZIP
        ? zlib.gunzipSync(data, gunzipOptions(maxBytes))
        : lz4.decompressFrameSync(data);
  } catch (err) {
    throw corrupt(code, err);
  }
  return checkSize(code, out, maxBytes);
}

// zlib stops early at maxOutputLength; the other bindings inflate whole, so they are checked after.
function gunzipOptions(maxBytes: number): zlib.ZlibOptions {
  return { maxOutputLength: Math.min(Math.max(1, maxBytes), MAX_LENGTH) };
}

function checkSize(code: CompressionCode, out: Buffer, maxBytes: number): Buffer {
  if (out.length > maxBytes) {
    throw tributaryError(
      'CORRUPT_RECORD',
      `${NAME_OF[code]} records inflate to more than ${maxBytes} bytes`,
    );
  }
  return out;
}

function corrupt(code: CompressionCode, err: unknown) {
  const why = err instanceof Error ? err.message : String(err);
  return tributaryError('CORRUPT_RECORD', `records do not decompress as ${NAME_OF[code]}: ${why}`);
}

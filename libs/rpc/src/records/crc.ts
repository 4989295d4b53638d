/** CRC-32C (Castagnoli), the checksum of RecordBatch.records (DESIGN §5); native, SSE4.2. */
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/** CRC-32C of `buf` as an unsigned 32-bit number, as a `fixed32` field carries it. */
export function crc32c(buf: Uint8Array): number {
  return nativeCrc32c(buf) >>> 0;
}

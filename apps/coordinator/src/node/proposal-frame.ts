/**
 * Raft entry data for a client command: `[origin node u32 BE][proposal seq f64 BE][command…]`.
 * Every replica applies every entry; the origin node recognises its own proposals by the frame
 * and answers the waiting client with the result.
 */
const HEADER_BYTES = 12;

export function frameProposal(origin: number, seq: number, command: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(HEADER_BYTES + command.length);
  out.writeUInt32BE(origin, 0);
  out.writeDoubleBE(seq, 4);
  out.set(command, HEADER_BYTES);
  return out;
}

export function unframeProposal(
  data: Uint8Array,
): { origin: number; seq: number; command: Uint8Array } | undefined {
  if (data.length < HEADER_BYTES) return undefined;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    origin: buf.readUInt32BE(0),
    seq: buf.readDoubleBE(4),
    command: buf.subarray(HEADER_BYTES),
  };
}

/**
 * Raft entry data for a client command:
 * `[origin node u32 BE][origin incarnation u32 BE][proposal seq f64 BE][command…]`.
 * Every replica applies every entry; the origin node recognises its own proposals by the frame
 * and answers the waiting client with the result. The incarnation (how many times the origin's
 * data directory has been opened) makes the id unique across restarts: an entry proposed before
 * a restart never answers a request made after it.
 */
const HEADER_BYTES = 16;

export interface ProposalId {
  origin: number;
  incarnation: number;
  seq: number;
}

export function frameProposal(id: ProposalId, command: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(HEADER_BYTES + command.length);
  out.writeUInt32BE(id.origin, 0);
  out.writeUInt32BE(id.incarnation, 4);
  out.writeDoubleBE(id.seq, 8);
  out.set(command, HEADER_BYTES);
  return out;
}

export function unframeProposal(
  data: Uint8Array,
): (ProposalId & { command: Uint8Array }) | undefined {
  if (data.length < HEADER_BYTES) return undefined;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    origin: buf.readUInt32BE(0),
    incarnation: buf.readUInt32BE(4),
    seq: buf.readDoubleBE(8),
    command: buf.subarray(HEADER_BYTES),
  };
}

import { assert } from './errors';
import type { ConfChange, ConfChangeType } from './types';

/**
 * Conf-change entry payload, 9 bytes: byte 0 = type (1 add-voter, 2 remove-node,
 * 3 add-learner), bytes 1..8 = node id as a little-endian float64.
 */
const CODES: Record<ConfChangeType, number> = {
  'add-voter': 1,
  'remove-node': 2,
  'add-learner': 3,
};
const TYPES: ConfChangeType[] = ['add-voter', 'remove-node', 'add-learner'];

export function encodeConfChange(cc: ConfChange): Uint8Array {
  const out = new Uint8Array(9);
  out[0] = CODES[cc.type];
  new DataView(out.buffer).setFloat64(1, cc.nodeId, true);
  return out;
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  assert(data.length === 9, `conf change payload has ${data.length} bytes, want 9`);
  const type = TYPES[(data[0] as number) - 1];
  assert(type !== undefined, `unknown conf change type ${data[0]}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { type, nodeId: view.getFloat64(1, true) };
}

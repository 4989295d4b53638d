// Shared by the snapshot image tests and the fixture writer: a small fixed state, a CRC-32C, and
// helpers that walk an image's frames.

import { crc32c } from '@node-rs/crc32';
import { type Command, CoordStateMachine } from '../src';

export const CRC = { crc32c: (b: Uint8Array): number => crc32c(b) };

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The state of the golden image (test/fixtures/snapshot-image-v1.hex, docs/snapshot-format.md):
 * a session, a node set once, an ephemeral child, a held lock, a deleted node, and a watch
 * history of 2 revisions (so compactRevision > 0).
 */
export function smallState(): CoordStateMachine {
  const sm = new CoordStateMachine({ watchHistoryRevisions: 2 });
  const cmds: Command[] = [
    { op: 'open-session', ttlMs: 5000 },
    {
      op: 'create',
      path: '/a',
      data: utf8('hi'),
      ephemeral: false,
      sequential: false,
      sessionId: 0,
    },
    { op: 'set', path: '/a', data: utf8('yo'), expectedVersion: 0 },
    {
      op: 'create',
      path: '/a/e',
      data: utf8(''),
      ephemeral: true,
      sequential: false,
      sessionId: 1,
    },
    { op: 'lock', name: '/l', sessionId: 1 },
    {
      op: 'create',
      path: '/b',
      data: utf8('x'),
      ephemeral: false,
      sequential: false,
      sessionId: 0,
    },
    { op: 'delete', path: '/b', expectedVersion: -1, recursive: false },
  ];
  cmds.forEach((cmd, i) => {
    const out = sm.apply(i + 1, cmd);
    if (!out.result.ok) throw new Error(`${cmd.op}: ${out.result.error.message}`);
  });
  return sm;
}

export interface FrameAt {
  at: number;
  type: number;
  length: number;
}

/** The frames of a well-formed image. */
export function frames(image: Uint8Array): FrameAt[] {
  const out: FrameAt[] = [];
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  let at = 12;
  while (at < image.length) {
    const length = dv.getUint32(at + 5);
    out.push({ at, type: image[at + 4], length });
    at += 9 + length;
  }
  return out;
}

/** Recomputes every frame's CRC, so a mutated body reaches the parser. */
export function reseal(image: Uint8Array): Uint8Array {
  const out = image.slice();
  const dv = new DataView(out.buffer);
  let at = 12;
  while (at + 9 <= out.length) {
    const end = Math.min(out.length, at + 9 + dv.getUint32(at + 5));
    dv.setUint32(at, crc32c(out.subarray(at + 4, end)));
    at = end;
  }
  return out;
}

/**
 * Files the programs read at run time (protos/, bin/trib.js) are found by walking up from the
 * code's own directory: the same answer from the TypeScript sources and from the bundle in
 * apps/cli/dist, which sit at different depths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `relative` under `from` or its nearest ancestor that has it; throws if none has. */
export function findUp(from: string, relative: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no ${relative} above ${from}`);
  }
}

/** Path plumbing shared by the coordination recipes (election, config map, service registry). */
import type { CoordinationClient } from './coordination-client';
import { fromCallError } from './errors';

/** Creates `path` and any missing ancestors as persistent, empty nodes; existing ones are kept. */
export async function ensurePath(client: CoordinationClient, path: string): Promise<void> {
  const segments = path.split('/').filter((s) => s.length > 0);
  for (let i = 1; i <= segments.length; i++) {
    await client.create(`/${segments.slice(0, i).join('/')}`).catch(ignore('NODE_EXISTS'));
  }
}

/** A rejection handler that swallows errors with one of `reasons` and rethrows the rest. */
export function ignore(...reasons: string[]): (error: unknown) => undefined {
  return (error) => {
    const err = fromCallError(error);
    if (err.reason === undefined || !reasons.includes(err.reason)) throw err;
    return undefined;
  };
}

/** `child` relative to `root` ("/a" and "/a/b/c" → "b/c"), or undefined if not below it. */
export function relativePath(root: string, child: string): string | undefined {
  const prefix = root === '/' ? '/' : `${root}/`;
  return child.startsWith(prefix) && child.length > prefix.length
    ? child.slice(prefix.length)
    : undefined;
}

export function joinPath(root: string, name: string): string {
  return root === '/' ? `/${name}` : `${root}/${name}`;
}

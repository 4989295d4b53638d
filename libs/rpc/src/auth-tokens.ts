/**
 * Bearer tokens (DESIGN §7), for clients that cannot present a certificate: `--auth-tokens FILE`
 * maps token → principal. The file holds only SHA-256 hashes, one token a line:
 *
 *     # principal   hash                  expiry (optional, ISO 8601)
 *     alice         sha256:9f86d08…       expires=2027-06-01T00:00:00Z
 *
 * Tokens are 32 random bytes (`trib token create` makes one and prints its line), so a plain
 * SHA-256 is enough: there is nothing to brute-force that a slow hash would protect. The file is
 * read again every `reloadMs`; a file that no longer parses keeps the previous table (and is
 * reported), so a half-written edit never locks everyone out.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

export const TOKEN_PREFIX = 'trib_';
const HASH_PREFIX = 'sha256:';

export interface TokenEntry {
  principal: string;
  /** `sha256:` + 64 hex digits. */
  hash: string;
  /** Milliseconds since the epoch after which the token is refused; undefined: never. */
  expiresAt: number | undefined;
}

/** A fresh token: `trib_` + 32 random bytes, base64url. Shown once; only its hash is kept. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return HASH_PREFIX + createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The line of `--auth-tokens` for `token`. */
export function tokenLine(principal: string, token: string, expiresAt?: number): string {
  const expiry = expiresAt === undefined ? '' : ` expires=${new Date(expiresAt).toISOString()}`;
  return `${principal} ${hashToken(token)}${expiry}`;
}

/** Parses the file's text; throws naming the first bad line. */
export function parseTokenFile(text: string, file: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const bad = (what: string) =>
      new Error(
        `--auth-tokens ${file}:${i + 1}: ${what}; a line is \`principal sha256:<64 hex> [expires=<ISO time>]\``,
      );
    const [principal, hash, expiry, ...rest] = line.split(/\s+/);
    if (rest.length > 0 || !principal || !hash) throw bad('expected two or three fields');
    if (!/^sha256:[0-9a-f]{64}$/.test(hash))
      throw bad(`'${hash.slice(0, 80)}' is not a sha256: hash (tokens are never stored in clear)`);
    if (seen.has(hash)) throw bad('the same token hash is listed twice');
    seen.add(hash);
    let expiresAt: number | undefined;
    if (expiry !== undefined) {
      expiresAt = expiry.startsWith('expires=') ? Date.parse(expiry.slice(8)) : NaN;
      if (Number.isNaN(expiresAt)) throw bad(`'${expiry.slice(0, 80)}' is not expires=<ISO time>`);
    }
    entries.push({ principal, hash, expiresAt });
  });
  return entries;
}

export type TokenCheck = { principal: string } | { refused: string };

/** The tokens of one `--auth-tokens` file, kept current. */
export class TokenTable {
  private byHash = new Map<string, TokenEntry>();
  private readonly timer: NodeJS.Timeout | undefined;

  /** Reads the file now (throws on a bad one: start-up stops), then every `reloadMs`. */
  constructor(
    readonly file: string,
    reloadMs: number,
    private readonly onReloadError: (error: Error) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.load();
    if (reloadMs > 0) {
      this.timer = setInterval(() => this.reload(), reloadMs);
      this.timer.unref();
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Reads the file again; on failure keeps the current table. */
  reload(): void {
    try {
      this.load();
    } catch (error) {
      this.onReloadError(error as Error);
    }
  }

  check(token: string): TokenCheck {
    const entry = this.byHash.get(hashToken(token));
    if (!entry) return { refused: 'unknown bearer token' };
    if (entry.expiresAt !== undefined && this.now() >= entry.expiresAt)
      return {
        refused: `the bearer token of '${entry.principal}' expired at ${new Date(entry.expiresAt).toISOString()}: issue a new one with trib token create`,
      };
    return { principal: entry.principal };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      throw new Error(`--auth-tokens ${this.file}: ${(error as Error).message}`);
    }
    this.byHash = new Map(parseTokenFile(text, this.file).map((e) => [e.hash, e]));
  }
}

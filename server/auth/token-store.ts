// API tokens in the store: made, listed, revoked, and found from a request's secret.
import type { Database } from '../db/index.js';
import { isRole, type Caller, type Role } from './roles.js';
import { hashToken, newTokenSecret, sameHash } from './token-secret.js';

export interface TokenInfo {
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

/** A token name: what the history shows as the author of every change made with it. */
export const TOKEN_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,79}$/u;

export class TokenError extends Error {
  override name = 'TokenError';
}

/** Makes a token; returns its secret, which is shown once and never stored. */
export async function createToken(db: Database, name: string, role: string, by: string): Promise<string> {
  if (!TOKEN_NAME.test(name))
    throw new TokenError(
      `token name ${JSON.stringify(name)} must be 1 to 80 letters, digits, spaces, ".", "_", "@" or "-", starting with a letter or digit (it names the author of every change made with it)`,
    );
  if (!isRole(role)) throw new TokenError(`role ${JSON.stringify(role)} must be reader, editor or admin`);
  const secret = newTokenSecret();
  const { rows } = await db.write('token-create', { name, role, hash: hashToken(secret), by });
  if (rows.length === 0)
    throw new TokenError(
      `a token named "${name}" exists already (names stay unique, even revoked, so the history stays clear); choose another name`,
    );
  return secret;
}

export async function listTokens(db: Database): Promise<TokenInfo[]> {
  return (await db.read('token-list')).map((r) => ({
    name: String(r.name),
    role: r.role as Role,
    createdAt: String(r.createdAt),
    createdBy: (r.createdBy as string | null) ?? null,
    revokedAt: (r.revokedAt as string | null) ?? null,
  }));
}

export async function revokeToken(db: Database, name: string): Promise<void> {
  const { rows } = await db.write('token-revoke', { name });
  if (rows.length === 0) throw new TokenError(`no token is named "${name}"; \`deep-labour token list\` shows them`);
}

/** The caller a secret stands for, or null when no unrevoked token has it. */
export async function findCaller(db: Database, secret: string): Promise<Caller | null> {
  const hash = hashToken(secret);
  const [row] = await db.read('token-find', { hash });
  if (!row || !sameHash(String(row.hash), hash) || !isRole(String(row.role))) return null;
  return { name: String(row.name), role: row.role as Role };
}

// Whether the store on a port takes its password yet: starting, locked after failed logins, refusing it, or ready; and a
// bounded wait for it. Shared by the launcher (it says "ready" only then) and the CLI and server (they wait for a starting store).
import type { Database } from './database.js';
import { DatabaseError } from './database-error.js';

/** What one login attempt said. */
export type StoreAnswer = 'ready' | 'starting' | 'locked' | 'refused';

/** Neo4j's codes for a refused login, and for one refused because the user is locked after too many failed ones. */
const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';
const LOCKED = 'Neo.ClientError.Security.AuthenticationRateLimit';

/** What a failed ping means, by Neo4j's error code (never its message); rethrows what is none of these. Pure. */
export function classifyPingError(error: unknown): Exclude<StoreAnswer, 'ready'> {
  if (!(error instanceof DatabaseError) || error.code !== 'DATABASE_UNAVAILABLE') throw error;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (code === LOCKED) return 'locked';
  if (code === UNAUTHORIZED) return 'refused';
  return 'starting';
}

export interface WaitOptions {
  /** How long to wait in all. */
  waitMs: number;
  /** Refused logins tried before the answer counts as final: Neo4j locks a user after 3 failed ones (then 'locked' for 5 s). */
  refusals?: number;
  /** Pause between attempts. */
  pauseMs?: number;
  log?: (line: string) => void;
  /** For the log lines: what is being waited for. */
  what: string;
}

/**
 * Pings until the store takes the password, and says what it found when it does not within `waitMs`: 'starting' (no
 * answer, or not the password yet), 'locked' (too many failed logins, by something else) or 'refused' (a refusal that
 * lasted: another database). A store that is starting takes its password seconds after it opens its port, so a few
 * refusals are waited through; a locked one is waited for until the bound, since Neo4j unlocks it by itself.
 */
export async function waitForStore(db: Database, options: WaitOptions): Promise<StoreAnswer> {
  const end = Date.now() + options.waitMs;
  const pause = options.pauseMs ?? 1_000;
  let refusals = 0;
  let said: StoreAnswer | undefined;
  for (;;) {
    let answer: StoreAnswer;
    try {
      await db.ping();
      return 'ready';
    } catch (e) {
      answer = classifyPingError(e);
    }
    if (answer === 'refused' && ++refusals >= (options.refusals ?? 2)) return 'refused';
    if (Date.now() + pause > end) return answer;
    if (answer !== said) {
      said = answer;
      options.log?.(
        answer === 'locked'
          ? `neo4j: ${options.what} has locked its user after too many failed logins (something on this machine tried wrong passwords); waiting for Neo4j to unlock it`
          : `neo4j: ${options.what} does not take its password yet (it may be starting); waiting up to ${Math.round(options.waitMs / 1000)} s`,
      );
    }
    // A refused login counts towards Neo4j's lock: wait longer after one.
    await new Promise((r) => setTimeout(r, answer === 'refused' ? pause * 3 : pause));
  }
}

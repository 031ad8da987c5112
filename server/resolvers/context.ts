// What every resolver receives.
import type { HeavyGate } from './heavy-gate.js';
import type { Caller } from '../auth/roles.js';
import type { Database } from '../db/index.js';

export interface Context {
  db: Database;
  /** Today's date as YYYY-MM-DD: the default `asOf`. */
  today: string;
  /** Where heavy queries (traversals, audits) wait for a place. */
  heavy: HeavyGate;
  /** Pools smaller than this have their size and pay withheld (0: off). */
  minPoolSize: number;
  /** Bookmarks the request's reads wait for (header Neo4j-Bookmarks); the answer cache is skipped when there are any. */
  bookmarks?: string[];
  /** How many investigations, and how many bytes of them, one token keeps (INVESTIGATION_QUOTA_COUNT, INVESTIGATION_QUOTA_KB). */
  investigationQuota?: { count: number; bytes: number };
  /** Who sent the request (from its bearer token); absent without one. */
  caller?: Caller;
  /** Takes more points from the caller's rate limit (server/api/rate-limit.ts): what its heavy fields cost; absent when the limit is off. */
  rateCharge?: (
    points: number,
  ) => Promise<{ allowed: boolean; limit: number; remaining: number; resetSeconds: number }>;
}

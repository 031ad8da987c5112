// Reads the environment once; every setting, its default, and a message that says how to fix it.
import { tmpdir } from 'node:os';

export interface Config {
  /** HTTP port of the server. */
  port: number;
  /** The interface the server listens on: loopback unless HOST says otherwise. */
  host: string;
  /** Host names the server answers to besides the loopback ones (DNS rebinding protection). */
  publicHosts: string[];
  /** An existing Neo4j to use; when absent the embedded one is started. */
  neo4j?: { uri: string; user?: string; password?: string; database?: string };
  embedded: {
    port: number;
    dataDir: string;
    heap: string;
    pageCache: string;
    txStateOffHeap: string;
    txTimeoutMs: number;
    readyWaitMs: number;
  };
  /** Server-side limit on each read transaction. */
  queryTimeoutMs: number;
  /** The limit on each read of `deep-labour audit`: its audit-facts query alone takes 20-60 s to plan on a cold, busy store. */
  auditTimeoutMs: number;
  /** Server-side limit on each write transaction (an import of a large dataset is one). */
  writeTimeoutMs: number;
  /** Rows per statement when importing; unset: the import's own sizes (1,000 per look-up or merge, 10,000 per batch of new rows). */
  batchSize?: number;
  /** Worker pools known to be smaller than this have their size and pay withheld everywhere (0 turns it off). */
  minPoolSize: number;
  /** Heavy queries (traversals, audits) at once, and how long another waits for a place before SERVER_BUSY. */
  heavyQueries: number;
  heavyQueryWaitMs: number;
  /** Whole answers to read queries kept in memory, keyed by the store's version (0 MB: off), and their longest life. */
  responseCache: { megabytes: number; ttlSeconds: number };
  /** Points per window each token (or address without one) may spend on the API; a request costs 1, a heavy field `heavyCost` (0 points: off). */
  rateLimit: { points: number; windowSeconds: number; heavyCost: number };
  /** Saved investigations one token keeps at most, and their bytes together. */
  investigationQuota: { count: number; bytes: number };
  /** Refuse reads without an API token (writes always need one). */
  readRequiresToken: boolean;
  /** GraphQL introspection (on by default: people explore this API). */
  introspection: boolean;
  /** Load the fixtures into an empty database at start-up. */
  loadFixtures: boolean;
  /** The built explorer (vite build) served at `/`. */
  clientDir: string;
  /** Where each committed change of verdict is POSTed, signed (server/feeds/verdict-webhook.ts); off when absent. */
  verdictWebhook?: VerdictWebhookConfig;
}

export interface VerdictWebhookConfig {
  url: string;
  secret: string;
  /** The explorer's address as the receiver's readers reach it, for the audit view's link. */
  explorerUrl: string;
  attempts: number;
  backoffMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The embedded store's largest heap. An import is one transaction, and Neo4j Community holds its changes on the heap
 * until the commit: a million generated links ran a 6 GB heap out of memory and imported with 10 GB (its old generation
 * reached 7.3 GB with 14 GB allowed; bench/HISTORY.md). The heap starts at 512 MB and grows only as an import needs it.
 */
export const DEFAULT_HEAP = '10g';

const SIZE = /^\d+[kmg]$/i;

/** Reads `env`; throws ConfigError naming the variable and what it must look like. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError(`config: NEO4J_URI must start with bolt://, bolt+s://, neo4j:// or neo4j+s://, got "${uri}"`);
  }
  const queryTimeoutMs = int(env, 'QUERY_TIMEOUT_MS', 15_000, 100, 600_000);
  const writeTimeoutMs = int(env, 'WRITE_TIMEOUT_MS', 1_800_000, 1_000, 86_400_000);
  const auditTimeoutMs = int(env, 'AUDIT_TIMEOUT_MS', 120_000, 100, 3_600_000);
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    publicHosts: (env.PUBLIC_HOST ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
    ...(uri
      ? {
          neo4j: {
            uri,
            user: env.NEO4J_USER ?? env.NEO4J_USERNAME ?? 'neo4j',
            ...(env.NEO4J_PASSWORD !== undefined ? { password: env.NEO4J_PASSWORD } : {}),
            ...(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {}),
          },
        }
      : {}),
    embedded: {
      // Not Neo4j's usual 7687, so that a developer's own Neo4j there is never mistaken for this store.
      port: int(env, 'NEO4J_BOLT_PORT', 7690, 1, 65535),
      dataDir: env.NEO4J_DATA_DIR?.trim() || '.data/neo4j',
      heap: size(env, 'NEO4J_HEAP', DEFAULT_HEAP),
      pageCache: size(env, 'NEO4J_PAGECACHE', '1g'),
      // The most memory outside the heap that open transactions may hold: an import of a large dataset is one.
      txStateOffHeap: size(env, 'NEO4J_TX_STATE_OFF_HEAP', '8g'),
      // Neo4j caps every transaction's own timeout at its global one: the global cap must allow the longest we ask for.
      txTimeoutMs: Math.max(queryTimeoutMs, writeTimeoutMs, auditTimeoutMs),
      // How long the CLI and the server wait for a store that is starting, or whose user is locked, before giving up.
      readyWaitMs: int(env, 'NEO4J_READY_WAIT_S', 60, 1, 3_600) * 1000,
    },
    queryTimeoutMs,
    auditTimeoutMs,
    writeTimeoutMs,
    ...(env.DEEP_LABOUR_BATCH_SIZE?.trim() ? { batchSize: int(env, 'DEEP_LABOUR_BATCH_SIZE', 1000, 1, 100_000) } : {}),
    minPoolSize: int(env, 'MIN_POOL_SIZE', 10, 0, 1_000_000),
    heavyQueries: int(env, 'HEAVY_QUERIES', 4, 1, 64),
    heavyQueryWaitMs: int(env, 'HEAVY_QUERY_WAIT_MS', 2_000, 1, 60_000),
    responseCache: {
      megabytes: int(env, 'RESPONSE_CACHE_MB', 64, 0, 65_536),
      ttlSeconds: int(env, 'RESPONSE_CACHE_TTL_S', 300, 1, 86_400),
    },
    rateLimit: {
      points: int(env, 'RATE_LIMIT_POINTS', 1200, 0, 1_000_000_000),
      windowSeconds: int(env, 'RATE_LIMIT_WINDOW_S', 60, 1, 86_400),
      heavyCost: int(env, 'RATE_LIMIT_HEAVY_COST', 5, 1, 1_000),
    },
    investigationQuota: {
      count: int(env, 'INVESTIGATION_QUOTA_COUNT', 200, 1, 100_000),
      bytes: int(env, 'INVESTIGATION_QUOTA_KB', 2048, 1, 1_048_576) * 1024,
    },
    readRequiresToken: bool(env, 'READ_REQUIRES_TOKEN', false),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', true),
    loadFixtures: bool(env, 'LOAD_FIXTURES', true),
    clientDir: env.CLIENT_DIR?.trim() || 'dist/client',
    ...verdictWebhook(env, int(env, 'PORT', 4000, 0, 65535)),
  };
}

function verdictWebhook(env: NodeJS.ProcessEnv, port: number): { verdictWebhook?: VerdictWebhookConfig } {
  const url = env.VERDICT_WEBHOOK_URL?.trim();
  if (!url) return {};
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url))
    throw new ConfigError(`config: VERDICT_WEBHOOK_URL must be an http:// or https:// address, got "${url}"`);
  const secret = env.VERDICT_WEBHOOK_SECRET?.trim() ?? '';
  if (secret.length < 16)
    throw new ConfigError(
      'config: VERDICT_WEBHOOK_SECRET must be set, at least 16 characters, when VERDICT_WEBHOOK_URL is: the receiver checks each POST with it (openssl rand -hex 32 makes one)',
    );
  const explorerUrl = (env.EXPLORER_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(explorerUrl) || !URL.canParse(explorerUrl))
    throw new ConfigError(`config: EXPLORER_URL must be an http:// or https:// address, got "${explorerUrl}"`);
  const backoffMs = int(env, 'VERDICT_WEBHOOK_BACKOFF_MS', 1_000, 1, 600_000);
  return {
    verdictWebhook: {
      url,
      secret,
      explorerUrl,
      attempts: int(env, 'VERDICT_WEBHOOK_ATTEMPTS', 8, 1, 50),
      backoffMs,
      backoffMaxMs: int(env, 'VERDICT_WEBHOOK_BACKOFF_MAX_MS', 300_000, backoffMs, 86_400_000),
      timeoutMs: int(env, 'VERDICT_WEBHOOK_TIMEOUT_MS', 10_000, 100, 600_000),
    },
  };
}

/** A scratch data directory, for tests and benchmarks. */
export function scratchDir(name: string): string {
  return `${tmpdir()}/deep-labour-${name}-${process.pid}-${Date.now()}`;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`config: ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!SIZE.test(raw)) throw new ConfigError(`config: ${name} must be a size such as 512m or 2g, got "${raw}"`);
  return raw.toLowerCase();
}
function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`config: ${name} must be true or false, got "${env[name]}"`);
}

// A bounded in-memory cache of whole answers to read queries (Apollo's response-cache plugin), keyed by the query, its
// variables, the day (answers without `asOf` are about today) and the store's version, which every import or removal
// changes: a popular view costs one tiny version read instead of its traversal, and no answer outlives the data it was read from.
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Database } from '../db/index.js';
import type { Context } from '../resolvers/index.js';
import { UNCACHED_FIELDS } from '../resolvers/field-policies.js';

export interface ResponseCacheOptions {
  /** Memory for cached answers, in MB (their JSON's length); 0 turns the cache off. */
  megabytes: number;
  /** An answer is dropped after this many seconds even if the store has not changed (a bound, not the freshness rule). */
  ttlSeconds: number;
  /** How long an identical request waits for the one being answered before asking the store itself (default 30 s). */
  singleFlightWaitMs?: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  megabytes: number;
}

/**
 * The store's version, read once for all the requests that ask at the same moment (a burst shares one query).
 * Null before the first import: nothing is cached then.
 */
export function createVersionReader(db: Database): () => Promise<string | null> {
  let inFlight: Promise<string | null> | null = null;
  return () => {
    inFlight ??= db.read('store-version').then(
      (rows) => {
        inFlight = null;
        return (rows[0]?.version as string | null | undefined) ?? null;
      },
      (e: unknown) => {
        inFlight = null;
        throw e;
      },
    );
    return inFlight;
  };
}

/** Root fields whose answers are never cached (declared in server/resolvers/field-policies.ts): saved investigations are not evidence, so saving one does not change the store's version. */
export { UNCACHED_FIELDS };

/** Whether an operation's answer may be cached: a query whose root selects only plain fields, none of them uncached. Pure. */
export function isCacheable(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation !== undefined &&
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && !UNCACHED_FIELDS.has(s.name.value))
  );
}

/**
 * How long an answer may be cached, decided once per request rather than per field: Apollo's cache-control plugin
 * makes every field of every answer pass through a hook (about a fifth of the time of a large answer), for hints this
 * API never sets. Apollo's per-field plugin is therefore always off (ApolloServerPluginCacheControlDisabled).
 */
function answerPolicy(ttlSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, overallCachePolicy }) {
          if (isCacheable(operation)) overallCachePolicy.replace({ maxAge: ttlSeconds });
        },
      };
    },
  };
}

/**
 * Identical cacheable requests that arrive while the first is still being answered wait for it (at most `waitMs`), then
 * are answered from the cache: without this, a slow question asked by many at once (a platform's scorecard opened by
 * a newsroom) ran once per asker, each slower for the others, until they timed out. The first one's answer decides:
 * if it could not be cached (an error), each waiter asks the store itself.
 */
function singleFlight(waitMs: number): ApolloServerPlugin<Context> {
  const inFlight = new Map<string, Promise<void>>();
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          if (!isCacheable(operation) || contextValue.bookmarks?.length) return null;
          const caller = contextValue.caller ? `${contextValue.caller.role}:${contextValue.caller.name}` : null;
          const key = JSON.stringify([
            request.query,
            request.operationName ?? null,
            request.variables ?? {},
            contextValue.today,
            caller,
          ]);
          const first = inFlight.get(key);
          if (first !== undefined) {
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([
              first,
              new Promise<void>((done) => {
                timer = setTimeout(done, waitMs);
              }),
            ]);
            clearTimeout(timer);
            return null;
          }
          let done!: () => void;
          inFlight.set(
            key,
            new Promise<void>((resolve) => {
              done = resolve;
            }),
          );
          release = () => {
            inFlight.delete(key);
            done();
          };
          return null;
        },
        // Also called when the answer is an error; the waiters then go on to ask the store. Released on the next turn of
        // the event loop: the cache's own plugin writes the answer after an await of its own in this same hook.
        async willSendResponse() {
          const free = release;
          release = undefined;
          if (free) setImmediate(free);
        },
      };
    },
  };
}

export function createResponseCache(
  db: Database,
  options: ResponseCacheOptions,
): { plugins: ApolloServerPlugin<Context>[]; stats(): CacheStats } {
  const cache = new InMemoryLRUCache<string>({ maxSize: Math.max(1, options.megabytes) * 2 ** 20 });
  const counts = { hits: 0, misses: 0 };
  const stats = (): CacheStats => ({ ...counts, entries: cache.keys().length, megabytes: options.megabytes });
  if (options.megabytes <= 0) return { plugins: [ApolloServerPluginCacheControlDisabled()], stats };
  const version = createVersionReader(db);
  const versionOf = new WeakMap<object, string | null>();
  const counter: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, metrics }) {
          if (operation?.operation !== 'query') return;
          if (metrics.responseCacheHit) counts.hits += 1;
          else counts.misses += 1;
        },
      };
    },
  };
  return {
    stats,
    plugins: [
      // A cacheable answer is kept for ttlSeconds; no HTTP cache headers, as a browser cannot see the store's version.
      ApolloServerPluginCacheControlDisabled(),
      answerPolicy(options.ttlSeconds),
      // Before the cache's own plugin: a waiter then finds the first one's answer there.
      singleFlight(options.singleFlightWaitMs ?? 30_000),
      responseCachePlugin<Context>({
        cache,
        async extraCacheKeyData(rc) {
          // A store that does not answer: no caching; the query itself will say what is wrong.
          const v = await version().catch(() => null);
          versionOf.set(rc.contextValue, v);
          // History and `me` answer differently per caller (changes waiting for review are for editors only).
          const caller = rc.contextValue.caller;
          return { version: v, today: rc.contextValue.today, caller: caller ? `${caller.role}:${caller.name}` : null };
        },
        // A request that waits for a write (bookmarks) reads the store itself: the version was read without them.
        shouldReadFromCache: async (rc) => versionOf.get(rc.contextValue) != null && !rc.contextValue.bookmarks?.length,
        shouldWriteToCache: async (rc) => versionOf.get(rc.contextValue) != null && !rc.contextValue.bookmarks?.length,
      }),
      counter,
    ],
  };
}

// The GraphQL endpoint: Apollo Server with depth, cost, alias and token limits, masked errors, no remote landing page.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { RequestHandler } from 'express';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { Database } from '../db/index.js';
import { findCaller } from '../auth/token-store.js';
import { bearerSecret } from '../auth/token-secret.js';
import type { Caller } from '../auth/roles.js';
import { apiError, formatError } from '../errors.js';
import { createHeavyGate } from '../resolvers/heavy-gate.js';
import { KnownOperationTypesRule } from './known-operation-types-rule.js';
import { checkBudget } from './request-budget.js';
import { gateCharge, rateHeaders, rateLimitedError } from './rate-limit.js';
import { createResponseCache, type CacheStats, type ResponseCacheOptions } from './response-cache.js';
import { resolvers, todayIso, type Context } from '../resolvers/index.js';
import { typeDefs } from '../schema/index.js';

/**
 * Refuses a document whose operation cannot be chosen (several without `operationName`, or a name it lacks) with a
 * coded 400 before any other plugin sees it, then checks the operation against the request budget (request-budget.ts).
 */
const requestBudgetPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) throw operationNotChosen(document, request.operationName);
        checkBudget(operation, document, request.variables ?? {});
      },
    };
  },
};

/**
 * Charges the request's heavy fields to the caller's rate limit, once the operation is known and before the answer
 * cache or any resolver runs (a cached answer costs the same): each costs `heavyCost` points, its request's one included.
 */
function rateLimitPlugin(heavyCost: number, windowSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue, response }) {
          if (!operation || !contextValue.rateCharge || heavyCost <= 1) return;
          const { heavy } = checkBudget(operation, document, request.variables ?? {});
          if (heavy === 0) return;
          const state = await contextValue.rateCharge(heavy * (heavyCost - 1));
          if (!state.allowed) throw rateLimitedError(state, windowSeconds, contextValue.caller !== undefined);
          for (const [name, value] of Object.entries(rateHeaders(state)))
            response.http.headers.set(name.toLowerCase(), value);
        },
      };
    },
  };
}

/** The error for a document whose operation is not chosen: which ones it holds and what to send. Pure. */
export function operationNotChosen(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const names = document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(unnamed)'] : [],
  );
  const listed =
    names
      .slice(0, 10)
      .map((n) => JSON.stringify(n))
      .join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  const message = operationName
    ? `This document has no operation named ${JSON.stringify(operationName)} (it holds ${listed}); send operationName naming one of them`
    : `This document holds ${names.length} operations (${listed}); send operationName naming the one to run, or send one operation per request`;
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

export interface GraphqlOptions {
  db: Database;
  /** At most this many heavy queries at once; others wait up to `heavyWaitMs`, then get SERVER_BUSY. */
  heavyQueries?: number;
  heavyWaitMs?: number;
  /** Pools smaller than this have their size and pay withheld (0: off). */
  minPoolSize?: number;
  introspection: boolean;
  /** Refuse requests without a token (READ_REQUIRES_TOKEN); writes always need one. */
  readRequiresToken?: boolean;
  /** Saved investigations one token keeps, and their bytes together. */
  investigationQuota?: { count: number; bytes: number };
  /** What a heavy field costs against the caller's rate limit, and the limit's window (rate-limit.ts); no extra cost when absent. */
  rateLimit?: { heavyCost: number; windowSeconds: number };
  /** The answer cache (response-cache.ts); off when absent. */
  responseCache?: ResponseCacheOptions;
  log?: (message: string, error: unknown) => void;
  /** Called after each mutation has answered (its transaction committed or rolled back); must return at once. */
  afterMutation?: () => void;
}

/** At most this many bookmarks in a Neo4j-Bookmarks header, each at most this long. */
export const BOOKMARK_LIMITS = { count: 16, length: 512 } as const;

/**
 * The bookmarks a request asks its reads to wait for (header `Neo4j-Bookmarks`, comma-separated, as the CLI prints
 * them after a write). A malformed header is refused with BAD_USER_INPUT rather than ignored.
 */
export function readBookmarks(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const list = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (
    list.length > BOOKMARK_LIMITS.count ||
    list.some((b) => b.length > BOOKMARK_LIMITS.length || !/^[\x21-\x7e]+$/.test(b))
  ) {
    throw new GraphQLError(
      `The Neo4j-Bookmarks header must hold at most ${BOOKMARK_LIMITS.count} bookmarks separated by commas, each as a write printed it (at most ${BOOKMARK_LIMITS.length} printable characters); send it as printed, or leave it out`,
      {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      },
    );
  }
  return list;
}

/**
 * Who sent the request, from its `Authorization: Bearer <token>` header: undefined without one. A malformed, unknown or
 * revoked token is refused (UNAUTHENTICATED), never ignored, and never repeated in the answer or the logs.
 */
export async function readCaller(
  db: Database,
  header: string | undefined,
  readRequiresToken: boolean,
): Promise<Caller | undefined> {
  const secret = bearerSecret(header);
  if (secret === null) {
    throw apiError(
      'UNAUTHENTICATED',
      'The Authorization header must be "Bearer <token>", the token as `deep-labour token create` printed it; send it so, or leave the header out to read without one',
    );
  }
  const caller = secret ? await findCaller(db, secret) : undefined;
  if (secret && !caller)
    throw apiError(
      'UNAUTHENTICATED',
      'This token is not known or has been revoked; ask an admin for a new one (deep-labour token create), or leave the header out to read without one',
    );
  if (!caller && readRequiresToken)
    throw apiError(
      'UNAUTHENTICATED',
      'This server answers only requests with a token (READ_REQUIRES_TOKEN=true): send Authorization: Bearer <token>; an admin makes one with deep-labour token create',
    );
  return caller ?? undefined;
}

/** Limits on one request's shape; generous for real questions, tight against abuse. */
export const QUERY_LIMITS = { depth: 12, aliases: 15, cost: 20_000, tokens: 3_000, directives: 20 } as const;

/** Starts Apollo and returns the express handler for /graphql, and a stop function. */
export async function createGraphql(
  options: GraphqlOptions,
): Promise<{ handler: RequestHandler; stop: () => Promise<void>; cacheStats: () => CacheStats }> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const heavy = createHeavyGate(options.heavyQueries ?? 4, options.heavyWaitMs ?? 2_000);
  const armor = new ApolloArmor({
    // Fragments count as the fields they stand for: a client that names its fragments pays no more than one that inlines them.
    maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.aliases },
    costLimit: { maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, flattenFragments: true },
    // graphql-js's own parser enforces the token limit (parseOptions below), so over-long and malformed
    // queries both answer GRAPHQL_PARSE_FAILED; armor's version reports them as validation failures.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.directives },
    // People explore this API: "did you mean …?" helps them more than it helps an attacker.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const responseCache = createResponseCache(options.db, options.responseCache ?? { megabytes: 0, ttlSeconds: 1 });
  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers: resolvers as never,
    introspection: options.introspection,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM and stops Apollo itself; Apollo's own handlers made that stop hang.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    validationRules: [KnownOperationTypesRule, ...protection.validationRules],
    // graphql-armor's types come from Apollo's CommonJS build; the plugins are the same objects.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled(),
      requestBudgetPlugin,
      rateLimitPlugin(options.rateLimit?.heavyCost ?? 1, options.rateLimit?.windowSeconds ?? 60),
      ...responseCache.plugins,
      ...(options.afterMutation ? [afterMutationPlugin(options.afterMutation)] : []),
    ],
  });
  await server.start();
  const handler = expressMiddleware(server, {
    context: async ({ req, res }) => {
      const bookmarks = readBookmarks(req.headers['neo4j-bookmarks']);
      // app.ts's request gate has checked the token before reading the body; without the gate (a test), check it here.
      const caller =
        'caller' in res.locals
          ? (res.locals.caller as Caller | undefined)
          : await readCaller(options.db, req.headers.authorization, options.readRequiresToken ?? false);
      const rateCharge = gateCharge(res.locals);
      return {
        db: bookmarks.length ? options.db.withBookmarks(bookmarks) : options.db,
        today: todayIso(),
        heavy,
        minPoolSize: options.minPoolSize ?? 10,
        bookmarks,
        ...(options.investigationQuota ? { investigationQuota: options.investigationQuota } : {}),
        ...(caller ? { caller } : {}),
        ...(rateCharge ? { rateCharge } : {}),
      };
    },
  });
  return { handler: handler as RequestHandler, stop: () => server.stop(), cacheStats: responseCache.stats };
}

/** Calls `after` once a mutation's answer is ready: its writes have committed (or rolled back) by then. */
function afterMutationPlugin(after: () => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          if (rc.operation?.operation === 'mutation') after();
        },
      };
    },
  };
}

// The error codes a client can see, and the one place where errors are shaped and masked for clients.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from './db/index.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'QUERY_TOO_COSTLY'
  | 'SERVER_BUSY'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** An edit or an accept made on a version of a record that has changed since: read it again, then redo it. */
  | 'CONFLICT'
  /** A token's saved investigations would pass its quota (count or total size). */
  | 'QUOTA_EXCEEDED'
  /** The caller (its token, or its address without one) has spent its points for the window: 429, Retry-After says when to come back. */
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** Codes Apollo and graphql-js give to a request that is itself wrong; they pass through as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const OWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'QUERY_TOO_COSTLY',
  'SERVER_BUSY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
]);

/** HTTP statuses for errors raised before any field runs (a request without the right token). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * An error meant for the client: its message says what went wrong and what to do. `problems` name the fields an input
 * got wrong, by path, as an import's validation does.
 */
export function apiError(
  code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
  message: string,
  problems?: { path: string; message: string }[],
): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...(problems?.length ? { problems } : {}), ...(status ? { http: { status } } : {}) },
  });
}

export const badInput = (message: string) => apiError('BAD_USER_INPUT', message);
export const notFound = (message: string) => apiError('NOT_FOUND', message);

/**
 * Apollo's formatError: keeps the codes above, turns database failures into DATABASE_UNAVAILABLE or
 * QUERY_TIMEOUT, and masks anything else as INTERNAL_SERVER_ERROR after logging the original.
 */
export function formatError(log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { path, locations } = formatted;
    const shape = (code: string, message: string, problems?: unknown): GraphQLFormattedError => ({
      message,
      ...(locations ? { locations } : {}),
      ...(path ? { path } : {}),
      extensions: { code, ...(problems ? { problems } : {}) },
    });
    if (original instanceof DatabaseError) {
      if (original.code === 'DATABASE_UNAVAILABLE' || original.code === 'QUERY_TIMEOUT')
        return shape(original.code, original.message);
      if (original.code === 'INVALID_BOOKMARK') return shape('BAD_USER_INPUT', original.message.replace(/^db: /, ''));
      if (original.code === 'OUT_OF_MEMORY') {
        log(`api: out of memory in ${original.query}`, original.cause ?? original);
        return shape(
          'QUERY_TOO_COSTLY',
          "This question needs more memory than the database allows one query; ask for less (a smaller depth or limit, or an earlier date range), or ask the operator to raise Neo4j's memory",
        );
      }
      log(`api: database error in ${original.query}`, original.cause ?? original);
      return shape(
        'INTERNAL_SERVER_ERROR',
        'Internal error; it has been logged. Try again, or report it if it persists.',
      );
    }
    // A scalar or resolver that threw one of our own errors keeps its code, even inside a validation error.
    const own = ownError(error);
    if (own) return shape(own.code, own.message, own.problems);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_CODES.has(code)) return shape(code, formatted.message);
    // Apollo refuses some requests with a 4xx status and no code (an automatic persisted query whose hash does not match
    // its query, an unknown persisted query version): they are the client's mistake, not ours.
    const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return shape('BAD_REQUEST', requestMessage(formatted.message));
    log('api: unexpected error', original);
    return shape(
      'INTERNAL_SERVER_ERROR',
      'Internal error; it has been logged. Try again, or report it if it persists.',
    );
  };
}

/** Apollo's terse request errors, with what to do. */
function requestMessage(message: string): string {
  if (/sha does not match/.test(message))
    return "The persisted query's sha256Hash is not the SHA-256 of its query; send the hash of the query text as sent, or leave out extensions.persistedQuery";
  if (/persisted query version/i.test(message))
    return 'Only version 1 of automatic persisted queries is supported; send extensions.persistedQuery.version = 1';
  return message;
}

/** The innermost GraphQLError carrying one of our own codes, following `originalError` (Apollo wraps validation errors). */
function ownError(error: unknown): { code: string; message: string; problems?: unknown } | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof GraphQLError) {
      const code = current.extensions?.code;
      if (typeof code === 'string' && OWN_CODES.has(code) && !(current.originalError instanceof GraphQLError)) {
        return {
          code,
          message: current.message,
          ...(current.extensions.problems ? { problems: current.extensions.problems } : {}),
        };
      }
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

// Translates driver errors into DatabaseError, by Neo4j's error code and retriable flag, never by message.
import { Neo4jError } from 'neo4j-driver';

export type DatabaseErrorCode =
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'OUT_OF_MEMORY'
  | 'CONSTRAINT_VIOLATION'
  | 'INVALID_BOOKMARK'
  | 'DATABASE_ERROR';

/** A database failure with a code the API can pass on; `cause` keeps the original for the logs. */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly query: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // The driver's own failures carry no server code: no connection could be had in time (pool exhausted, or no answer).
  'N/A',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);
const TIMEOUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.MaxTransactionTimeReached',
]);

export function translateNeo4jError(error: unknown, query: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE.has(error.code)) {
      return new DatabaseError(
        'DATABASE_UNAVAILABLE',
        'db: Neo4j is not reachable or refused the credentials; check that it runs and NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD',
        query,
        { cause: error },
      );
    }
    if (TIMEOUT.has(error.code)) {
      return new DatabaseError(
        'QUERY_TIMEOUT',
        'db: the query took longer than the time allowed; narrow it (a smaller depth or limit)',
        query,
        { cause: error },
      );
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new DatabaseError(
        'CONSTRAINT_VIOLATION',
        'db: the write would break a uniqueness constraint (an id used twice, or for two kinds of node)',
        query,
        { cause: error },
      );
    }
    if (error.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
      return new DatabaseError(
        'INVALID_BOOKMARK',
        'db: a bookmark given (header Neo4j-Bookmarks) is not one this store gave; send the bookmarks exactly as the write printed them, or leave the header out',
        query,
        { cause: error },
      );
    }
    if (/Memory/i.test(error.code)) {
      return new DatabaseError(
        'OUT_OF_MEMORY',
        "db: Neo4j ran out of the memory allowed for this transaction; for an import, raise NEO4J_HEAP or NEO4J_TX_STATE_OFF_HEAP (embedded) or the server's memory settings; for a query, narrow it",
        query,
        { cause: error },
      );
    }
    if (error.retriable) {
      return new DatabaseError(
        'DATABASE_UNAVAILABLE',
        'db: Neo4j is busy or restarting; try again in a moment',
        query,
        { cause: error },
      );
    }
  }
  return new DatabaseError('DATABASE_ERROR', `db: query ${query} failed`, query, { cause: error });
}

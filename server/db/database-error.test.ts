import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseError, translateNeo4jError } from './database-error.js';

const neo = (code: string, message = 'anything') =>
  new Neo4jError(message, code, undefined as never, undefined as never);

describe('translateNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Security.Unauthorized', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'QUERY_TIMEOUT'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONSTRAINT_VIOLATION'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'OUT_OF_MEMORY'],
    ['Neo.ClientError.Statement.SyntaxError', 'DATABASE_ERROR'],
  ])('reads %s by its code as %s, keeping the original', (neoCode, ours) => {
    const original = neo(neoCode);
    const e = translateNeo4jError(original, 'cascade');
    expect(e).toBeInstanceOf(DatabaseError);
    expect(e.code).toBe(ours);
    expect(e.query).toBe('cascade');
    expect(e.cause).toBe(original);
  });

  it('never reads the message: a timeout-sounding syntax error is not a timeout', () => {
    expect(translateNeo4jError(neo('Neo.ClientError.Statement.SyntaxError', 'transaction timed out'), 'q').code).toBe(
      'DATABASE_ERROR',
    );
  });

  it('leaves a DatabaseError as it is, and wraps anything else', () => {
    const own = new DatabaseError('QUERY_TIMEOUT', 'x', 'q');
    expect(translateNeo4jError(own, 'other')).toBe(own);
    expect(translateNeo4jError(new TypeError('boom'), 'q').code).toBe('DATABASE_ERROR');
  });
});

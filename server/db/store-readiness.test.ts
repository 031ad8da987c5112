import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from './database-error.js';
import { classifyPingError } from './store-readiness.js';

const unavailable = (code: string) =>
  new DatabaseError('DATABASE_UNAVAILABLE', 'db: unavailable', 'ping', { cause: new Neo4jError('x', code, 'x', 'x') });

describe('classifyPingError', () => {
  it("tells a locked user, a refused password and a store that does not answer yet apart, by Neo4j's code", () => {
    expect(classifyPingError(unavailable('Neo.ClientError.Security.AuthenticationRateLimit'))).toBe('locked');
    expect(classifyPingError(unavailable('Neo.ClientError.Security.Unauthorized'))).toBe('refused');
    expect(classifyPingError(unavailable('ServiceUnavailable'))).toBe('starting');
  });

  it('rethrows anything else', () => {
    const other = new DatabaseError('DATABASE_ERROR', 'db: boom', 'ping');
    expect(() => classifyPingError(other)).toThrow(other);
  });
});

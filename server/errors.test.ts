import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from './db/index.js';
import { badInput, formatError, notFound } from './errors.js';

const format = (error: unknown, formatted: Record<string, unknown> = { message: 'raw message' }) => {
  const logged: unknown[] = [];
  const out = formatError((_m, e) => logged.push(e))(formatted as never, error);
  return { out, logged };
};

describe('formatError', () => {
  it('keeps our own codes and messages', () => {
    expect(format(badInput('depth must be 1 to 12')).out).toEqual({
      message: 'depth must be 1 to 12',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(format(notFound('no task has id "x"')).out.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('finds our error inside a wrapping error', () => {
    const wrapped = new GraphQLError('Variable "$asOf" got invalid value', {
      originalError: badInput('asOf must be YYYY-MM-DD'),
    });
    expect(format(wrapped).out).toMatchObject({
      message: 'asOf must be YYYY-MM-DD',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('passes database unavailability and timeouts on with their code, and logs nothing', () => {
    for (const code of ['DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT'] as const) {
      const { out, logged } = format(new DatabaseError(code, `db: ${code}`, 'cascade'));
      expect(out).toEqual({ message: `db: ${code}`, extensions: { code } });
      expect(logged).toEqual([]);
    }
  });

  it("answers a query that ran out of the database's memory as too costly, saying what to ask instead, and logs it", () => {
    const cause = new Error('The allocation of an extra 3.0 MiB would use more than the limit 10.8 GiB');
    const { out, logged } = format(
      new DatabaseError('OUT_OF_MEMORY', 'db: Neo4j ran out of the memory allowed', 'cascade', { cause }),
      { message: 'raw', path: ['cascade'] },
    );
    expect(out.extensions).toEqual({ code: 'QUERY_TOO_COSTLY' });
    expect(out.message).toMatch(/ask for less \(a smaller depth or limit/);
    expect(out.message).not.toContain('10.8 GiB');
    expect(logged).toEqual([cause]);
  });

  it('masks any other failure, logging the original and revealing nothing of it', () => {
    const secret = new Error('at /home/someone/server.ts: password=hunter2');
    for (const error of [secret, new DatabaseError('DATABASE_ERROR', 'db: query x failed', 'x', { cause: secret })]) {
      const { out, logged } = format(error, {
        message: secret.message,
        locations: [{ line: 1, column: 2 }],
        path: ['cascade'],
      });
      expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(out.message).not.toContain('hunter2');
      expect(out).toMatchObject({ locations: [{ line: 1, column: 2 }], path: ['cascade'] });
      expect(logged).toEqual([secret]);
    }
  });

  it('passes request errors from Apollo and graphql-js through', () => {
    expect(
      format(new Error('x'), { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).out,
    ).toEqual({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });
});

// The rate limit's pure parts and its in-memory limiter: keys per caller, the IETF draft's headers, the refusal.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateHeaders, rateKey, rateLimitedError } from './rate-limit.js';

describe('rate limit', () => {
  it('keys a token by its name and a request without one by its address', () => {
    expect(rateKey({ name: 'ana', role: 'reader' }, '10.0.0.1')).toBe('token:ana');
    expect(rateKey(undefined, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(rateKey(undefined, '10.0.0.1')).not.toBe(rateKey(undefined, '10.0.0.2'));
  });

  it('says Retry-After only when a request is refused', () => {
    expect(rateHeaders({ allowed: true, limit: 10, remaining: 3, resetSeconds: 40 })).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '3',
      'RateLimit-Reset': '40',
    });
    expect(rateHeaders({ allowed: false, limit: 10, remaining: 0, resetSeconds: 40 })['Retry-After']).toBe('40');
  });

  it('is off at 0 points', () => {
    expect(createRateLimiter({ points: 0, windowSeconds: 60, heavyCost: 5 })).toBeNull();
  });

  it('refuses a caller past its points and leaves the others their own', async () => {
    const limiter = createRateLimiter({ points: 3, windowSeconds: 600, heavyCost: 2 })!;
    const a = limiter.charge('token:a');
    expect((await a(2)).remaining).toBe(1);
    expect((await a(1)).allowed).toBe(true);
    const refused = await a(1);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect((await limiter.charge('token:b')(1)).allowed).toBe(true);
  });

  it('answers a refusal as a 429 GraphQL error coded RATE_LIMITED with its headers', () => {
    const error = rateLimitedError({ allowed: false, limit: 3, remaining: 0, resetSeconds: 12 }, 60, true);
    expect(error.extensions.code).toBe('RATE_LIMITED');
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(http.headers.get('Retry-After')).toBe('12');
  });
});

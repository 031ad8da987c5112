// Limits per caller: each token (or each client address without one) has so many points per window; every request
// costs one at the request gate, before its body is read, and each heavy field it asks for costs more once it is parsed.
import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller } from '../auth/roles.js';

export interface RateLimitOptions {
  /** Points each caller has per window; 0 turns the limit off. */
  points: number;
  /** The window's length, in seconds. */
  windowSeconds: number;
  /** What a heavy field (field-policies.ts) costs, the request's own point included. */
  heavyCost: number;
}

/** Where a caller stands after a request took its points. */
export interface RateState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the points come back (at least 1). */
  resetSeconds: number;
}

/** Takes points from one caller: the request gate takes the first, the GraphQL layer the heavy fields' extra. */
export type RateCharge = (points: number) => Promise<RateState>;

/** A caller's key: the token's name (unique, even revoked), or the address the request came from. Pure. */
export function rateKey(caller: Caller | undefined, address: string | undefined): string {
  return caller ? `token:${caller.name}` : `address:${address ?? 'unknown'}`;
}

/** The headers of draft-ietf-httpapi-ratelimit-headers, and Retry-After when refused. Pure. */
export function rateHeaders(state: RateState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
    ...(state.allowed ? {} : { 'Retry-After': String(state.resetSeconds) }),
  };
}

/** The message a refused caller reads: what happened, when to come back, and what else to do. Pure. */
export function rateLimitedMessage(state: RateState, windowSeconds: number, byToken: boolean): string {
  const who = byToken ? 'this token' : 'this address (no token)';
  return (
    `Too many requests: ${who} may spend ${state.limit} points every ${windowSeconds} s (a request costs 1, a heavy field more); ` +
    `try again in ${state.resetSeconds} s (Retry-After), and pace the script by the RateLimit-Remaining header${byToken ? '' : ', or send a token, which has its own limit'}`
  );
}

/** The per-caller limiter, in memory (one server process); null when the configuration turns it off. */
export function createRateLimiter(
  options: RateLimitOptions,
): { charge: (key: string) => RateCharge; options: RateLimitOptions } | null {
  if (options.points === 0) return null;
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });
  const stateOf = (res: RateLimiterRes, allowed: boolean): RateState => ({
    allowed,
    limit: options.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  const charge =
    (key: string): RateCharge =>
    async (points) => {
      try {
        return stateOf(await limiter.consume(key, points), true);
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return stateOf(refused, false);
        throw refused;
      }
    };
  return { charge, options };
}

/** Sets the RateLimit-* headers (and Retry-After) on an express response. */
export function setRateHeaders(res: Response, state: RateState): void {
  for (const [name, value] of Object.entries(rateHeaders(state))) res.set(name, value);
}

/** The GraphQL error for a refused request: 429, its headers, `extensions.code` RATE_LIMITED. */
export function rateLimitedError(state: RateState, windowSeconds: number, byToken: boolean): GraphQLError {
  return new GraphQLError(rateLimitedMessage(state, windowSeconds, byToken), {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map(Object.entries(rateHeaders(state))) } },
  });
}

/** Where the GraphQL layer finds the request's charge (set by the gate). */
export function gateCharge(locals: Record<string, unknown>): RateCharge | undefined {
  return locals.rateCharge as RateCharge | undefined;
}

/**
 * The gate's step, after the token is known and before the body is read: takes one point from the caller; refused,
 * it answers 429 with Retry-After and a GraphQL-shaped body, and closes the connection rather than read the body.
 */
export function rateLimitStep(
  limiter: ReturnType<typeof createRateLimiter>,
  callerOf: (locals: Record<string, unknown>) => Caller | undefined,
): RequestHandler {
  return (req, res, next) => {
    if (!limiter) {
      next();
      return;
    }
    const caller = callerOf(res.locals);
    const charge = limiter.charge(rateKey(caller, req.ip ?? req.socket.remoteAddress));
    charge(1).then((state) => {
      setRateHeaders(res, state);
      if (!state.allowed) {
        const error = rateLimitedError(state, limiter.options.windowSeconds, caller !== undefined);
        res
          .set('connection', 'close')
          .status(429)
          .json({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED' } }] });
        return;
      }
      res.locals.rateCharge = charge;
      next();
    }, next);
  };
}

// Who is asking, decided from the headers before the body is read: an unknown token is refused at once, only an
// editor's or admin's token earns the large body limit, and no body nests deeper than a bound.
import express, { type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { allows, type Caller } from '../auth/roles.js';
import { DatabaseError, type Database } from '../db/index.js';
import { readCaller } from './create-graphql.js';
import { jsonDepthOver } from './json-depth.js';
import { rateLimitStep, type createRateLimiter } from './rate-limit.js';

/** Largest request body accepted; a real query is a few kilobytes. */
export const BODY_LIMIT = '100kb';
/** Largest body of a request whose token is an editor's or admin's: importDataset sends a whole dataset. */
export const EDITOR_BODY_LIMIT = '25mb';
const LIMIT_BYTES = { small: 100 * 1024, large: 25 * 1024 * 1024 } as const;
/** Deepest nesting of arrays and objects in a body: a dataset nests about 6 deep, a claim's params a few more. */
export const MAX_JSON_DEPTH = 64;

/** The caller the gate found, for the GraphQL context: absent when the request had no token. */
export function gateCaller(locals: Record<string, unknown>): Caller | undefined {
  return locals.caller as Caller | undefined;
}

/** Thrown by the body parser's verify step; app.ts answers it with 400 BAD_REQUEST. */
class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
}

function refuseDeep(_req: unknown, _res: unknown, bytes: Buffer): void {
  if (jsonDepthOver(bytes, MAX_JSON_DEPTH) !== null) throw new TooDeepError(`nested deeper than ${MAX_JSON_DEPTH}`);
}

/**
 * Three steps for /graphql. The first checks the token (a database look-up by its hash) before a byte of the body is read,
 * and answers an unknown, revoked or malformed one with 401 at once, closing the connection rather than reading on. The
 * second takes a point from the caller's rate limit (rate-limit.ts; 429 unread when none is left). The third reads the
 * body as JSON with the limit the caller has earned: 100 kB, or 25 MB for an editor or admin.
 */
export function requestGate(
  db: Database,
  readRequiresToken: boolean,
  rateLimiter: ReturnType<typeof createRateLimiter> = null,
): RequestHandler[] {
  const small = express.json({ limit: LIMIT_BYTES.small, verify: refuseDeep });
  const large = express.json({ limit: LIMIT_BYTES.large, verify: refuseDeep });
  const identify: RequestHandler = (req, res, next) => {
    readCaller(db, req.headers.authorization, readRequiresToken).then(
      (caller) => {
        res.locals.caller = caller;
        next();
      },
      (error: unknown) => {
        if (
          error instanceof GraphQLError ||
          (error instanceof DatabaseError && error.code === 'DATABASE_UNAVAILABLE')
        ) {
          const [status, code] =
            error instanceof GraphQLError ? [401, String(error.extensions.code)] : [503, error.code];
          // The body was not read: say so to Node, which would otherwise read (and throw away) the rest of it.
          res
            .set('connection', 'close')
            .status(status)
            .json({ errors: [{ message: error.message, extensions: { code } }] });
          return;
        }
        next(error);
      },
    );
  };
  const body: RequestHandler = (req, res, next) => {
    const caller = gateCaller(res.locals);
    const editor = caller !== undefined && allows(caller.role, 'editor');
    // A body announced as too large is refused unread: the parser would read (and throw away) all of it before answering.
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > LIMIT_BYTES[editor ? 'large' : 'small']) {
      next(Object.assign(new Error('request body too large'), { type: 'entity.too.large', status: 413 }));
      return;
    }
    (editor ? large : small)(req, res, next);
  };
  return [identify, rateLimitStep(rateLimiter, gateCaller), body];
}

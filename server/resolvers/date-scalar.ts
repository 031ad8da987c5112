// The Date scalar: strict YYYY-MM-DD on input; stored dates (which may be YYYY or YYYY-MM) pass through on output.
import { GraphQLScalarType, Kind } from 'graphql';
import { isPartialDate } from '../dataset/index.js';
import { badInput } from '../errors.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isPartialDate(value)) {
    throw badInput(
      `Date must be a calendar date written YYYY-MM-DD, such as "2024-06-30"; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    "An ISO calendar date: written YYYY-MM-DD in arguments; a link's dates may come back partial (YYYY or YYYY-MM), covering the whole year or month.",
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** A moment as UTC ISO text; BAD_USER_INPUT unless ISO 8601 with an offset (what DateTime accepts: `deep-labour export --recorded-at` too). */
export function parseMoment(value: unknown): string {
  const ms =
    // Date.parse rolls a day the month does not have over into the next month (2026-02-30 → 2026-03-02): refused.
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isPartialDate(value.slice(0, 10))
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(ms)) {
    throw badInput(
      `DateTime must be an ISO 8601 date and time with an offset, such as "2026-12-04T15:00:00Z"; got ${JSON.stringify(value)}`,
    );
  }
  return new Date(ms).toISOString();
}

/** A moment (recordedAt): ISO 8601 with an offset on input, passed on as UTC ISO text. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A moment: an ISO 8601 date and time with an offset; read as UTC.',
  serialize: (value) => String(value),
  parseValue: parseMoment,
  parseLiteral: (ast) => parseMoment(ast.kind === Kind.STRING ? ast.value : undefined),
});

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

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

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

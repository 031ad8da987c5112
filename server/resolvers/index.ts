// The resolver map: the Query fields, the Date scalar, and which concrete type an Entity is.
import type { Resolvers } from '../schema/generated-types.js';
import { DateScalar } from './date-scalar.js';
import { queryResolvers } from './query-resolvers.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: queryResolvers,
  Entity: {
    __resolveType: (entity) => entity.__typename,
  },
};

export type { Context } from './context.js';
export { todayIso } from './date-scalar.js';

// The resolver map: the Query and Mutation fields, the Date and JSON scalars, the history's changes, and which concrete type an Entity is.
import type { Resolvers } from '../schema/generated-types.js';
import { GraphQLJSON } from 'graphql-scalars';
import { DateScalar, DateTimeScalar } from './date-scalar.js';
import { changeResolvers, historyQueryResolvers } from './history-resolvers.js';
import { investigationMutationResolvers, investigationQueryResolvers } from './investigation-resolvers.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { payReportResolvers, valueChainResolvers, workerPoolResolvers } from './pay-resolvers.js';
import { pageQueryResolvers } from './page-resolvers.js';
import { queryResolvers } from './query-resolvers.js';
import { groupQueryResolvers } from './group-resolvers.js';
import { scorecardResolvers } from './scorecard-resolvers.js';
import { verdictQueryResolvers } from './verdict-resolvers.js';
import { claimAuditResolvers, replyQueryResolvers } from './reply-resolvers.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: GraphQLJSON,
  Query: {
    ...queryResolvers,
    ...groupQueryResolvers,
    ...historyQueryResolvers,
    ...investigationQueryResolvers,
    ...pageQueryResolvers,
    ...verdictQueryResolvers,
    ...replyQueryResolvers,
  },
  Mutation: { ...mutationResolvers, ...investigationMutationResolvers },
  Change: changeResolvers,
  WorkerPool: workerPoolResolvers,
  ValueChain: valueChainResolvers,
  PayReport: payReportResolvers,
  Scorecard: scorecardResolvers,
  ClaimAudit: claimAuditResolvers,
  Entity: {
    __resolveType: (entity) => entity.__typename,
  },
};

export type { Context } from './context.js';
export { todayIso } from './date-scalar.js';

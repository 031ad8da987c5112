// Scorecard.pay: the pay indicator of a scorecard, read by its own query (scorecard-pay.cypher) only when selected; the pools' pay and its gaps then resolve from what it read.
import type { ScorecardResolvers } from '../schema/generated-types.js';
import { toScorecardPay } from '../models/scorecard-pay.js';
import { primePay } from './pay-resolvers.js';

export const scorecardResolvers: ScorecardResolvers = {
  pay: (card, _args, ctx) =>
    ctx.heavy.run(async () => {
      const [row] = await ctx.db.read('scorecard-pay', {
        organizationId: card.organization.id,
        asOf: card.asOf,
        minPoolSize: ctx.minPoolSize,
      });
      // The scorecard found the organisation a moment ago; were it removed since, its workforce is empty.
      const pay = toScorecardPay(row ?? {}, ctx.minPoolSize);
      primePay(ctx, pay.reports, pay.tables);
      return pay;
    }),
};

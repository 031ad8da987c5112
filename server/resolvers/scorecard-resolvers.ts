// Scorecard.pay: the pay indicator of a scorecard, read by its own query (scorecard-pay.cypher) only when selected; the pools' pay and its gaps then resolve from what it read.
import type { ScorecardResolvers } from '../schema/generated-types.js';
import { toScorecardPay } from '../models/scorecard-pay.js';
import { primePay } from './pay-resolvers.js';
import { recordedQuery } from '../db/cypher-template.js';

export const scorecardResolvers: ScorecardResolvers = {
  pay: (card, _args, ctx) =>
    ctx.heavy.run(async () => {
      // Asked as recorded (`seq` on the card): the pay indicator reads the links as the card's own indicators did.
      const { query, extra } = recordedQuery('scorecard-pay', card.seq);
      const [row] = await ctx.db.read(query, {
        ...extra,
        organizationId: card.organization.id,
        asOf: card.asOf,
        minPoolSize: ctx.minPoolSize,
      });
      // The scorecard found the organisation a moment ago; were it removed since, its workforce is empty.
      const pay = toScorecardPay(row ?? {}, ctx.minPoolSize, card.seq);
      // Its pools' pay and wage gaps answer from what it read (as of the card's change, when asked as recorded).
      primePay(ctx, pay.reports, pay.tables, card.seq);
      return pay;
    }),
};

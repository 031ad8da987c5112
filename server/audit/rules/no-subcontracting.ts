// NO_SUBCONTRACTING: "we do not subcontract".
import type { ClaimRule } from './claim-rule.js';

export const noSubcontracting: ClaimRule = {
  kind: 'NO_SUBCONTRACTING',
  subject: 'organization',
  reads: ['scIn', 'poolLinks'],
  contradictedWhen: 'someone works for S',
  supportedWhen: 'S contracts a pool and no one works for S',
  judge(_claim, f, { S, name, link, unverifiable, withOwnSources }) {
    if (f.scIn.length) {
      return withOwnSources({ verdict: 'CONTRADICTED', evidence: f.scIn,
        explanation: `${f.scIn.map((id) => name(link(id).from)).join(', ')} ${f.scIn.length === 1 ? 'does' : 'do'} work for ${S}.` });
    }
    const own = f.poolLinks.filter((id) => link(id).type === 'CONTRACTED_BY');
    if (own.length) return { verdict: 'SUPPORTED', evidence: own, explanation: `${S} contracts its own workers (${own.map((id) => name(link(id).from)).join(', ')}) and no one is known to work for it.` };
    return unverifiable(`${S} is not known to contract any worker pool, and no one is known to work for it.`);
  },
};

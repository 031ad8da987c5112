// NO_SUBCONTRACTING: "we do not subcontract".
import { controlOf, groupOf, listed } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const noSubcontracting: ClaimRule = {
  kind: 'NO_SUBCONTRACTING',
  subject: 'organization',
  reads: ['scIn', 'poolLinks', 'control'],
  contradictedWhen:
    "someone outside S's group works for S (an organisation S controls, or that controls S, is S: CONTROLLED_BY either way)",
  supportedWhen: 'S contracts a pool and no one outside its group works for S',
  judge(_claim, f, { S, name, link, unverifiable, withOwnSources }) {
    const group = groupOf(f);
    const outside = f.scIn.filter((id) => !group.has(link(id).from));
    const within = f.scIn.filter((id) => group.has(link(id).from));
    const inGroup = within.length
      ? ` ${listed(within.map((id) => name(link(id).from)))} work${within.length === 1 ? 's' : ''} for ${S} within its own group (control), which is not subcontracting.`
      : '';
    const controlEvidence = within.flatMap((id) => controlOf(f, link(id).from));
    if (outside.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: outside,
        explanation: `${listed(outside.map((id) => name(link(id).from)))} ${outside.length === 1 ? 'does' : 'do'} work for ${S}.`,
      });
    }
    const own = f.poolLinks.filter((id) => link(id).type === 'CONTRACTED_BY');
    if (own.length)
      return {
        verdict: 'SUPPORTED',
        evidence: [...own, ...within, ...controlEvidence],
        explanation: `${S} contracts its own workers (${listed(own.map((id) => name(link(id).from)))}) and no one outside its group is known to work for it.${inGroup}`,
      };
    if (within.length)
      return unverifiable(`${S} is not known to contract any worker pool.${inGroup}`, [...within, ...controlEvidence]);
    return unverifiable(`${S} is not known to contract any worker pool, and no one is known to work for it.`);
  },
};

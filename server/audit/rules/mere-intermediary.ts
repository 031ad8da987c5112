// MERE_INTERMEDIARY: "we only put clients and workers in touch".
import { capital, controlOf, groupOf, unique } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const mereIntermediary: ClaimRule = {
  kind: 'MERE_INTERMEDIARY',
  subject: 'organization',
  reads: ['scOut', 'onward', 'splitVia', 'splitContracts', 'poolLinks', 'control'],
  contradictedWhen: 'S works for an organisation that itself works for someone, or pools working on or recruited via S are contracted by someone else; an organisation S controls, or that controls S (CONTROLLED_BY either way), counts as S',
  supportedWhen: 'S has pools, works only for ultimate organisations, and no such split outside its group',
  judge(_claim, f, { S, name, link, says, unverifiable, withOwnSources }) {
    // A contractor in S's own group is S: its contracts are S's, not a split of roles.
    const group = groupOf(f);
    const inGroup = f.splitContracts.filter((id) => group.has(link(id).to));
    const splitContracts = f.splitContracts.filter((id) => !group.has(link(id).to));
    const splitVia = f.splitVia.filter((v) => splitContracts.some((c) => link(c).from === link(v).from));
    f = { ...f, splitContracts, splitVia };
    const groupNote = inGroup.length ? ` Its workers contracted by ${inGroup.map((id) => name(link(id).to)).filter(unique).join(', ')} count as its own: ${S} and ${inGroup.length === 1 ? 'it' : 'they'} are one group (control).` : '';
    const groupEvidence = inGroup.flatMap((id) => [id, ...controlOf(f, link(id).to)]);
    const deeper = f.scOut.filter((id) => f.onward.some((o) => link(o).from === link(id).to));
    const deeperProof = f.onward.filter((o) => deeper.some((id) => link(id).to === link(o).from));
    if (deeper.length || f.splitContracts.length) {
      const parts: string[] = [];
      if (deeper.length) parts.push(`${S} works for ${deeper.map((id) => name(link(id).to)).join(', ')}, which in turn work${deeper.length === 1 ? 's' : ''} for ${deeperProof.map((o) => name(link(o).to)).join(', ')}: another layer sits between ${S} and the end customer`);
      if (f.splitContracts.length) parts.push(`its workers (${f.splitVia.map(says).filter(unique).join('; ')}) are contracted by ${f.splitContracts.map((id) => name(link(id).to)).filter(unique).join(', ')}`);
      return withOwnSources({ verdict: 'CONTRADICTED', explanation: `${capital(parts.join('; and '))}.`, evidence: [...deeper, ...deeperProof, ...f.splitVia, ...f.splitContracts].filter(unique) });
    }
    if (f.poolLinks.length) {
      return { verdict: 'SUPPORTED', evidence: [...f.poolLinks, ...f.scOut, ...groupEvidence].filter(unique),
        explanation: `${S} has worker pools (${f.poolLinks.map((id) => name(link(id).from)).filter(unique).join(', ')}), ${f.scOut.length ? `works only for ultimate organisations (${f.scOut.map((id) => name(link(id).to)).join(', ')})` : 'works for no one further'}, and recruits, contracts and hosts its workers itself.${groupNote}` };
    }
    return unverifiable(`No worker pool is known to work through ${S} at this date.`);
  },
};

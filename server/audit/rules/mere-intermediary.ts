// MERE_INTERMEDIARY: "we only put clients and workers in touch".
import { capital, controlOf, distinct, groupOf, listed } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const mereIntermediary: ClaimRule = {
  kind: 'MERE_INTERMEDIARY',
  subject: 'organization',
  reads: ['scOut', 'onward', 'splitVia', 'splitContracts', 'poolLinks', 'control'],
  contradictedWhen:
    'S works for an organisation that itself works for someone, or pools working on or recruited via S are contracted by someone else; an organisation S controls, or that controls S (CONTROLLED_BY either way), counts as S',
  supportedWhen: 'S has pools, works only for ultimate organisations, and no such split outside its group',
  judge(_claim, f, { S, name, link, says, unverifiable, withOwnSources }) {
    // A contractor in S's own group is S: its contracts are S's, not a split of roles.
    const group = groupOf(f);
    const inGroup = f.splitContracts.filter((id) => group.has(link(id).to));
    const splitContracts = f.splitContracts.filter((id) => !group.has(link(id).to));
    const contracted = new Set(splitContracts.map((c) => link(c).from));
    const splitVia = f.splitVia.filter((v) => contracted.has(link(v).from));
    f = { ...f, splitContracts, splitVia };
    const groupNote = inGroup.length
      ? ` Its workers contracted by ${listed(inGroup.map((id) => name(link(id).to)))} count as its own: ${S} and ${inGroup.length === 1 ? 'it' : 'they'} are one group (control).`
      : '';
    const groupEvidence = inGroup.flatMap((id) => [id, ...controlOf(f, link(id).to)]);
    const working = new Set(f.onward.map((o) => link(o).from));
    const deeper = f.scOut.filter((id) => working.has(link(id).to));
    const buyers = new Set(deeper.map((id) => link(id).to));
    const deeperProof = f.onward.filter((o) => buyers.has(link(o).from));
    if (deeper.length || f.splitContracts.length) {
      const parts: string[] = [];
      if (deeper.length)
        parts.push(
          `${S} works for ${listed(deeper.map((id) => name(link(id).to)))}, which in turn work${deeper.length === 1 ? 's' : ''} for ${listed(deeperProof.map((o) => name(link(o).to)))}: another layer sits between ${S} and the end customer`,
        );
      if (f.splitContracts.length)
        parts.push(
          `its workers (${listed(f.splitVia.map(says), '; ')}) are contracted by ${listed(f.splitContracts.map((id) => name(link(id).to)))}`,
        );
      return withOwnSources({
        verdict: 'CONTRADICTED',
        explanation: `${capital(parts.join('; and '))}.`,
        evidence: distinct([...deeper, ...deeperProof, ...f.splitVia, ...f.splitContracts]),
      });
    }
    if (f.poolLinks.length) {
      return {
        verdict: 'SUPPORTED',
        evidence: distinct([...f.poolLinks, ...f.scOut, ...groupEvidence]),
        explanation: `${S} has worker pools (${listed(f.poolLinks.map((id) => name(link(id).from)))}), ${f.scOut.length ? `works only for ultimate organisations (${listed(f.scOut.map((id) => name(link(id).to)))})` : 'works for no one further'}, and recruits, contracts and hosts its workers itself.${groupNote}`,
      };
    }
    return unverifiable(`No worker pool is known to work through ${S} at this date.`);
  },
};

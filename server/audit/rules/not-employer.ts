// NOT_EMPLOYER: "we do not employ the workers who do our work" (they are someone else's staff or contractors).
import { controlOf, distinct, groupOf, listed } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const notEmployer: ClaimRule = {
  kind: 'NOT_EMPLOYER',
  subject: 'organization',
  reads: ['workforce', 'control'],
  contradictedWhen: 'a pool behind S is contracted by S, or by an organisation of its group (CONTROLLED_BY either way)',
  supportedWhen: 'pools are known behind S, and each is contracted by someone, none of them S or its group',
  judge(_claim, f, { S, name, link, unverifiable, withOwnSources }) {
    const group = groupOf(f);
    const isOurs = (org: string) => org === f.subject.id || group.has(org);
    const ours = f.workforce.flatMap((w) => w.contracts.filter((id) => isOurs(link(id).to)).map((id) => ({ w, id })));
    if (ours.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: distinct(ours.flatMap(({ w, id }) => [id, ...w.chain, ...controlOf(f, link(id).to)])),
        explanation: `${listed(
          ours.map(
            ({ w, id }) =>
              `${w.pool.name} ${link(id).to === f.subject.id ? `are contracted by ${S} itself` : `are contracted by ${name(link(id).to)}, of ${S}'s group`}`,
          ),
          '; ',
        )}.`,
      });
    }
    if (!f.workforce.length)
      return unverifiable(
        `No worker pool is known to work for ${S}, directly or through subcontractors, at this date.`,
      );
    const unknown = f.workforce.filter((w) => w.contracts.length === 0);
    if (unknown.length) {
      return unverifiable(
        `Who holds the contracts of ${listed(unknown.map((w) => w.pool.name))} is not known.`,
        distinct(unknown.flatMap((w) => w.chain)),
      );
    }
    const contracts = f.workforce.flatMap((w) => w.contracts);
    return {
      verdict: 'SUPPORTED',
      evidence: distinct([...contracts, ...f.workforce.flatMap((w) => w.chain)]),
      explanation: `Every pool known to work for ${S} is contracted by another organisation: ${listed(distinct(contracts.map((id) => name(link(id).to))))}. This says who holds the contracts, not who is liable for the work (a court's question).`,
    };
  },
};

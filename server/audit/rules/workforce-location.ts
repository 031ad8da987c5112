// WORKFORCE_LOCATION: "our workers are in these countries" (params.countries).
import { unique } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const workforceLocation: ClaimRule = {
  kind: 'WORKFORCE_LOCATION',
  subject: 'organization',
  reads: ['workforce'],
  contradictedWhen: 'a pool behind S is in another country',
  supportedWhen: 'there are pools, all in the list',
  judge(claim, f, { S, unverifiable, withOwnSources }) {
    const allowed = Array.isArray(claim.params?.countries) ? (claim.params!.countries as unknown[]).map(String) : null;
    if (!allowed) return unverifiable('The claim gives no list of countries (params.countries) to check.');
    const outside = f.workforce.filter((w) => w.pool.country !== null && !allowed.includes(w.pool.country));
    if (outside.length) {
      return withOwnSources({ verdict: 'CONTRADICTED', evidence: outside.flatMap((w) => w.chain).filter(unique),
        explanation: `${outside.map((w) => `${w.pool.name} (${w.pool.country})`).join(', ')} work${outside.length === 1 ? 's' : ''} behind ${S}, outside ${allowed.join(', ')}.` });
    }
    const unknown = f.workforce.filter((w) => w.pool.country === null);
    if (f.workforce.length && !unknown.length) {
      return { verdict: 'SUPPORTED', evidence: f.workforce.flatMap((w) => w.chain).filter(unique),
        explanation: `All ${f.workforce.length} worker pool${f.workforce.length === 1 ? '' : 's'} behind ${S} are in ${allowed.join(', ')}: ${f.workforce.map((w) => `${w.pool.name} (${w.pool.country})`).join(', ')}.` };
    }
    return unverifiable(f.workforce.length
      ? `The country of ${unknown.map((w) => w.pool.name).join(', ')} is not known.`
      : `No worker pool is known behind ${S} at this date.`, unknown.flatMap((w) => w.chain).filter(unique));
  },
};

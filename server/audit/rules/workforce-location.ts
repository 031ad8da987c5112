// WORKFORCE_LOCATION: "our workers are in these countries" (params.countries).
import { distinct, listed } from '../audit-facts.js';
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
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: distinct(outside.flatMap((w) => w.chain)),
        explanation: `${listed(outside.map((w) => `${w.pool.name} (${w.pool.country})`))} work${outside.length === 1 ? 's' : ''} behind ${S}, outside ${allowed.join(', ')}.`,
      });
    }
    const unknown = f.workforce.filter((w) => w.pool.country === null);
    if (f.workforce.length && !unknown.length) {
      return {
        verdict: 'SUPPORTED',
        evidence: distinct(f.workforce.flatMap((w) => w.chain)),
        explanation: `All ${f.workforce.length} worker pool${f.workforce.length === 1 ? '' : 's'} behind ${S} are in ${allowed.join(', ')}: ${listed(f.workforce.map((w) => `${w.pool.name} (${w.pool.country})`))}.`,
      };
    }
    return unverifiable(
      f.workforce.length
        ? `The country of ${listed(unknown.map((w) => w.pool.name))} is not known.`
        : `No worker pool is known behind ${S} at this date.`,
      distinct(unknown.flatMap((w) => w.chain)),
    );
  },
};

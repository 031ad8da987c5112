// WAGE_FLOOR: "we pay at least the legal minimum / a living wage (times params.multiple) in every country", judged on the sourced pay reports of the workforce behind the organisation against each pool's country's reference.
import { distinct, listed } from '../audit-facts.js';
import type { PayFact, WorkforceFact } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';
import { wageGap, type PayFigure } from '../../../format/wage-gap.js';
import { observedYear } from '../../models/pay-model.js';
import { WAGE_KINDS, type PayUnit, type WageKind } from '../../../vocabulary/pay.js';

const REFERENCES: readonly WageKind[] = ['legal-minimum', 'living-wage'];

function figureOf(p: PayFact): PayFigure {
  const range = (min: number | null, max: number | null) => (min !== null && max !== null ? { min, max } : null);
  return {
    min: p.min,
    max: p.max,
    currency: p.currency,
    unit: p.unit as PayUnit,
    year: observedYear(p.since, p.until),
    tasksPerHour: range(p.tasksPerHourMin ?? null, p.tasksPerHourMax ?? null),
    hoursPerUnit: range(p.hoursPerUnitMin ?? null, p.hoursPerUnitMax ?? null),
    fullTime: p.fullTime === true,
  };
}

const times = (m: number) => (m === 1 ? '' : `${m} × `);

export const wageFloor: ClaimRule = {
  kind: 'WAGE_FLOOR',
  subject: 'organization',
  reads: ['workforce', 'wageTable'],
  contradictedWhen:
    "a sourced pay report of a pool behind S (in `params.countries` when given) has an hourly range entirely below `params.multiple` (default 1) × the reference wage (`params.reference`: legal-minimum or living-wage) of the pool's country and year",
  supportedWhen: 'every such pool has sourced pay, and every sourced report of it is at or above that, the whole range',
  judge(claim, f, { S, unverifiable, withOwnSources }) {
    const kind = claim.params?.reference;
    if (typeof kind !== 'string' || !(REFERENCES as readonly string[]).includes(kind)) {
      return unverifiable(
        'The claim names no reference wage to check (params.reference: "legal-minimum" or "living-wage").',
      );
    }
    const reference = kind as WageKind;
    const multiple =
      typeof claim.params?.multiple === 'number' && claim.params.multiple > 0 ? claim.params.multiple : 1;
    const countries = Array.isArray(claim.params?.countries) ? (claim.params.countries as unknown[]).map(String) : null;
    const label = `${times(multiple)}the ${WAGE_KINDS[reference].label}`;
    const refs = f.wageTable?.references ?? [];
    const rates = f.wageTable?.rates ?? [];
    // Pools of unknown country stay in scope: nothing says they are outside the countries named.
    const pools = f.workforce.filter(
      (w) => !countries || w.pool.country === null || countries.includes(w.pool.country),
    );
    if (!pools.length)
      return unverifiable(
        `No worker pool is known behind ${S}${countries ? ` in ${countries.join(', ')}` : ''} at this date.`,
      );

    const judged = pools.flatMap((w) =>
      (w.pay ?? [])
        .filter((p) => p.sourceCount > 0)
        .map((p) => {
          const gap = wageGap(figureOf(p), w.pool.country, reference, refs, rates);
          return { w, p, gap };
        }),
    );
    const chainOf = (w: WorkforceFact) => w.chain;
    const below = judged.filter((x) => x.gap.ok && x.gap.value.ratioMax < multiple);
    if (below.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: distinct(below.flatMap((x) => chainOf(x.w))),
        explanation:
          listed(
            below.map((x) => {
              const g = x.gap.ok ? x.gap : null;
              return `${x.w.pool.name}: pay report ${x.p.id} (${g!.steps.join('; ')}), entirely below ${label} [${g!.value.reference.id}]`;
            }),
            '; ',
          ) + '.',
      });
    }
    const withoutPay = pools.filter((w) => !(w.pay ?? []).some((p) => p.sourceCount > 0));
    const underived = judged.filter((x) => !x.gap.ok);
    const straddling = judged.filter((x) => x.gap.ok && x.gap.value.ratioMin < multiple);
    if (!withoutPay.length && !underived.length && !straddling.length) {
      const lowest = Math.min(...judged.map((x) => (x.gap.ok ? x.gap.value.ratioMin : Infinity)));
      return {
        verdict: 'SUPPORTED',
        evidence: distinct(pools.flatMap(chainOf)),
        explanation: `Every sourced pay report behind ${S} reaches ${label} of its country over its whole range (the lowest at ${Math.round(lowest * 100) / 100}× the reference, ${judged.length} report${judged.length === 1 ? '' : 's'}).`,
      };
    }
    const why = [
      ...(withoutPay.length ? [`no sourced pay is known for ${listed(withoutPay.map((w) => w.pool.name))}`] : []),
      ...underived.map(
        (x) =>
          `for ${x.w.pool.name} (pay report ${x.p.id}) the comparison cannot be derived: ${x.gap.ok ? '' : x.gap.reason}`,
      ),
      ...straddling.map(
        (x) =>
          `${x.w.pool.name}'s pay report ${x.p.id} spans ${label} (${x.gap.ok ? `${Math.round(x.gap.value.ratioMin * 100) / 100}–${Math.round(x.gap.value.ratioMax * 100) / 100}×` : ''})`,
      ),
    ];
    return unverifiable(`${why.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
  },
};

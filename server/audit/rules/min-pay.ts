// MIN_PAY: "our workers earn at least this much an hour" (params.eurPerHour).
import { distinct, eur, listed } from '../audit-facts.js';
import type { ClaimRule } from './claim-rule.js';

export const minPay: ClaimRule = {
  kind: 'MIN_PAY',
  subject: 'organization',
  reads: ['workforce'],
  contradictedWhen:
    "pay per unit × 60 ÷ minutes per unit is below the threshold for a pool behind S and a task it performs (pay: the pool's lowest valid contract price, else the task's unit pay)",
  supportedWhen: 'that figure is known for every such pool and task, and none is below',
  judge(claim, f, { S, link, unverifiable, withOwnSources }) {
    const threshold = typeof claim.params?.eurPerHour === 'number' ? claim.params.eurPerHour : null;
    if (threshold === null) return unverifiable('The claim gives no hourly threshold (params.eurPerHour) to check.');
    const figures = f.workforce.flatMap((w) =>
      w.performed.map((p) => {
        const contract = w.contract ? link(w.contract).pricePerUnitEur : null;
        const pay = contract ?? p.task.unitPayEur;
        const hourly = pay !== null && p.task.minutesPerUnit ? (pay * 60) / p.task.minutesPerUnit : null;
        return { w, p, pay, hourly, evidence: distinct([...(w.contract ? [w.contract] : []), p.link, ...w.chain]) };
      }),
    );
    const below = figures.filter((x) => x.hourly !== null && x.hourly < threshold);
    if (below.length) {
      return withOwnSources({
        verdict: 'CONTRADICTED',
        evidence: distinct(below.flatMap((x) => x.evidence)),
        explanation:
          listed(
            below.map(
              (x) =>
                `${x.w.pool.name} earn ${eur(x.hourly!)} an hour on “${x.p.task.name}” (${eur(x.pay!)} a unit, ${x.p.task.minutesPerUnit} min a unit), below ${eur(threshold)}`,
            ),
            '; ',
          ) + '.',
      });
    }
    if (figures.length && figures.every((x) => x.hourly !== null)) {
      const lowest = Math.min(...figures.map((x) => x.hourly!));
      return {
        verdict: 'SUPPORTED',
        evidence: distinct(figures.flatMap((x) => x.evidence)),
        explanation: `Every known pay behind ${S} reaches ${eur(threshold)} an hour; the lowest is ${eur(lowest)}.`,
      };
    }
    return unverifiable(
      figures.length
        ? `Pay or time per unit is unknown for ${listed(figures.filter((x) => x.hourly === null).map((x) => `${x.w.pool.name} on “${x.p.task.name}”`))}.`
        : `No task is known to be performed by the workforce behind ${S} at this date.`,
    );
  },
};

// The words of pay: the units pay is reported in, who reports it, and the kinds of reference wage, each with its label.

/** The unit a pay figure is reported in: per task done, or per period worked. */
export const PAY_UNITS = {
  task: { label: 'a task', hours: null },
  hour: { label: 'an hour', hours: 1 },
  day: { label: 'a day', hours: null },
  week: { label: 'a week', hours: null },
  month: { label: 'a month', hours: null },
  year: { label: 'a year', hours: null },
} as const;
export type PayUnit = keyof typeof PAY_UNITS;
export const PAY_UNIT_NAMES = Object.keys(PAY_UNITS) as PayUnit[];

/** Who reported a pay figure: it says how far to trust it and what it measures (a contract rate is not take-home pay). */
export const PAY_REPORTERS = {
  'workers-survey': { label: "workers' survey" },
  workers: { label: 'workers interviewed' },
  company: { label: 'the company' },
  contract: { label: 'a contract or pay slip' },
  press: { label: 'the press' },
  research: { label: 'researchers' },
} as const;
export type PayReporter = keyof typeof PAY_REPORTERS;
export const PAY_REPORTER_NAMES = Object.keys(PAY_REPORTERS) as PayReporter[];

/** The kinds of reference wage a pay figure is compared with. */
export const WAGE_KINDS = {
  'legal-minimum': { label: 'legal minimum wage' },
  'living-wage': { label: 'living wage' },
  median: { label: 'median wage' },
} as const;
export type WageKind = keyof typeof WAGE_KINDS;
export const WAGE_KIND_NAMES = Object.keys(WAGE_KINDS) as WageKind[];

/** ISO 4217 codes: three capital letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

// The day kept verdicts and scorecards are judged and kept for.

/** Today in UTC (YYYY-MM-DD): the day verdicts are judged for, and scorecards kept for. Pure but for the clock. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

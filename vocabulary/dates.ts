// Partial dates as the format allows them (YYYY, YYYY-MM, YYYY-MM-DD), read as the days they may mean. Shared by the
// server (validity of links) and the explorer (the timeline). Pure.

/** The first day a partial date may mean (`2019` → `2019-01-01`). */
export function startOfDate(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a partial date may mean (`2019-02` → `2019-02-28`). */
export function endOfDate(value: string): string {
  const [y, m, d] = value.split('-');
  if (m === undefined) return `${y}-12-31`;
  if (d !== undefined) return value;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day (YYYY-MM-DD, or YYYY-MM, YYYY) in words, the way reports write it: "3 March 2026"; other text as it is. Pure. */
export function dayInWords(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Whether `value` is a moment as the API's DateTime takes it: an ISO 8601 date and time with an offset. Pure. */
export function isMoment(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A moment in words, in UTC to the second, the way reports write it: "4 December 2026, 15:00:02 UTC". Pure. */
export function momentInWords(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const iso = new Date(ms).toISOString();
  return `${dayInWords(iso.slice(0, 10))}, ${iso.slice(11, 19)} UTC`;
}

// The timeline of the links in view: a bar per link from `since` to `until`, open ends drawn as such, unsourced links
// marked, the view's date as a line, and the years as buttons that move the view's date. Pure: model and SVG text.
import type { Link } from '../api/types.js';
import { startOfDate, endOfDate } from '../../vocabulary/dates.js';
import { linkSentence } from '../../vocabulary/index.js';
import { escapeHtml as h } from './escape-html.js';

export interface TimelineRow {
  id: string;
  /** The link read as a sentence. */
  label: string;
  /** Day numbers (days since 1970-01-01) of the bar's ends; null for an open end. */
  start: number | null;
  end: number | null;
  unsourced: boolean;
}

export interface Timeline {
  rows: TimelineRow[];
  first: number;
  last: number;
  years: number[];
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Rows for the links, earliest start first (open starts first of all); the axis spans every known date and `today`,
 * with a year's margin so that open ends are visible as such.
 */
export function timelineModel(links: readonly Link[], name: (id: string) => string, today: string): Timeline {
  const rows = links
    .map((l) => ({
      id: l.id,
      label: linkSentence(l.type, name(l.from), name(l.to)),
      start: l.since ? dayOf(startOfDate(l.since)) : null,
      end: l.until ? dayOf(endOfDate(l.until)) : null,
      unsourced: l.sources.length === 0,
    }))
    .sort(
      (a, b) =>
        (a.start ?? -Infinity) - (b.start ?? -Infinity) ||
        (a.end ?? Infinity) - (b.end ?? Infinity) ||
        a.id.localeCompare(b.id),
    );
  const known = [dayOf(today), ...rows.flatMap((r) => [r.start, r.end]).filter((d): d is number => d !== null)];
  const firstYear = new Date(Math.min(...known) * DAY).getUTCFullYear() - 1;
  const lastYear = new Date(Math.max(...known) * DAY).getUTCFullYear() + 1;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return { rows, first: dayOf(`${firstYear}-01-01`), last: dayOf(`${lastYear}-12-31`), years };
}

export const ROW_HEIGHT = 18;

/** The timeline as SVG: bars (an open end fades out and ends in an arrow), unsourced bars dashed, the view's date as a line. */
export function timelineSvg(t: Timeline, asOf: string, width: number): string {
  const x = (day: number) => Math.round(((day - t.first) / Math.max(1, t.last - t.first)) * width * 10) / 10;
  const height = t.rows.length * ROW_HEIGHT + 24;
  const grid = t.years
    .map((y) => {
      const gx = x(dayOf(`${y}-01-01`));
      return `<line x1="${gx}" y1="0" x2="${gx}" y2="${height - 18}" class="tl-grid"/><text x="${gx + 2}" y="${height - 6}" class="tl-year">${y}</text>`;
    })
    .join('');
  const bars = t.rows
    .map((r, i) => {
      const y = i * ROW_HEIGHT + 4;
      const x1 = x(r.start ?? t.first);
      const x2 = x(r.end ?? t.last);
      const open = `${r.start === null ? ' open-start' : ''}${r.end === null ? ' open-end' : ''}`;
      const ends = `${r.start === null ? '<path d="M ' + (x1 + 6) + ' ' + (y + 1) + ' l -6 5 l 6 5" class="tl-open"/>' : ''}${r.end === null ? '<path d="M ' + (x2 - 6) + ' ' + (y + 1) + ' l 6 5 l -6 5" class="tl-open"/>' : ''}`;
      const when = `${r.start === null ? 'from an unknown start' : `from ${isoOf(r.start)}`} ${r.end === null ? 'with no known end' : `until ${isoOf(r.end)}`}${r.unsourced ? '; no source given' : ''}`;
      return (
        `<g class="tl-bar${open}${r.unsourced ? ' unsourced' : ''}" data-id="${h(r.id)}" tabindex="0" role="img" aria-label="${h(`${r.label}, ${when}`)}">` +
        `<title>${h(`${r.label}, ${when}`)}</title><rect x="${x1}" y="${y}" width="${Math.max(2, x2 - x1)}" height="${ROW_HEIGHT - 6}" rx="3"/>${ends}` +
        `<text x="${Math.min(x1 + 4, width - 4)}" y="${y + ROW_HEIGHT - 9}" class="tl-label">${h(r.label)}${r.unsourced ? ' (no source)' : ''}</text></g>`
      );
    })
    .join('');
  const now = x(dayOf(asOf));
  return (
    `<svg class="timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="Validity of each link in view">${grid}${bars}` +
    `<line x1="${now}" y1="0" x2="${now}" y2="${height - 18}" class="tl-now"/></svg>`
  );
}

/** Buttons under the timeline that move the view's date to the first of January of a year (and one for today). */
export function yearButtonsHtml(t: Timeline, asOf: string | null): string {
  const current = asOf?.slice(0, 4);
  return (
    t.years
      .map(
        (y) =>
          `<button type="button" data-date="${y}-01-01"${current === String(y) ? ' aria-current="true"' : ''}>${y}</button>`,
      )
      .join('') + `<button type="button" data-date=""${asOf === null ? ' aria-current="true"' : ''}>Today</button>`
  );
}

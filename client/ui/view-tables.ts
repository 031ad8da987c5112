// A view as two tables, entities and links: the rows, their order, and the same tables as HTML, CSV and Markdown. Pure.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { GraphNode, Link, Source } from '../api/types.js';
import { kindLook, linkLook } from '../graph/roles.js';
import { formatEur, isUndisclosed } from '../graph/to-elements.js';
import { LINK_TYPES, isOneOf, LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { escapeHtml as h } from './escape-html.js';

export type TableId = 'entities' | 'links';
export type SortDirection = 'ascending' | 'descending';
export interface TableSort {
  table: TableId;
  column: string;
  direction: SortDirection;
}

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}
export interface Row {
  /** The id of the entity or link the row stands for. */
  id: string;
  cells: Record<string, string>;
  /** What the row sorts by, per column: numbers for numeric columns; null sorts last. */
  sortBy: Record<string, string | number | null>;
}
export interface Table {
  id: TableId;
  caption: string;
  columns: Column[];
  rows: Row[];
}

export const ENTITY_COLUMNS: Column[] = [
  { key: 'name', label: 'Name' },
  { key: 'kind', label: 'Kind' },
  { key: 'country', label: 'Country' },
  { key: 'pay', label: 'Pay as reported' },
  { key: 'minimum', label: 'Pay ÷ legal minimum', numeric: true },
  { key: 'sources', label: 'Sources' },
];

/** A worker pool's pay as the table shows it: each report as reported and its ratio to the legal minimum, or why none. */
export interface PoolPay {
  paySuppressed: boolean;
  pay: {
    reported: string;
    legalMinimum: {
      ratioMin: number | null;
      ratioMax: number | null;
      reason: string | null;
      reference: { country: string; year: number } | null;
    };
  }[];
}

/** The pools' pay from an EntitySources answer: only worker pools carry it. */
export function poolPayOf(entities: readonly ({ id: string } & Partial<PoolPay>)[]): Map<string, PoolPay> {
  return new Map(
    entities.flatMap((e) => (e.pay ? [[e.id, { paySuppressed: e.paySuppressed === true, pay: e.pay }] as const] : [])),
  );
}

const ratioText = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** The pay cells of a pool (empty for other entities) and the lowest ratio it sorts by; "loading…" until fetched. */
export function payCells(
  kind: string,
  pay: PoolPay | undefined,
): { pay: string; minimum: string; lowest: number | null } {
  if (kind !== 'worker-pool') return { pay: '', minimum: '', lowest: null };
  if (pay === undefined) return { pay: 'loading…', minimum: 'loading…', lowest: null };
  if (pay.paySuppressed) return { pay: 'withheld (small group)', minimum: 'withheld (small group)', lowest: null };
  if (pay.pay.length === 0) return { pay: 'none reported', minimum: 'no pay to compare', lowest: null };
  const gaps = pay.pay.map((r) => r.legalMinimum);
  const minimum = gaps
    .map((g) =>
      g.reference && g.ratioMin !== null && g.ratioMax !== null
        ? `${g.ratioMin === g.ratioMax ? ratioText(g.ratioMin) : `${ratioText(g.ratioMin)}–${ratioText(g.ratioMax)}`}× (${g.reference.country} ${g.reference.year})`
        : `no ratio: ${g.reason ?? 'cannot be compared'}`,
    )
    .join('; ');
  const ratios = gaps.flatMap((g) => (g.ratioMin !== null ? [g.ratioMin] : []));
  return {
    pay: pay.pay.map((r) => r.reported).join('; '),
    minimum,
    lowest: ratios.length ? Math.min(...ratios) : null,
  };
}
export const LINK_COLUMNS: Column[] = [
  { key: 'from', label: 'From' },
  { key: 'link', label: 'Link' },
  { key: 'to', label: 'To' },
  { key: 'since', label: 'Valid from' },
  { key: 'until', label: 'Valid until' },
  { key: 'price', label: 'Price per unit', numeric: true },
  { key: 'disclosure', label: 'Disclosed to workers' },
  { key: 'confidence', label: 'Confidence', numeric: true },
  { key: 'sources', label: 'Sources' },
];

/** Sources in a cell: each title with its publisher and date; says so when there is none. */
export function sourcesText(sources: readonly Source[] | undefined): string {
  if (sources === undefined) return 'loading…';
  if (sources.length === 0) return 'no source given';
  return sources
    .map((s) => `${s.title}${s.publisher || s.date ? ` (${[s.publisher, s.date].filter(Boolean).join(', ')})` : ''}`)
    .join('; ');
}

function disclosure(link: Link, undisclosedParty: boolean): string {
  if (link.disclosedToWorkers === false) return 'no: workers are not told';
  if (undisclosedParty) return 'a party is undisclosed';
  if (link.disclosedToWorkers === true) return 'yes';
  return 'not documented';
}

/**
 * The two tables of a view. `nodes` and `edges` are what the filters leave (visibleSubgraph); `entitySources` holds the
 * sources of each entity once fetched (undefined: still loading), `poolPay` the pay of each worker pool, fetched with them.
 */
export function viewTables(
  view: { nodes: GraphNode[]; edges: Link[] },
  entitySources?: ReadonlyMap<string, Source[]>,
  poolPay?: ReadonlyMap<string, PoolPay>,
): Table[] {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const entities: Row[] = view.nodes.map((n) => {
    const sources = entitySources ? (entitySources.get(n.id) ?? []) : undefined;
    const pay = payCells(
      n.kind,
      entitySources && poolPay ? (poolPay.get(n.id) ?? { paySuppressed: false, pay: [] }) : undefined,
    );
    const cells = {
      name: n.name,
      kind: kindLook(n.kind).label,
      country: n.country ?? '',
      pay: pay.pay,
      minimum: pay.minimum,
      sources: sourcesText(sources),
    };
    return {
      id: n.id,
      cells,
      sortBy: {
        ...cells,
        country: n.country ?? null,
        pay: pay.pay || null,
        minimum: pay.lowest,
        sources: sources?.length ?? null,
      },
    };
  });
  const links: Row[] = view.edges.map((e) => {
    const reads = isOneOf(LINK_TYPE_NAMES, e.type) ? LINK_TYPES[e.type].reads : linkLook(e.type).label;
    const price = e.priceSuppressed
      ? 'withheld (small group)'
      : e.pricePerUnitEur != null
        ? formatEur(e.pricePerUnitEur)
        : '';
    const confidence =
      e.confidence != null ? `${Math.round(e.confidence * 100)}%${e.confidence < 1 ? ' (a reading)' : ''}` : '';
    const cells = {
      from: name(e.from),
      link: reads,
      to: name(e.to),
      since: e.since ?? '',
      until: e.until ?? '',
      price,
      disclosure: disclosure(
        e,
        isUndisclosed(e, (id) => byId.get(id)?.kind),
      ),
      confidence,
      sources: sourcesText(e.sources),
    };
    return {
      id: e.id,
      cells,
      sortBy: {
        ...cells,
        since: e.since ?? null,
        until: e.until ?? null,
        price: e.priceSuppressed ? null : (e.pricePerUnitEur ?? null),
        confidence: e.confidence ?? null,
        sources: e.sources.length,
      },
    };
  });
  return [
    { id: 'entities', caption: `Entities (${view.nodes.length})`, columns: ENTITY_COLUMNS, rows: entities },
    { id: 'links', caption: `Links (${view.edges.length})`, columns: LINK_COLUMNS, rows: links },
  ];
}

/** The table with its rows in the order asked; ties and empty values keep a stable order, empty values last. */
export function sortTable(table: Table, column: string, direction: SortDirection): Table {
  const sign = direction === 'ascending' ? 1 : -1;
  const rows = table.rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => {
      const x = a.sortBy[column] ?? null;
      const y = b.sortBy[column] ?? null;
      if (x === null || y === null) return x === y ? i - j : x === null ? 1 : -1;
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { sensitivity: 'base', numeric: true });
      return c === 0 ? i - j : sign * c;
    })
    .map(([r]) => r);
  return { ...table, rows };
}

/** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are made inert. */
export function tableToCsv(table: Table): string {
  return stringify(
    [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => r.cells[c.key] ?? ''))],
    {
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}

/** A GitHub-flavoured Markdown table: pipes and line breaks in cells escaped so every row stays one row. */
export function tableToMarkdown(table: Table): string {
  const cell = (s: string) =>
    s
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n|\r/g, ' ');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    line(table.columns.map((c) => c.label)),
    `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => line(table.columns.map((c) => r.cells[c.key] ?? ''))),
  ].join('\n');
}

/**
 * One table as accessible HTML: a caption, column headers that are sort buttons with `aria-sort`, and rows that can be
 * chosen with a click or the keyboard (the chosen one `aria-selected`).
 */
export function tableHtml(table: Table, sort: TableSort | null, selected: string | null): string {
  const header = table.columns
    .map((c) => {
      const sorted = sort?.table === table.id && sort.column === c.key ? sort.direction : null;
      const next = sorted === 'ascending' ? 'descending' : 'ascending';
      return (
        `<th scope="col"${sorted ? ` aria-sort="${sorted}"` : ''}${c.numeric ? ' class="num"' : ''}><button type="button" data-sort="${h(c.key)}" data-direction="${next}"` +
        ` aria-label="${h(c.label)}: sort ${next}">${h(c.label)}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span></button></th>`
      );
    })
    .join('');
  const body = table.rows
    .map(
      (r) =>
        `<tr data-id="${h(r.id)}" tabindex="-1" aria-selected="${r.id === selected}">${table.columns
          .map((c, i) => {
            const text = h(r.cells[c.key] ?? '');
            return i === 0
              ? `<th scope="row"><button type="button" class="link" data-select="${h(r.id)}">${text}</button></th>`
              : `<td${c.numeric ? ' class="num"' : ''}>${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const empty =
    table.rows.length === 0 ? `<tr><td colspan="${table.columns.length}">None with these filters.</td></tr>` : '';
  return `<section class="view-table" data-table="${table.id}" aria-labelledby="caption-${table.id}">
    <div class="table-actions"><h2 id="caption-${table.id}">${h(table.caption)}</h2>
      <button type="button" data-copy="csv" data-table="${table.id}">Copy as CSV</button>
      <button type="button" data-copy="markdown" data-table="${table.id}">Copy as Markdown</button></div>
    <table><thead><tr>${header}</tr></thead><tbody>${body}${empty}</tbody></table></section>`;
}

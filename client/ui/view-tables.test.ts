import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';
import { visibleSubgraph } from '../graph/to-elements.js';
import { sortTable, tableHtml, tableToCsv, tableToMarkdown, viewTables } from './view-tables.js';
import { sourceRow } from '../../tests/support/source-row.js';

const all = () => visibleSubgraph(viewFixture(), { hiddenTypes: [], hiddenKinds: [], hiddenCountries: [] });

describe('a view as tables', () => {
  it('lists every entity and link with the link read as a sentence, dates, price, disclosure, confidence and sources', () => {
    const [entities, links] = viewTables(
      all(),
      new Map([
        [
          'v-platform',
          [
            sourceRow({
              id: 's',
              title: 'Terms',
              type: 'terms-of-service',
              date: '2022-01-01',
              publisher: 'Platform & Co',
            }),
          ],
        ],
      ]),
    );
    expect(entities!.rows.map((r) => r.cells.name)).toEqual([
      'Label "cars"',
      'Pool in Madagascar',
      'Platform & Co',
      'Hidden broker',
      'Client AI',
    ]);
    expect(entities!.rows.find((r) => r.id === 'v-platform')!.cells).toEqual({
      name: 'Platform & Co',
      kind: 'Platform',
      country: 'FR',
      pay: '',
      minimum: '',
      sources: 'Terms (Platform & Co, 2022-01-01)',
    });
    expect(entities!.rows.find((r) => r.id === 'v-client')!.cells.sources).toBe('no source given');
    const hidden = links!.rows.find((r) => r.id === 'SUBCONTRACTS_FOR:v-platform->v-broker')!.cells;
    expect(hidden).toMatchObject({
      from: 'Platform & Co',
      link: 'subcontracts for',
      to: 'Hidden broker',
      price: '€0.10',
      disclosure: 'no: workers are not told',
      confidence: '50% (a reading)',
      sources: 'no source given',
    });
    expect(links!.rows.find((r) => r.id === 'SUBCONTRACTS_FOR:v-broker->v-client')!.cells).toMatchObject({
      until: '2023-06-30',
      disclosure: 'a party is undisclosed',
    });
    expect(viewTables(all())[0]!.rows[0]!.cells.sources).toBe('loading…');
  });

  it('shows what the filters leave, like the graph', () => {
    const view = visibleSubgraph(viewFixture(), {
      hiddenTypes: ['PERFORMED_BY'],
      hiddenKinds: ['undisclosed'],
      hiddenCountries: [],
    });
    const [entities, links] = viewTables(view);
    expect(entities!.rows.map((r) => r.id)).not.toContain('v-broker');
    expect(links!.rows.map((r) => r.id)).toEqual(['CONTRACTED_BY:v-pool->v-platform']);
  });

  it('sorts numbers as numbers and text as text, empty values last either way', () => {
    const links = viewTables(all())[1]!;
    const prices = (t: typeof links) => t.rows.map((r) => r.cells.price);
    expect(prices(sortTable(links, 'price', 'ascending'))).toEqual(['€0.02', '€0.10', '€0.25', '']);
    expect(prices(sortTable(links, 'price', 'descending'))).toEqual(['€0.25', '€0.10', '€0.02', '']);
    expect(sortTable(links, 'from', 'ascending').rows.map((r) => r.cells.from)).toEqual([
      'Hidden broker',
      'Label "cars"',
      'Platform & Co',
      'Pool in Madagascar',
    ]);
  });

  it('copies as CSV that parses back to the same cells, with formulas made inert', () => {
    const entities = viewTables({
      nodes: [
        ...all().nodes,
        {
          id: 'evil',
          name: '=HYPERLINK("http://x")',
          kind: 'other',
          country: null,
          taskKind: null,
          size: null,
          sizeSuppressed: false,
        },
      ],
      edges: [],
    })[0]!;
    const parsed = parse(tableToCsv(entities)) as string[][];
    expect(parsed[0]).toEqual(['Name', 'Kind', 'Country', 'Pay as reported', 'Pay ÷ legal minimum', 'Sources']);
    expect(parsed[1]).toEqual(['Label "cars"', 'Task', '', '', '', 'loading…']);
    expect(parsed.at(-1)![0]).toBe('\'=HYPERLINK("http://x")');
  });

  it('copies as Markdown with one line per row, whatever the cells hold', () => {
    const entities = viewTables({
      nodes: [
        {
          id: 'p',
          name: 'A | B\nC',
          kind: 'platform',
          country: 'FR',
          taskKind: null,
          size: null,
          sizeSuppressed: false,
        },
      ],
      edges: [],
    })[0]!;
    expect(tableToMarkdown(entities).split('\n')).toEqual([
      '| Name | Kind | Country | Pay as reported | Pay ÷ legal minimum | Sources |',
      '| --- | --- | --- | --- | ---: | --- |',
      '| A \\| B C | Platform | FR |  |  | loading… |',
    ]);
  });

  it('gives each worker pool its pay as reported and its ratio to the legal minimum, or why none, sorted by the lowest ratio', () => {
    const gap = (ratioMin: number | null, ratioMax: number | null, reason: string | null) => ({
      ratioMin,
      ratioMax,
      reason,
      reference: ratioMin === null ? null : { country: 'MG', year: 2019 },
    });
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      name: id,
      kind: 'worker-pool',
      country: 'MG',
      taskKind: null,
      size: null,
      sizeSuppressed: false,
    }));
    const pay = new Map([
      [
        'a',
        {
          paySuppressed: false,
          pay: [
            { reported: '€0.03 a task', legalMinimum: gap(0.36, 0.72, null) },
            { reported: '€2.00 an hour', legalMinimum: gap(0.5, 0.5, null) },
          ],
        },
      ],
      [
        'b',
        {
          paySuppressed: false,
          pay: [{ reported: 'MGA 100,000.00 a month', legalMinimum: gap(null, null, 'no hours reported') }],
        },
      ],
      ['c', { paySuppressed: true, pay: [] }],
      ['d', { paySuppressed: false, pay: [{ reported: '€1.00 an hour', legalMinimum: gap(0.2, 0.3, null) }] }],
    ]);
    const [entities] = viewTables({ nodes, edges: [] }, new Map(), pay);
    const cells = (id: string) => entities!.rows.find((r) => r.id === id)!.cells;
    expect(cells('a')).toMatchObject({
      pay: '€0.03 a task; €2.00 an hour',
      minimum: '0.36–0.72× (MG 2019); 0.5× (MG 2019)',
    });
    expect(cells('b')).toMatchObject({ pay: 'MGA 100,000.00 a month', minimum: 'no ratio: no hours reported' });
    expect(cells('c')).toMatchObject({ pay: 'withheld (small group)', minimum: 'withheld (small group)' });
    expect(sortTable(entities!, 'minimum', 'ascending').rows.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(sortTable(entities!, 'minimum', 'descending').rows.map((r) => r.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(viewTables({ nodes, edges: [] })[0]!.rows[0]!.cells.pay).toBe('loading…');
  });

  it('as HTML: escaped cells, sortable headers that say their order, the selected row marked', () => {
    const links = viewTables(all())[1]!;
    const html = tableHtml(
      sortTable(links, 'price', 'ascending'),
      { table: 'links', column: 'price', direction: 'ascending' },
      'CONTRACTED_BY:v-pool->v-platform',
    );
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('data-direction="descending"');
    expect(html).toContain('Platform &amp; Co');
    expect(html).not.toContain('Platform & Co');
    expect(html).toMatch(/data-id="CONTRACTED_BY:v-pool-&gt;v-platform" tabindex="-1" aria-selected="true"/);
    expect(tableHtml({ ...links, rows: [] }, null, null)).toContain('None with these filters.');
  });
});

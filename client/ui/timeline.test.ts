import { describe, expect, it } from 'vitest';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';
import { timelineModel, timelineSvg, yearButtonsHtml } from './timeline.js';

const g = viewFixture();
const name = (id: string) => g.nodes.find((n) => n.id === id)?.name ?? id;

describe('the timeline', () => {
  it('has a bar per link, read as a sentence, with open ends where a date is unknown, earliest first', () => {
    const t = timelineModel(g.edges, name, '2026-11-29');
    expect(t.rows.map((r) => r.id)).toEqual(
      [
        'SUBCONTRACTS_FOR:v-platform->v-broker',
        'PERFORMED_BY:v-task->v-pool',
        'SUBCONTRACTS_FOR:v-broker->v-client',
        'CONTRACTED_BY:v-pool->v-platform',
      ].sort((a, b) => t.rows.findIndex((r) => r.id === a) - t.rows.findIndex((r) => r.id === b)),
    );
    const contract = t.rows.find((r) => r.id === 'CONTRACTED_BY:v-pool->v-platform')!;
    expect(contract.label).toBe('Pool in Madagascar is contracted by Platform & Co');
    expect(contract.start).toBe(Date.UTC(2020, 0, 1) / 86_400_000); // "2020" starts on 1 January
    expect(contract.end).toBeNull();
    const ended = t.rows.find((r) => r.id === 'SUBCONTRACTS_FOR:v-broker->v-client')!;
    expect(ended).toMatchObject({ start: null, end: Date.UTC(2023, 5, 30) / 86_400_000 });
    expect(t.rows.at(-1)!.id).toBe('CONTRACTED_BY:v-pool->v-platform'); // the only one with a known start
    expect(t.rows.find((r) => r.id === 'SUBCONTRACTS_FOR:v-platform->v-broker')!.unsourced).toBe(true);
    expect(t.years[0]).toBe(2019);
    expect(t.years.at(-1)).toBe(2027);
  });

  it('draws open ends, unsourced bars and the date of the view; escapes every name', () => {
    const t = timelineModel(g.edges, name, '2026-11-29');
    const svg = timelineSvg(t, '2022-01-01', 800);
    expect(svg.match(/class="tl-bar/g)).toHaveLength(4);
    expect(svg).toContain('class="tl-bar open-start open-end unsourced"');
    expect(svg).toContain('Platform &amp; Co subcontracts for Hidden broker (no source)');
    expect(svg).not.toContain('Platform & Co');
    expect(svg).toContain(
      'aria-label="Pool in Madagascar is contracted by Platform &amp; Co, from 2020-01-01 with no known end"',
    );
    expect(svg).toMatch(/class="tl-now"/);
  });

  it('offers each year of the axis and today as dates to move to, the current one marked', () => {
    const t = timelineModel(g.edges, name, '2026-11-29');
    const html = yearButtonsHtml(t, '2021-01-01');
    expect(html).toContain('<button type="button" data-date="2021-01-01" aria-current="true">2021</button>');
    expect(html).toContain('data-date="">Today</button>');
  });
});

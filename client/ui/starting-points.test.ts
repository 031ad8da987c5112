import { describe, expect, it } from 'vitest';
import { STARTING_POINTS, startingPointsHtml } from './starting-points.js';

describe('starting points', () => {
  it('are buttons that open a view on a record, with where each comes from, escaped', () => {
    const html = startingPointsHtml([{ view: 'cascade', root: 'a"b', label: 'X <y>', from: 'Source & co' }]);
    expect(html).toContain('data-open="cascade:a&quot;b"');
    expect(html).toContain('X &lt;y&gt;');
    expect(html).toContain('(Source &amp; co)');
  });

  it('hold distinct starting points', () => {
    expect(new Set(STARTING_POINTS.map((p) => `${p.view}:${p.root}`)).size).toBe(STARTING_POINTS.length);
  });
});

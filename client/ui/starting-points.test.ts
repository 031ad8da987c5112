import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STARTING_POINTS, startingPointsHtml } from './starting-points.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

describe('starting points', () => {
  it('are buttons that open a view on a record, with where each comes from, escaped', () => {
    const html = startingPointsHtml([{ view: 'cascade', root: 'a"b', label: 'X <y>', from: 'Source & co' }]);
    expect(html).toContain('data-open="cascade:a&quot;b"');
    expect(html).toContain('X &lt;y&gt;');
    expect(html).toContain('(Source &amp; co)');
  });

  it('open on the day given, when there is one', () => {
    const html = startingPointsHtml([{ view: 'provenance', root: 't', label: 'T', from: 'S', asOf: '2022-01-15' }]);
    expect(html).toContain('data-open="provenance:t" data-as-of="2022-01-15"');
    expect(startingPointsHtml([{ view: 'provenance', root: 't', label: 'T', from: 'S' }])).not.toContain('data-as-of');
  });

  it('each open a record the fixtures hold', () => {
    const ids = new Set(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => {
          const d = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>;
          return ['organizations', 'workerPools', 'tasks', 'aiProducts'].flatMap((k) =>
            ((d[k] as { id: string }[] | undefined) ?? []).map((x) => x.id),
          );
        }),
    );
    expect(STARTING_POINTS.map((p) => p.root).filter((root) => !ids.has(root))).toEqual([]);
  });

  it('hold distinct starting points', () => {
    expect(new Set(STARTING_POINTS.map((p) => `${p.view}:${p.root}`)).size).toBe(STARTING_POINTS.length);
  });
});

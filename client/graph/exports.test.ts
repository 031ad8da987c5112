import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../format/validate-dataset.js';
import { escapeXml, toDataset, toGexf, toGraphml } from './exports.js';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';

describe('exports', () => {
  it('GEXF holds every node and edge with escaped text and attributes', () => {
    const xml = toGexf(viewFixture(), 'A <view> & more');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" version="1.3">');
    expect((xml.match(/<node /g) ?? []).length).toBe(5);
    expect((xml.match(/<edge /g) ?? []).length).toBe(4);
    expect(xml).toContain('label="Label &quot;cars&quot;"');
    expect(xml).toContain('A &lt;view&gt; &amp; more');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('GraphML declares a key for every attribute it uses', () => {
    const xml = toGraphml(viewFixture(), 'view');
    const used = new Set([...xml.matchAll(/<data key="(\w+)">/g)].map((m) => m[1]));
    const declared = new Set([...xml.matchAll(/<key id="(\w+)"/g)].map((m) => m[1]));
    for (const key of used) expect(declared.has(key)).toBe(true);
    expect(xml).toContain('<data key="pricePerUnitEur">0.25</data>');
  });

  it('the JSON export is a valid deep-labour/v1 dataset', () => {
    const v = validateDataset(toDataset(viewFixture(), 'View', '2024-01-01'));
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (v.ok) {
      expect(v.dataset.links).toHaveLength(4);
      expect(v.dataset.tasks[0]!.kind).toBe('annotation');
      expect(v.dataset.sources.map((s) => s.id)).toEqual(['v-src']);
    }
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('XML exports of hostile text', () => {
  const hostile = 'Evil\u0000 \u0007bell \ud800lone ]]> <![CDATA[ &amp; "q" \'a\'\ttab\nline \u202e rlo \uffff';
  const view = () => {
    const v = viewFixture();
    v.nodes[0] = { ...v.nodes[0]!, name: hostile, id: `id-${hostile}` };
    v.edges[0] = { ...v.edges[0]!, from: `id-${hostile}`, sources: [{ ...v.edges[0]!.sources[0]!, title: hostile }] };
    return v;
  };

  it.each([
    ['GEXF', toGexf],
    ['GraphML', toGraphml],
  ])('%s is well-formed and keeps every character XML can hold', async (_name, write) => {
    const { DOMParser } = await import('@xmldom/xmldom');
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(`${level}: ${message}`);
      },
    }).parseFromString(write(view(), hostile), 'text/xml');
    expect(errors).toEqual([]);
    const nodes = Array.from(doc.getElementsByTagName('node'));
    const first = nodes.find((n) => (n.getAttribute('id') ?? '').startsWith('id-Evil'))!;
    const label = first.getAttribute('label') ?? first.textContent ?? '';
    expect(`${first.getAttribute('id')} ${label}`).toContain(
      'Evil\ufffd \ufffdbell \ufffdlone ]]> <![CDATA[ &amp; "q" \'a\'\ttab\nline \u202e rlo \ufffd',
    );
  });
});

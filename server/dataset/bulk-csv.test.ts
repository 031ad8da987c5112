import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseDelimiter, columnOf, csvField, writeBulkCsv } from './bulk-csv.js';
import { importerArguments } from '../db/offline-import.js';
import { validateDataset } from '../../format/validate-dataset.js';
import type { Dataset } from '../../format/model.js';

const dir = mkdtempSync(join(tmpdir(), 'deep-labour-bulk-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataset(edit: (d: Record<string, any>) => void = () => {}): Dataset {
  const d = JSON.parse(readFileSync('fixtures/illustrative-cascade.json', 'utf8'));
  edit(d);
  const v = validateDataset(d);
  if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
  return v.dataset;
}

describe('the offline importer files', () => {
  it('types each value as the driver stores it, and leaves to Cypher what a CSV cannot carry', () => {
    expect(columnOf('text', ';')).toBe('string');
    expect(columnOf(3, ';')).toBe('double');
    expect(columnOf(true, ';')).toBe('boolean');
    expect(columnOf(['a', 'b'], ';')).toBe('string[]');
    expect(columnOf([1, 2.5], ';')).toBe('double[]');
    expect(columnOf([], ';')).toBeNull();
    expect(columnOf(['a', ''], ';')).toBeNull();
    expect(columnOf(['a;b'], ';')).toBeNull();
    expect(columnOf('a\r\nb', ';')).toBeNull();
    expect(columnOf({ a: 1 }, ';')).toBeNull();
  });

  it('quotes every string, doubling its quotes, and joins lists with the separator', () => {
    expect(csvField('say "hi", twice', ';')).toBe('"say ""hi"", twice"');
    expect(csvField('', ';')).toBe('""');
    expect(csvField(['a', 'b "c"'], '\u001f')).toBe('"a\u001fb ""c"""');
    expect(csvField(1.5, ';')).toBe('1.5');
    expect(csvField(false, ';')).toBe('false');
    expect(csvField(undefined, ';')).toBe('');
  });

  it('chooses a list separator that no list value holds', () => {
    expect(chooseDelimiter(dataset())).toBe('\u001f');
    // Validation refuses control characters and "|" in lists; the writer does not rely on it.
    const d = dataset();
    d.organizations[0]!.aliases = ['a\u001fb', 'c\u001ed', 'e|f'];
    expect(chooseDelimiter(d)).toBe(';');
  });

  it('writes one typed file per label and link type, the ends of claims and pay reports, and the store identity', () => {
    const d = dataset((x) => {
      x.organizations[0].note = 'windows\r\nline';
      x.organizations[1].note = 'two\nlines';
    });
    const out = join(dir, 'one');
    mkdirSync(out);
    const files = writeBulkCsv(out, d, { id: 'deep-labour-test', createdAt: '2026-01-01T00:00:00Z' });
    expect(files.created.records).toBe(
      d.sources.length +
        d.organizations.length +
        d.workerPools.length +
        d.tasks.length +
        d.aiProducts.length +
        d.claims.length +
        (d.payReports?.length ?? 0),
    );
    expect(files.created.links).toBe(d.links.length);
    expect(files.multiline).toBe(true);
    expect(files.later.records).toEqual([{ id: d.organizations[0]!.id, props: { note: 'windows\r\nline' } }]);
    const orgs = readFileSync(join(out, 'nodes-Organization.csv'), 'utf8').split('\n');
    expect(orgs[0]).toMatch(/^id:ID\(Record\),name:string,kind:string,.*datasets:string\[\].*,:LABEL$/);
    expect(orgs[1]!.endsWith('"Record\u001fOrganization\u001fEntity"')).toBe(true);
    expect(orgs[1]).toContain(`"${d.id}"`);
    const ends = readFileSync(join(out, 'ends.csv'), 'utf8').split('\n');
    expect(ends[0]).toBe(':START_ID(Record),:END_ID(Record),:TYPE');
    expect(ends.filter((l) => l.endsWith(',MADE_BY'))).toHaveLength(d.claims.length);
    expect(ends.filter((l) => l.endsWith(',PAY_OF'))).toHaveLength(d.payReports?.length ?? 0);
    const links = readFileSync(files.relationships.find((f) => f.endsWith('links-CONTRACTED_BY.csv'))!, 'utf8');
    expect(links.split('\n')[0]).toMatch(
      /^:START_ID\(Record\),:END_ID\(Record\),:TYPE,.*id:string.*datasets:string\[\]/,
    );
    expect(readFileSync(join(out, 'nodes-StoreIdentity.csv'), 'utf8')).toBe(
      'singleton:boolean,id:string,createdAt:datetime,:LABEL\ntrue,"deep-labour-test",2026-01-01T00:00:00Z,StoreIdentity\n',
    );
  });

  it("passes the importer its files, separators and strictness in the importer's own syntax", () => {
    const args = importerArguments({
      workDir: '/w',
      nodes: ['/w/a.csv'],
      relationships: ['/w/b.csv'],
      arrayDelimiter: '\u001f',
      multiline: false,
    });
    expect(args[0]).toBe('neo4j');
    expect(args).toContain('--nodes=/w/a.csv');
    expect(args).toContain('--relationships=/w/b.csv');
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args).toContain('--multiline-fields=false');
    expect(args).toContain('--bad-tolerance=0');
    expect(args).toContain('--report-file=/w/import.report');
  });
});

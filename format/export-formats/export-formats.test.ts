import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../../tests/fixtures/minimal-dataset.js';
import { validateDataset } from '../validate-dataset.js';
import { datasetGraph } from '../graph-xml.js';
import { parseFtm } from '../ftm.js';
import { EXPORT_FORMATS, exportFormatsIn, findExportFormat } from './index.js';

const dataset = () => {
  const v = validateDataset(minimalDataset());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.dataset;
};

describe('the export formats registry', () => {
  it('lists every module of the folder once, each with its own id', () => {
    const modules = readdirSync(new URL('./', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'export-format.ts',
    );
    expect(EXPORT_FORMATS.map((f) => `${f.id}.ts`).sort()).toEqual(modules.sort());
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
  });

  it('the explorer and the command line make the same formats, except those that say why not', () => {
    expect(exportFormatsIn('explorer').map((f) => f.id)).toEqual([
      'png',
      'svg',
      'json',
      'ftm',
      'bods',
      'gexf',
      'graphml',
    ]);
    expect(exportFormatsIn('command line').map((f) => f.id)).toEqual(['json', 'csv', 'ftm', 'bods', 'gexf', 'graphml']);
    for (const f of EXPORT_FORMATS) {
      if (f.onlyIn) expect(f.onlyIn.why.length, f.id).toBeGreaterThan(20);
      // A format without a writer is a picture the explorer's canvas draws; nothing else may lack one.
      expect(f.write === undefined, f.id).toBe(f.onlyIn?.place === 'explorer');
    }
  });

  it('each format writes a whole dataset, as the command line asks', () => {
    const d = dataset();
    const input = { dataset: d, graph: () => datasetGraph(d), title: 'Minimal <dataset>', today: '2026-12-03' };
    const written = Object.fromEntries(exportFormatsIn('command line').map((f) => [f.id, f.write!(input)]));
    const file = (id: string) => {
      const out = written[id]!;
      if (!('file' in out)) throw new Error(`${id} wrote a folder`);
      return out.file;
    };
    expect(validateDataset(JSON.parse(file('json'))).ok).toBe(true);
    expect(Object.keys((written.csv as { folder: Record<string, string> }).folder)).toContain('links.csv');
    expect(parseFtm(file('ftm'))!.length).toBeGreaterThan(0);
    expect(Array.isArray(JSON.parse(file('bods')))).toBe(true);
    const entities = d.organizations.length + d.workerPools.length + d.tasks.length + d.aiProducts.length;
    expect((file('gexf').match(/<node /g) ?? []).length).toBe(entities);
    expect((file('graphml').match(/<edge /g) ?? []).length).toBe(d.links.length);
    expect(file('gexf')).toContain('Minimal &lt;dataset&gt;');
  });

  it('finds a format by its id, and nothing for an unknown one', () => {
    expect(findExportFormat('gexf')?.suffix).toBe('.gexf');
    expect(findExportFormat('xlsx')).toBeUndefined();
  });
});

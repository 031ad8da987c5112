// The sourcing rules: each documented dataset passes them, and each rule fails on the item that breaks it.
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../../tests/fixtures/minimal-dataset.js';
import { DOCUMENTED_DATASETS } from '../../tests/fixtures/documented-datasets.js';
import { CLAIM_RULES } from '../audit/rules/index.js';
import { documentationProblems } from '../../format/documentation-problems.js';
import { readDataset } from './read-dataset.js';
import { validateDataset } from '../../format/validate-dataset.js';
import type { Dataset } from '../../format/model.js';

const KINDS = CLAIM_RULES.map((r) => r.kind);

/** The minimal dataset made documented: every item sourced, its source complete, its reading noted. */
function documented(change: (doc: Record<string, any>) => void = () => {}): Dataset {
  const doc = minimalDataset();
  doc.sources[0] = {
    ...doc.sources[0],
    publisher: 'Example Press (fictional)',
    locator: 'section 2',
    url: 'https://example.org/a',
  };
  doc.links[1].sources = ['src-1'];
  doc.links[1].note = 'Example Press (fictional) dates the contract from January 2020 to June 2022.';
  doc.links[2].sources = ['src-1'];
  doc.links[3].sources = ['src-1'];
  doc.links[3].note = 'The source implies it.';
  doc.links[0].note = 'Example Press (fictional) gives 2020.';
  change(doc);
  const v = validateDataset(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.dataset;
}
const problems = (d: Dataset, requireUrls = true) =>
  documentationProblems(d, { requireUrls }, KINDS).map((p) => p.path);

describe('documented datasets', () => {
  it.each(DOCUMENTED_DATASETS.map((x) => [x.name, x] as const))('%s follows the sourcing rules', (_name, entry) => {
    const read = readDataset(entry.path);
    expect(read.ok ? [] : read.problems).toEqual([]);
    if (!read.ok) return;
    expect(documentationProblems(read.dataset, entry, KINDS)).toEqual([]);
    // Every exception names a record that exists.
    for (const id of Object.keys(entry.undatedSources ?? {}))
      expect(read.dataset.sources.map((s) => s.id)).toContain(id);
    for (const id of Object.keys(entry.unjudgedClaims ?? {}))
      expect(read.dataset.claims.map((c) => c.id)).toContain(id);
  });

  it('pass when every rule holds', () => {
    expect(problems(documented())).toEqual([]);
  });

  it('fail on an item without a source', () => {
    expect(
      problems(
        documented((doc) => {
          delete doc.tasks[0].sources;
        }),
      ),
    ).toEqual(['tasks[0]']);
    expect(
      problems(
        documented((doc) => {
          doc.claims[0].sources = [];
        }),
      ),
    ).toEqual(['claims[0]']);
  });

  it('fail on a source without publisher, date or locator, and without a URL where the dataset is built from public reporting', () => {
    expect(
      problems(
        documented((doc) => {
          delete doc.sources[0].locator;
        }),
      ),
    ).toEqual(['sources[0]']);
    expect(
      problems(
        documented((doc) => {
          delete doc.sources[0].date;
        }),
      ),
    ).toEqual(['sources[0]']);
    // Without a publisher, the dated links' notes no longer name their source either.
    expect(
      problems(
        documented((doc) => {
          delete doc.sources[0].publisher;
        }),
      ),
    ).toEqual(['sources[0]', 'links[0]', 'links[1]']);
    const noUrl = documented((doc) => {
      delete doc.sources[0].url;
    });
    expect(problems(noUrl)).toEqual(['sources[0]']);
    expect(problems(noUrl, false)).toEqual([]);
    const undated = documented((doc) => {
      delete doc.sources[0].date;
    });
    expect(
      documentationProblems(undated, { requireUrls: true, undatedSources: { 'src-1': 'the text gives none' } }, KINDS),
    ).toEqual([]);
  });

  it('fail on a dated link whose note does not name the source that dates it', () => {
    expect(
      problems(
        documented((doc) => {
          doc.links[1].note = 'Dated by a source.';
        }),
      ),
    ).toEqual(['links[1]']);
    expect(
      problems(
        documented((doc) => {
          delete doc.links[0].note;
        }),
      ),
    ).toEqual(['links[0]']);
  });

  it('fail on a reading without a note', () => {
    expect(
      problems(
        documented((doc) => {
          delete doc.links[3].note;
        }),
      ),
    ).toEqual(['links[3]']);
  });

  it('fail on a claim of a kind no rule judges, unless it is listed with why', () => {
    const other = documented((doc) => {
      doc.claims[0].kind = 'OTHER';
    });
    expect(problems(other)).toEqual(['claims[0]']);
    expect(
      documentationProblems(other, { requireUrls: true, unjudgedClaims: { 'claim-1': 'no rule for it' } }, KINDS),
    ).toEqual([]);
  });
});

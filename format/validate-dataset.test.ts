import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../tests/fixtures/minimal-dataset.js';
import { payDataset } from '../tests/fixtures/pay-dataset.js';
import { endOfDate, isCountryCode, isPartialDate, startOfDate, validateDataset } from './validate-dataset.js';

function problemsOf(doc: unknown) {
  const v = validateDataset(doc);
  return v.ok ? [] : v.problems;
}
function pathsOf(doc: unknown) {
  return problemsOf(doc).map((p) => p.path);
}

describe('validateDataset', () => {
  it('accepts a minimal valid dataset and gives links without id their type:from->to key', () => {
    const v = validateDataset(minimalDataset());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.dataset.links.map((l) => l.id)).toEqual([
      'CONTRACTED_BY:pool-1->org-a',
      'l-sub',
      'PERFORMED_BY:task-1->pool-1',
      'FEEDS:task-1->ai-1',
    ]);
  });

  it('rejects an unknown format version', () => {
    const doc = minimalDataset();
    doc.format = 'deep-labour/v2';
    expect(pathsOf(doc)).toEqual(['format']);
  });

  it('rejects a document that is not an object', () => {
    expect(pathsOf([1, 2])).toEqual(['$']);
  });

  it('reports a dangling reference with its path', () => {
    const doc = minimalDataset();
    doc.links[0].to = 'org-missing';
    expect(pathsOf(doc)).toEqual(['links[0].to']);
  });

  it('reports an unknown link type', () => {
    const doc = minimalDataset();
    doc.links[2].type = 'EMPLOYS';
    expect(pathsOf(doc)).toEqual(['links[2].type']);
  });

  it('reports a link between the wrong kinds of node', () => {
    const doc = minimalDataset();
    doc.links[0].from = 'task-1';
    expect(pathsOf(doc)).toEqual(['links[0].from']);
  });

  it('reports a duplicate id across sections', () => {
    const doc = minimalDataset();
    doc.tasks[0].id = 'pool-1';
    const paths = pathsOf(doc);
    expect(paths).toContain('tasks[0].id');
  });

  it('reports two links with the same key', () => {
    const doc = minimalDataset();
    doc.links.push({ type: 'PERFORMED_BY', from: 'task-1', to: 'pool-1' });
    expect(pathsOf(doc)).toEqual(['links[4]']);
  });

  it.each([['2019-02-30'], ['2019-13'], ['19-01-01'], ['yesterday']])('reports the bad date %s', (date) => {
    const doc = minimalDataset();
    doc.links[0].since = date;
    expect(pathsOf(doc)).toEqual(['links[0].since']);
  });

  it('reports a link that ends before it starts', () => {
    const doc = minimalDataset();
    doc.links[1].until = '2019-12';
    expect(pathsOf(doc)).toEqual(['links[1].until']);
  });

  it('reports negative sizes and prices and out-of-range confidence', () => {
    const doc = minimalDataset();
    doc.workerPools[0].size = -3;
    doc.links[0].pricePerUnitEur = -0.01;
    doc.tasks[0].unitPayEur = -1;
    doc.links[3].confidence = 1.5;
    expect(pathsOf(doc).sort()).toEqual([
      'links[0].pricePerUnitEur',
      'links[3].confidence',
      'tasks[0].unitPayEur',
      'workerPools[0].size',
    ]);
  });

  it('reports a non-integer size and a number given as text', () => {
    const doc = minimalDataset();
    doc.workerPools[0].size = 2.5;
    doc.tasks[0].minutesPerUnit = '3';
    expect(pathsOf(doc).sort()).toEqual(['tasks[0].minutesPerUnit', 'workerPools[0].size']);
  });

  it('reports unknown kinds, types and countries', () => {
    const doc = minimalDataset();
    doc.organizations[0].kind = 'startup';
    doc.sources[0].type = 'tweet';
    doc.workerPools[0].country = 'France';
    doc.organizations[1].country = 'ZZ';
    expect(pathsOf(doc).sort()).toEqual([
      'organizations[0].kind',
      'organizations[1].country',
      'sources[0].type',
      'workerPools[0].country',
    ]);
  });

  it('requires a use on FEEDS and refuses it elsewhere', () => {
    const doc = minimalDataset();
    delete doc.links[3].use;
    doc.links[2].use = 'training';
    expect(pathsOf(doc).sort()).toEqual(['links[2].use', 'links[3].use']);
  });

  it('reports a source reference that is not a source', () => {
    const doc = minimalDataset();
    doc.organizations[0].sources = ['org-b'];
    expect(pathsOf(doc)).toEqual(['organizations[0].sources[0]']);
  });

  it('reports a claim about something that does not exist', () => {
    const doc = minimalDataset();
    doc.claims[0].subject = 'nobody';
    expect(pathsOf(doc)).toEqual(['claims[0].subject']);
  });

  it("keeps a source's locator and the entities' notes, and refuses them when they are not text", () => {
    const doc = minimalDataset();
    doc.sources[0].locator = 'question 2, paras 4-7';
    doc.organizations[0].note = 'The source says it connects workers and clients.\nSecond paragraph.';
    doc.workerPools[0].note = 'About 40 people, per the source.';
    doc.tasks[0].note = 'Paid by the piece.';
    doc.aiProducts[0].note = 'Sold as automatic.';
    const v = validateDataset(doc);
    expect(v.ok ? v.warnings : v.problems).toEqual([]);
    if (!v.ok) return;
    expect(v.dataset.sources[0]!.locator).toBe('question 2, paras 4-7');
    expect([
      v.dataset.organizations[0]!.note,
      v.dataset.workerPools[0]!.note,
      v.dataset.tasks[0]!.note,
      v.dataset.aiProducts[0]!.note,
    ]).toEqual([
      'The source says it connects workers and clients.\nSecond paragraph.',
      'About 40 people, per the source.',
      'Paid by the piece.',
      'Sold as automatic.',
    ]);
    const bad = minimalDataset();
    bad.sources[0].locator = 2;
    bad.organizations[0].note = ['x'];
    bad.workerPools[0].note = 3;
    bad.tasks[0].note = 'hidden \u202e text';
    bad.aiProducts[0].note = true;
    bad.organizations[1].note = 'line\nbreak is fine';
    const w = validateDataset({
      ...bad,
      sources: [{ ...bad.sources[0] }, { id: 'src-2', title: 'T', type: 'other', locator: 'line\nbreak' }],
    });
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.problems.map((p) => p.path).sort()).toEqual([
      'aiProducts[0].note',
      'organizations[0].note',
      'sources[0].locator',
      'sources[1].locator',
      'tasks[0].note',
      'workerPools[0].note',
    ]);
  });

  it("keeps a source's retrieval date, archived copy and document hash, and refuses malformed ones", () => {
    const doc = minimalDataset();
    Object.assign(doc.sources[0], {
      url: 'https://example.org/report.pdf',
      retrievedOn: '2024-03-05',
      archiveUrl: 'https://web.archive.org/web/20240305000000/https://example.org/report.pdf',
      documentSha256: 'a'.repeat(64),
    });
    const v = validateDataset(doc);
    expect(v.ok ? v.warnings : v.problems).toEqual([]);
    if (!v.ok) return;
    expect(v.dataset.sources[0]).toMatchObject({
      retrievedOn: '2024-03-05',
      archiveUrl: 'https://web.archive.org/web/20240305000000/https://example.org/report.pdf',
      documentSha256: 'a'.repeat(64),
    });
    const bad = minimalDataset();
    const sources = [
      { id: 's1', title: 'T', type: 'other', retrievedOn: '2024-13-01' },
      { id: 's2', title: 'T', type: 'other', archiveUrl: 'ftp://example.org/x' },
      { id: 's3', title: 'T', type: 'other', documentSha256: 'A'.repeat(64) },
      { id: 's4', title: 'T', type: 'other', documentSha256: 'abc' },
    ];
    const w = validateDataset({ ...bad, sources: [...bad.sources, ...sources] });
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.problems.map((p) => p.path).sort()).toEqual([
      'sources[1].retrievedOn',
      'sources[2].archiveUrl',
      'sources[3].documentSha256',
      'sources[4].documentSha256',
    ]);
    expect(w.problems.find((p) => p.path === 'sources[4].documentSha256')!.message).toMatch(
      /64 lower-case hexadecimal/,
    );
  });

  it('warns when a source was retrieved before it was published', () => {
    const doc = minimalDataset();
    Object.assign(doc.sources[0], { date: '2024-06', retrievedOn: '2024-05-31' });
    const v = validateDataset(doc);
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.path)).toEqual(['sources[0].retrievedOn']);
    Object.assign(doc.sources[0], { retrievedOn: '2024-06-01' });
    expect(validateDataset(doc).warnings).toEqual([]);
  });

  it('lists every problem at once', () => {
    const doc = minimalDataset();
    doc.links[0].to = 'x';
    doc.workerPools[0].size = -1;
    doc.name = '';
    expect(problemsOf(doc)).toHaveLength(3);
  });

  it('warns about unknown fields and leaves them out', () => {
    const doc = minimalDataset();
    doc.organizations[0].website = 'https://example.org';
    const v = validateDataset(doc);
    expect(v.warnings.map((w) => w.path)).toEqual(['organizations[0].website']);
    expect(v.ok && 'website' in v.dataset.organizations[0]!).toBe(false);
  });
});

describe('dates and countries', () => {
  it('reads partial dates as the widest window they may mean', () => {
    expect(isPartialDate('2024')).toBe(true);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2023-02-29')).toBe(false);
    expect(startOfDate('2019')).toBe('2019-01-01');
    expect(startOfDate('2019-07')).toBe('2019-07-01');
    expect(endOfDate('2019')).toBe('2019-12-31');
    expect(endOfDate('2024-02')).toBe('2024-02-29');
    expect(endOfDate('2024-02-10')).toBe('2024-02-10');
  });

  it('knows ISO 3166-1 alpha-2 codes', () => {
    expect(isCountryCode('MG')).toBe(true);
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('fr')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });
});

describe('validateDataset refuses what is dangerous', () => {
  const cases: [string, (d: Record<string, any>) => void, string, RegExp][] = [
    [
      'a javascript: source link',
      (d) => {
        d.sources[0].url = 'javascript:alert(1)';
      },
      'sources[0].url',
      /http or https address, not javascript:/,
    ],
    [
      'a relative source link',
      (d) => {
        d.sources[0].url = '/etc/passwd';
      },
      'sources[0].url',
      /absolute web address/,
    ],
    [
      'a data: source link',
      (d) => {
        d.sources[0].url = 'data:text/html,<script>';
      },
      'sources[0].url',
      /not data:/,
    ],
    [
      'an id with "|"',
      (d) => {
        d.organizations[1].id = 'org|b';
        d.links[1].to = 'org|b';
      },
      'organizations[1].id',
      /separates list items/,
    ],
    [
      'an id with spaces at its ends',
      (d) => {
        d.workerPools[0].id = ' pool-1';
        d.links[0].from = ' pool-1';
        d.links[2].to = ' pool-1';
      },
      'workerPools[0].id',
      /spaces at its ends/,
    ],
    [
      'a name with a line break',
      (d) => {
        d.organizations[0].name = 'Alpha\nPlatform';
      },
      'organizations[0].name',
      /control character U\+000A/,
    ],
    [
      'a name with a bidi override',
      (d) => {
        d.organizations[0].name = 'Alpha \u202eflow';
      },
      'organizations[0].name',
      /bidirectional control U\+202E/,
    ],
    [
      'a name with a line separator',
      (d) => {
        d.organizations[0].name = 'Alpha\u2028Platform';
      },
      'organizations[0].name',
      /U\+2028/,
    ],
    [
      'an alias with a zero-width space',
      (d) => {
        d.organizations[0].aliases = ['Al\u200bpha'];
      },
      'organizations[0].aliases[0]',
      /U\+200B/,
    ],
    [
      'a claim text with a byte order mark',
      (d) => {
        d.claims[0].text = '\ufeffWe connect';
      },
      'claims[0].text',
      /U\+FEFF/,
    ],
    [
      'a claim text with a NUL',
      (d) => {
        d.claims[0].text = 'We \u0000 connect';
      },
      'claims[0].text',
      /U\+0000/,
    ],
    [
      'an alias with "|"',
      (d) => {
        d.organizations[0].aliases = ['A|B'];
      },
      'organizations[0].aliases[0]',
      /separates list items/,
    ],
    [
      'a pool size past any real figure',
      (d) => {
        d.workerPools[0].size = 2 ** 31;
      },
      'workerPools[0].size',
      /at most 100,000,000/,
    ],
    [
      'an absurd price',
      (d) => {
        d.links[0].pricePerUnitEur = 1e9;
      },
      'links[0].pricePerUnitEur',
      /at most 1,000,000/,
    ],
    [
      'a dataset name with a control character',
      (d) => {
        d.name = 'x\u0007';
      },
      'name',
      /U\+0007/,
    ],
  ];
  it.each(cases)('%s', (_what, breakIt, path, message) => {
    const doc = minimalDataset();
    breakIt(doc);
    const found = problemsOf(doc).find((p) => p.path === path);
    expect(found, JSON.stringify(problemsOf(doc))).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it('keeps line breaks and tabs in free text, and any script in names as plain text', () => {
    const doc = minimalDataset();
    doc.claims[0].text = 'Line one.\n\tLine two: <script>alert(1)</script>';
    doc.organizations[0].name = '<img src=x onerror=alert(1)> & "Co"';
    doc.sources[0].url = 'https://example.org/a?b=1&c=<x>';
    const v = validateDataset(doc);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.dataset.claims[0]!.text).toBe('Line one.\n\tLine two: <script>alert(1)</script>');
  });
});

describe('control between organisations', () => {
  const base = (link: Record<string, unknown>) => ({
    format: 'deep-labour/v1',
    name: 'Control (fictional)',
    sources: [],
    workerPools: [{ id: 'p', name: 'P' }],
    organizations: [
      { id: 'a', name: 'A', kind: 'vendor' },
      { id: 'b', name: 'B', kind: 'platform' },
    ],
    links: [link],
  });
  it('takes BODS interest types, a share range and directness on CONTROLLED_BY links only', () => {
    expect(
      validateDataset(
        base({
          type: 'CONTROLLED_BY',
          from: 'a',
          to: 'b',
          interests: ['shareholding'],
          shareMin: 25,
          shareMax: 50,
          directOrIndirect: 'direct',
        }),
      ).ok,
    ).toBe(true);
    const bad = validateDataset(
      base({
        type: 'CONTROLLED_BY',
        from: 'a',
        to: 'b',
        interests: ['friendship'],
        shareMin: 60,
        shareMax: 50,
        directOrIndirect: 'sideways',
      }),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual([
      'links[0].interests[0]',
      'links[0].shareMax',
      'links[0].directOrIndirect',
    ]);
    const elsewhere = validateDataset(base({ type: 'SUBCONTRACTS_FOR', from: 'a', to: 'b', shareMin: 10 }));
    expect(elsewhere.ok ? [] : elsewhere.problems).toEqual([
      { path: 'links[0].shareMin', message: 'only CONTROLLED_BY links say how control is held' },
    ]);
    const pool = validateDataset(base({ type: 'CONTROLLED_BY', from: 'p', to: 'b' }));
    expect(pool.ok).toBe(false);
  });
});

describe('identifiers', () => {
  const doc = (identifiers: unknown, second?: unknown) => ({
    format: 'deep-labour/v1',
    name: 'Ids (fictional)',
    organizations: [
      { id: 'a', name: 'A', kind: 'vendor', identifiers },
      ...(second ? [{ id: 'b', name: 'B', kind: 'vendor', identifiers: second }] : []),
    ],
  });
  it('are {scheme, id} pairs with schemes written as register codes, each once', () => {
    const ok = validateDataset(
      doc([
        { scheme: 'LEI', id: '529900T8BM49AURSDO55' },
        { scheme: 'FR-SIREN', id: '123456789' },
      ]),
    );
    expect(ok.ok).toBe(true);
    const bad = validateDataset(
      doc([
        { scheme: 'lei', id: 'x' },
        { scheme: 'LEI', id: 'has space' },
        'LEI:x',
        { scheme: 'OSHUB', id: 'A' },
        { scheme: 'OSHUB', id: 'A' },
      ]),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual([
      'organizations[0].identifiers[0].scheme',
      'organizations[0].identifiers[1].id',
      'organizations[0].identifiers[2]',
      'organizations[0].identifiers[4]',
    ]);
  });
  it('shared by two organisations of one dataset: a warning, "probably the same"', () => {
    const v = validateDataset(doc([{ scheme: 'LEI', id: 'X1' }], [{ scheme: 'LEI', id: 'X1' }]));
    expect(v.ok).toBe(true);
    expect(v.warnings).toEqual([
      {
        path: 'organizations[1].identifiers[0]',
        message: 'LEI:X1 is also an identifier of organizations[0]: probably the same organisation under two ids',
      },
    ]);
  });
});

describe('validateDataset: pay reports, wage references, exchange rates', () => {
  it('accepts them and keeps them in their documented field order; a dataset without them has no pay sections', () => {
    const v = validateDataset(payDataset());
    expect(v.ok ? v.warnings.map((w) => w.path) : v.problems).toEqual(['workerPools[1].size']); // the small group's warning
    if (!v.ok) return;
    expect(v.dataset.payReports?.map((p) => p.id)).toEqual(['pay-1', 'pay-2', 'pay-small']);
    expect(Object.keys(v.dataset.payReports![0]!)).toEqual([
      'id',
      'pool',
      'task',
      'min',
      'max',
      'currency',
      'unit',
      'since',
      'until',
      'reportedBy',
      'tasksPerHour',
      'note',
      'sources',
    ]);
    expect(v.dataset.wageReferences).toHaveLength(2);
    expect(v.dataset.exchangeRates).toHaveLength(2);
    const plain = validateDataset(minimalDataset());
    expect(plain.ok && 'payReports' in plain.dataset).toBe(false);
  });

  it('locates each problem of a pay report', () => {
    const doc = payDataset();
    Object.assign(doc.payReports[0], {
      pool: 'task-1',
      task: 'pool-1',
      min: 2,
      max: 1,
      currency: 'euro',
      unit: 'fortnight',
      reportedBy: 'rumour',
      tasksPerHour: { min: 0, max: 10 },
      since: '2020',
      until: '2019',
    });
    doc.payReports[1].hoursPerUnit = { min: 160 };
    expect(pathsOf(doc)).toEqual([
      'payReports[0].pool',
      'payReports[0].task',
      'payReports[0].max',
      'payReports[0].currency',
      'payReports[0].unit',
      'payReports[0].until',
      'payReports[0].reportedBy',
      'payReports[0].tasksPerHour.min',
      'payReports[0].tasksPerHour',
      'payReports[1].hoursPerUnit',
    ]);
  });

  it("requires a report's pool, figures, currency, unit and reporter, and a pace only on pay per task", () => {
    const doc = payDataset();
    doc.payReports = [{ id: 'p', hoursPerUnit: { min: 1, max: 2 }, tasksPerHour: { min: 1, max: 2 }, unit: 'hour' }];
    expect(pathsOf(doc)).toEqual([
      'payReports[0].pool',
      'payReports[0].min',
      'payReports[0].max',
      'payReports[0].currency',
      'payReports[0].reportedBy',
      'payReports[0].tasksPerHour',
      'payReports[0].hoursPerUnit',
    ]);
  });

  it('locates the problems of references and rates, and an id they share with another record', () => {
    const doc = payDataset();
    Object.assign(doc.wageReferences[0], {
      country: 'XX',
      year: 19,
      kind: 'fair',
      amount: 0,
      unit: 'hour',
      hoursBasis: -1,
      sources: ['nope'],
    });
    Object.assign(doc.exchangeRates[0], { currency: 'eur', unitsPerUsd: '0.9' });
    doc.exchangeRates[1].id = 'pay-1';
    expect(pathsOf(doc)).toEqual([
      'exchangeRates[1].id',
      'wageReferences[0].country',
      'wageReferences[0].year',
      'wageReferences[0].kind',
      'wageReferences[0].amount',
      'wageReferences[0].hoursBasis',
      'wageReferences[0].sources[0]',
      'exchangeRates[0].currency',
      'exchangeRates[0].unitsPerUsd',
    ]);
  });
});

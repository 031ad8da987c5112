// Which query a read runs while an import is being staged: pure routing, and the lists it rests on checked against the
// query files (a read said to be safe must not read what a staged import's batches write).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { CYPHER_DIR, loadCypherFiles } from './cypher-files.js';
import { RECORDED_QUERIES, fragmentBody } from './cypher-template.js';
import { LINK_TYPE_NAMES } from '../../vocabulary/index.js';
import { STAGE_KEPT_READS, STAGE_SAFE_READS, readsAsIs, stageGuardFailed, stagedRead } from './staged-read.js';

describe('stagedRead', () => {
  it('reads a query with a variant as that variant at the visible change', () => {
    expect(stagedRead('cascade', 12, 11)).toEqual({ run: 'cascade-recorded', extra: { seq: 11 } });
    expect(stagedRead('entities', 12, 11)).toEqual({ run: 'entities-recorded', extra: { seq: 11 } });
    for (const q of RECORDED_QUERIES) expect(stagedRead(q, 5, 4)).toEqual({ run: `${q}-recorded`, extra: { seq: 4 } });
  });

  it('runs as they are the reads a stage cannot change, and variants already read at a change', () => {
    expect(stagedRead('datasets', 12, 11)).toEqual({ run: 'datasets', extra: {} });
    expect(stagedRead('history-recorded', 12, 11)).toEqual({ run: 'history-recorded', extra: {} });
    expect(readsAsIs('ledger-head')).toBe(true);
    expect(readsAsIs('cascade')).toBe(false);
  });

  it('finds nothing kept while a stage is open (the caller computes it as of the visible change)', () => {
    expect(stagedRead('kept-card', 12, 11)).toEqual({ nothing: true });
    expect(stagedRead('kept-verdicts', 12, 11)).toEqual({ nothing: true });
  });

  it('refuses any other read, saying which change is being written and what to do', () => {
    const route = stagedRead('find-record', 12, 11);
    expect(route).toEqual({ refused: expect.stringMatching(/change 12.*find-record.*\(11\).*try again/) });
  });

  it('tells the stage guard from other failures by its code', () => {
    expect(stageGuardFailed({ code: 'Neo.ClientError.Statement.ArithmeticError' })).toBe(true);
    expect(stageGuardFailed({ code: 'Neo.ClientError.Statement.SyntaxError' })).toBe(false);
    expect(stageGuardFailed(new Error('x'))).toBe(false);
    expect(stageGuardFailed(null)).toBe(false);
  });
});

describe('the reads said to be safe while a stage is open', () => {
  const cypher = loadCypherFiles();
  const written = [
    'Record',
    'Entity',
    'Organization',
    'WorkerPool',
    'Task',
    'AIProduct',
    'Source',
    'Claim',
    'Assertion',
    'Version',
    'Retired',
    'PayReport',
    'WageReference',
    'ExchangeRate',
    'Reply',
    ...LINK_TYPE_NAMES,
  ];
  it('include every read of the server state (SHOW …), which the stage guard cannot precede', () => {
    const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher'));
    const shows = files
      .map((f) => f.replace(/\.cypher$/, ''))
      .filter((name) => /^SHOW\b/.test(fragmentBody(cypher(name))));
    expect(shows.length).toBeGreaterThan(0);
    for (const name of shows) expect(readsAsIs(name), name).toBe(true);
  });

  it('exist, and read none of the records, versions or links a batch writes', () => {
    for (const name of [...STAGE_SAFE_READS, ...STAGE_KEPT_READS]) {
      const text = cypher(name);
      if (STAGE_KEPT_READS.has(name)) continue;
      for (const label of written)
        expect(text, `cypher/${name}.cypher reads :${label}`).not.toMatch(new RegExp(`[:|]${label}\\b`));
    }
  });
});

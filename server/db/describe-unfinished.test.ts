import { describe, expect, it } from 'vitest';
import { describeUnfinished, NEW_STORE_ACTION } from './store-lock.js';

describe('describeUnfinished', () => {
  const u = {
    token: 't',
    dataset: 'curated',
    action: 'edit',
    pid: 42,
    host: 'h',
    startedAt: '2026-11-29T06:00:00Z',
    running: false,
  };
  it("says what was stopped half-way, an import or an editor's change, and what the store holds", () => {
    expect(describeUnfinished(u)).toBe(
      'an edit of dataset "curated" started 2026-11-29T06:00:00Z (process 42) did not finish; Neo4j rolled it back, so the store holds the version from before it',
    );
    expect(describeUnfinished({ ...u, action: 'retract', dataset: 'store', running: true })).toBe(
      'a retract of the store is running (process 42, since 2026-11-29T06:00:00Z); this one waits for it',
    );
    expect(describeUnfinished({ ...u, action: 'import', dataset: 'diplab' })).toMatch(/^an import of dataset "diplab"/);
  });

  it('says that a load by the offline importer is not rolled back, and how to start again', () => {
    expect(describeUnfinished({ ...u, action: NEW_STORE_ACTION, dataset: 'big' })).toBe(
      'a new-store import of dataset "big" started 2026-11-29T06:00:00Z (process 42) did not finish: Neo4j\'s offline importer wrote its records and links, but not its dataset record, history or verdicts. Stop the store, delete its folder (NEO4J_DATA_DIR) and run the import with --new-store again',
    );
  });
});

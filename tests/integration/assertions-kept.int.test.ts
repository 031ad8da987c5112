// The Assertions a change overwrites or deletes are kept (real Neo4j): the undo of a staged import (docs/versioning.md,
// "Imports in bounded memory", step 5) must put back every dataset's kept version of a shared record or link as it was
// before the change, so each write that replaces or deletes one keeps it as a `:WasAssertion` (`recTo` = the change)
// and stamps the one it writes (`recFrom` = the change); keep-assertion.cypher.fragment. Fictional datasets that share
// records and links are imported, re-imported, trimmed, removed, edited, retracted from and reverted in turn; after
// each write the Assertions held before it are rebuilt from what the store holds after it alone: those the change did
// not write, and its kept copies in place of what it wrote.
import { describe, expect, it } from 'vitest';
import { importDataset, removeDataset, type Dataset } from '../../server/dataset/index.js';
import { retractRecord, revertChange, upsertRecord } from '../../server/curation/curate.js';
import { useTestDatabase } from '../support/test-database.js';
import { minimalVariant, sharingDatasets } from '../fixtures/sharing-datasets.js';

const store = useTestDatabase();
const admin = { name: 'tester', role: 'admin' } as never;

type Props = Record<string, unknown>;
interface Kept {
  /** The Assertions, by dataset and record. */
  live: Map<string, Props>;
  /** The kept copies. */
  was: Props[];
}

const keyOf = (p: Props) => `${String(p.dataset)} ${String(p.record)}`;

/** Every Assertion and every kept copy the store holds (store-census.cypher reads every node). */
async function kept(): Promise<Kept> {
  const [row] = await store().read('store-census');
  const nodes = row!.nodes as { labels: string[]; props: Props }[];
  const live = new Map<string, Props>();
  for (const n of nodes.filter((x) => x.labels.includes('Assertion'))) live.set(keyOf(n.props), n.props);
  return { live, was: nodes.filter((x) => x.labels.includes('WasAssertion')).map((x) => x.props) };
}

/** The Assertions held before change `seq`, read from what the store holds after it (what the undo will do). */
function before(after: Kept, seq: number): Map<string, Props> {
  const rebuilt = new Map<string, Props>();
  for (const [key, p] of after.live) if (p.recFrom !== seq) rebuilt.set(key, p);
  for (const w of after.was.filter((x) => x.recTo === seq)) {
    const { recTo: _, ...p } = w;
    rebuilt.set(keyOf(p), p);
  }
  return rebuilt;
}

const sorted = (m: Map<string, Props>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('the Assertions a change replaces are kept (real Neo4j)', () => {
  // Each with an organisation that no link names: an edit of it is checked and written by itself (edit-scope.ts).
  const unlinked = (d: Record<string, any>) =>
    d.organizations.push({ id: 'org-z', name: 'Zeta Vendor', kind: 'client', country: 'FR', sources: ['src-1'] });
  const { a, b, c } = sharingDatasets('Kept', unlinked);
  const a2 = minimalVariant('Kept A (fictional)', (d) => {
    unlinked(d);
    d.organizations[1].name = 'Beta Client (as A has it now)';
    d.links[1].pricePerUnitEur = 0.11;
  });
  const bTrimmed = minimalVariant('Kept B (fictional)', (d) => {
    unlinked(d);
    d.links = d.links.filter((l: { id?: string }) => l.id !== 'l-sub');
    d.organizations = d.organizations.filter((o: { id: string }) => o.id !== 'org-b');
    d.claims = [];
  });

  it('can be rebuilt as they were before each write, from the store after it', async () => {
    const seen = { copies: 0, stamped: 0, steps: [] as string[] };
    const checked = async (what: string, step: () => Promise<{ change?: { seq: number } | null }>) => {
      const was = await kept();
      const { change } = await step();
      const seq = Number(change!.seq);
      const now = await kept();
      expect(sorted(before(now, seq)), what).toEqual(sorted(was.live));
      // Kept copies are never changed or deleted, and a change keeps at most one per dataset and record.
      const copies = (k: Kept) => k.was.map((x) => JSON.stringify(x)).sort();
      for (const line of copies(was)) expect(copies(now), what).toContain(line);
      const mine = now.was.filter((x) => x.recTo === seq).map(keyOf);
      expect(new Set(mine).size, what).toBe(mine.length);
      const stamped = [...now.live.values()].filter((p) => p.recFrom === seq).length;
      if (mine.length > 0 || stamped > 0) seen.steps.push(what);
      seen.copies += mine.length;
      seen.stamped += stamped;
    };
    const imported = (d: Dataset) => () => importDataset(store(), d, { author: 'tester' });
    const edited = (what: string, section: 'links' | 'organizations', fields: Record<string, unknown>) => async () =>
      upsertRecord(store(), admin, {
        dataset: 'curated',
        section,
        argument: section === 'links' ? 'link' : 'organization',
        reason: `the test edits ${what}`,
        fields: fields as never,
      });
    const reverted = (id: () => string) => () =>
      revertChange(store(), admin, { changeId: id(), reason: 'the test reverts it' });
    const link = (price: number) => ({
      id: 'l-sub',
      type: 'SUBCONTRACTS_FOR',
      from: 'org-a',
      to: 'org-b',
      since: '2020-01',
      pricePerUnitEur: price,
      sources: ['src-1'],
    });
    const org = (id: string, name: string) => ({ id, name, kind: 'client', country: 'DE', sources: ['src-1'] });
    const ids: Record<string, string> = {};
    const noted =
      <T extends { change: { id: string } }>(name: string, step: () => Promise<T>) =>
      async () => {
        const r = await step();
        ids[name] = r.change.id;
        return r;
      };
    await checked('import A', imported(a));
    await checked('import B', imported(b));
    await checked('import C', imported(c));
    await checked('re-import A, changed', imported(a2));
    // Edits of the curated dataset, and their reverts: the curated version shown, then taken back while it is the
    // newest (its owner's kept version shown again) or after a file was imported since (its own Assertion deleted).
    await checked('curated edit of a shared link', noted('link', edited('a shared link', 'links', link(0.09))));
    await checked(
      'curated edit of a shared record',
      noted('org-b', edited('a shared record', 'organizations', org('org-b', 'Beta (curated)'))),
    );
    await checked(
      'revert the record edit, the curated dataset newest',
      reverted(() => ids['org-b']!),
    );
    await checked(
      'curated edit of an unlinked shared record',
      noted('z1', edited('org-z', 'organizations', org('org-z', 'Zeta (curated)'))),
    );
    await checked(
      'revert it, the curated dataset newest',
      reverted(() => ids.z1!),
    );
    // Its only record now is the link, its version on screen: the revert is checked and written by itself too.
    await checked(
      'revert the link edit, the curated dataset newest',
      reverted(() => ids.link!),
    );
    await checked(
      'curated edit of another shared record',
      noted('org-a', edited('another', 'organizations', org('org-a', 'Alpha (curated)'))),
    );
    await checked(
      'curated edit of the unlinked one again',
      noted('z2', edited('org-z', 'organizations', org('org-z', 'Zeta (curated again)'))),
    );
    await checked('import B, trimmed', imported(bTrimmed));
    await checked(
      'revert it, a file newer',
      reverted(() => ids.z2!),
    );
    await checked(
      'revert the other record edit',
      reverted(() => ids['org-a']!),
    );
    await checked(
      'curated edit of the shared link again',
      noted('link2', edited('a shared link', 'links', link(0.08))),
    );
    await checked('import C again', imported(c));
    await checked(
      'revert the link edit, a file newer',
      reverted(() => ids.link2!),
    );
    await checked(
      'retract the shared link',
      noted('retract', () => retractRecord(store(), admin, { id: 'l-sub', reason: 'the test retracts it' })),
    );
    // While it is out, A is imported again: A is now the newest of its owners, whose version a restore shows.
    await checked('re-import A while the link is out', imported(a));
    await checked(
      'revert the retraction',
      reverted(() => ids.retract!),
    );
    const own = async (dataset: string) =>
      (await store().read('dataset-links', { dataset })).find((l) => (l.props as { id: string }).id === 'l-sub')
        ?.props as { pricePerUnitEur: number } | undefined;
    // Each comes back as it was when retracted: A's version then was the changed file's (A's import while it was out
    // left it out), C's the one it had.
    expect((await own(a.id))?.pricePerUnitEur).toBe(0.11);
    expect(await own(c.id)).toMatchObject({ pricePerUnitEur: 0.1, note: 'as C has it' });
    await checked('re-import A after the restore', imported(a));
    // Each dataset still reads its own version of the restored link: the restore put the newest owner's on screen and
    // kept the others'; a later import of that owner has nothing of the others' to lose.
    expect((await own(a.id))?.pricePerUnitEur).toBe(0.1);
    expect(await own(c.id)).toMatchObject({ pricePerUnitEur: 0.1, note: 'as C has it' });
    await checked('remove C, the newest of some', () => removeDataset(store(), c.id));
    await checked('remove the curated dataset', () => removeDataset(store(), 'curated'));
    await checked('remove A', () => removeDataset(store(), a.id));
    await checked('remove B', () => removeDataset(store(), b.id));
    // The sequence did replace and delete Assertions, of records and of links, by imports, edits and removals.
    expect(seen.copies).toBeGreaterThan(10);
    expect(seen.stamped).toBeGreaterThan(10);
    expect(seen.steps).toEqual(
      expect.arrayContaining([
        'import B',
        're-import A, changed',
        'curated edit of a shared link',
        'curated edit of a shared record',
        'revert the record edit, the curated dataset newest',
        'revert the other record edit',
        'revert it, the curated dataset newest',
        'revert it, a file newer',
        'revert the link edit, the curated dataset newest',
        'revert the link edit, a file newer',
        'import B, trimmed',
        'retract the shared link',
        'revert the retraction',
        'remove C, the newest of some',
      ]),
    );
  }, 300_000);
});

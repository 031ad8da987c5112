// Every node and relationship of a store as sorted JSON lines, the moments and random tokens of its writes left out:
// how tests compare two stores written two ways (store-census.cypher; retired `WAS_` links are not in it).
import type { Database } from '../../server/db/index.js';

/** Properties that hold the moment or the random token of a write: they differ between any two loads (a change's ledger hash covers its moment, and the next change names that hash as `prev`). */
const MOMENTS: Record<string, string[]> = {
  Change: ['at', 'hash', 'prev'],
  ChangeCounter: ['ledgerHead'],
  Dataset: ['importedAt'],
  Verdict: ['at'],
  VerdictChange: ['at', 'n'],
  VerdictBaseline: ['at'],
  ImportLock: ['holder', 'since', 'version'],
  StoreIdentity: ['id', 'createdAt'],
};

export type Census = { nodes: string[]; links: string[] };

/** Every node and relationship as a sorted list of JSON lines, moments left out. */
export async function storeCensus(db: Database): Promise<Census> {
  const [row] = await db.read('store-census');
  const drop = (labels: string[], props: Record<string, unknown>, types: string[]) => {
    const gone = new Set(labels.flatMap((l) => MOMENTS[l] ?? []));
    const kept = Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => !gone.has(k))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    return { props: kept, types: types.filter((t) => !gone.has(t.split(':')[0]!)).sort() };
  };
  const nodes = (row!.nodes as { labels: string[]; props: Record<string, unknown>; types: string[] }[]).map((n) =>
    JSON.stringify({ labels: [...n.labels].sort(), ...drop(n.labels, n.props, n.types) }),
  );
  const links = (
    row!.links as { type: string; from: unknown; to: unknown; props: Record<string, unknown>; types: string[] }[]
  ).map((l) => JSON.stringify({ type: l.type, from: l.from, to: l.to, ...drop([], l.props, l.types) }));
  return { nodes: nodes.sort(), links: links.sort() };
}

// What the side-by-side benches share: timing two ways of asking the same question alternately, and the organisations
// whose answers a bench compares between the two ways, and the queries as they were at a git revision (the reference).
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { loadCypherFiles } from '../server/db/cypher-files.js';
import type { Dataset } from '../server/dataset/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times `a` and `b` `runs` times each, alternating which goes first, and returns their medians (ms). Each is asked
 * once before (planned and warm); with `compare`, those first answers must be deeply equal or it throws naming `label`.
 */
export async function alternately(
  label: string,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  compare = false,
): Promise<[number, number]> {
  const [first, second] = [await a(), await b()];
  if (compare) same(label, first, second);
  const times: [number[], number[]] = [[], []];
  const ways = [a, b] as const;
  for (let i = 0; i < runs; i++)
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      await ways[k]!();
      times[k]!.push(performance.now() - t);
    }
  return [median(times[0]), median(times[1])];
}

/** One line of a side-by-side table: what was asked, the two medians (ms) and the second over the first. */
export function ratioRow(label: string, width: number, a: number, b: number): string {
  return `${label.padEnd(width)} ${a.toFixed(1).padStart(10)} ${b.toFixed(1).padStart(10)} ${(b / a).toFixed(2).padStart(6)}x`;
}

/**
 * An answer as JSON whose maps list their keys in order (Neo4j does not promise the order of a map's keys: two
 * projections of the same record may list them differently), without the keys in `leftOut`.
 */
export function canonicalJson(value: unknown, leftOut: readonly string[] = []): string {
  return JSON.stringify(value, (key, v: unknown) =>
    leftOut.includes(key)
      ? undefined
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** Throws unless the two answers are deeply equal, naming what was asked. */
export function same(label: string, a: unknown, b: unknown): void {
  if (!isDeepStrictEqual(a, b)) throw new Error(`bench: the answers differ: ${label}`);
}

/** Every organisation claims are by or about, and the `busiest` platforms with the most pool and task links. */
export function comparedOrganizations(dataset: Dataset, busiest = 20): string[] {
  const load = new Map<string, number>();
  for (const l of dataset.links) if (l.type !== 'SUBCONTRACTS_FOR') load.set(l.to, (load.get(l.to) ?? 0) + 1);
  const platforms = dataset.organizations
    .filter((o) => o.kind === 'platform')
    .map((o) => o.id)
    .sort((x, y) => (load.get(y) ?? 0) - (load.get(x) ?? 0))
    .slice(0, busiest);
  const ids = new Set(dataset.organizations.map((o) => o.id));
  return [...new Set([...(dataset.claims ?? []).flatMap((c) => [c.subject, c.by]), ...platforms])].filter((id) =>
    ids.has(id),
  );
}

/** cypher/<name>.cypher as it was at `rev` (today's file when the revision had none). */
export function filesAt(rev: string): (name: string) => string {
  const today = loadCypherFiles();
  const cache = new Map<string, string>();
  return (name) => {
    let text = cache.get(name);
    if (text === undefined) {
      try {
        text = execFileSync('git', ['show', `${rev}:cypher/${name}.cypher`], { encoding: 'utf8' });
      } catch {
        text = today(name);
      }
      cache.set(name, text);
    }
    return text;
  };
}

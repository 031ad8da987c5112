// How many people a set of worker pools holds, counting each person once: a pool that is part of another pool in the set
// is not added again, and pools whose estimates overlap give a range, never a sum presented as a count. Pure.

export interface PoolSize {
  id: string;
  size: number | null;
}
export interface Nesting {
  type: 'PART_OF' | 'OVERLAPS_WITH' | string;
  from: string;
  to: string;
}

export interface WorkforceTotals {
  /** At least this many people (the largest known estimate of each group of overlapping or nested pools). */
  min: number;
  /** At most this many people among pools of known size (overlapping estimates added as if they shared no one). */
  max: number;
  /** Pools counted in no bound: of unknown size, and not part of a pool of known size. */
  unknownSizes: number;
}

export function workforceTotals(pools: PoolSize[], nesting: Nesting[]): WorkforceTotals {
  const ids = new Set(pools.map((p) => p.id));
  const size = new Map(pools.map((p) => [p.id, p.size]));
  const edges = nesting.filter((n) => ids.has(n.from) && ids.has(n.to) && n.from !== n.to);
  // Groups: pools joined by nesting or overlap, directly or through others.
  const parent = new Map(pools.map((p) => [p.id, p.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of edges) parent.set(find(e.from), find(e.to));
  const groups = new Map<string, string[]>();
  for (const p of pools) groups.set(find(p.id), [...(groups.get(find(p.id)) ?? []), p.id]);

  let min = 0;
  let max = 0;
  let unknownSizes = 0;
  for (const members of groups.values()) {
    const inGroup = new Set(members);
    // Roots: pools that are not part of another pool of the group (in a cycle of PART_OF, every member is a root).
    const partOf = new Set(edges.filter((e) => e.type === 'PART_OF' && inGroup.has(e.from)).map((e) => e.from));
    const roots = members.filter((m) => !partOf.has(m)).length ? members.filter((m) => !partOf.has(m)) : members;
    const known = members.map((m) => size.get(m)).filter((s): s is number => s !== null && s !== undefined);
    const knownRoots = roots.map((m) => size.get(m)).filter((s): s is number => s !== null && s !== undefined);
    if (known.length === 0) {
      unknownSizes += roots.length;
      continue;
    }
    const largest = Math.max(...known);
    min += largest;
    max += Math.max(
      largest,
      knownRoots.reduce((a, b) => a + b, 0),
    );
    unknownSizes += roots.length - knownRoots.length;
  }
  return { min, max, unknownSizes };
}

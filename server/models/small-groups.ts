// Small groups of workers are protected: a pool known to be smaller than MIN_POOL_SIZE has its size and pay withheld from
// every answer, and is left out of every total (counted apart), so that no subtraction of two answers reveals it. Pure.
import type { EntityModel, GraphNodeModel, LinkModel, SubgraphModel } from './models.js';

/** Known to be smaller than `min` (0 turns protection off; an unknown size is not known to be small). */
export function isSmall(size: number | null | undefined, min: number): boolean {
  return min > 0 && typeof size === 'number' && size < min;
}

/** A pool's size, or a task's pay when only small pools perform it, withheld. */
export function protectEntity(e: EntityModel, min: number): EntityModel {
  if (e.__typename === 'WorkerPool' && isSmall(e.size, min)) return { ...e, size: null, sizeSuppressed: true };
  if (e.__typename === 'Task' && e.unitPayEur !== null && e.performerSizes.length > 0 && e.performerSizes.every((s) => isSmall(s, min))) {
    return { ...e, unitPayEur: null, paySuppressed: true };
  }
  return e;
}

export function protectNode(n: GraphNodeModel, min: number): GraphNodeModel {
  return n.kind === 'worker-pool' && isSmall(n.size, min) ? { ...n, size: null, sizeSuppressed: true } : n;
}

/** The price on a small pool's contract (what its workers are paid) withheld. */
export function protectLink(l: LinkModel, smallPools: ReadonlySet<string>): LinkModel {
  return l.type === 'CONTRACTED_BY' && smallPools.has(l.from) && l.pricePerUnitEur !== null ? { ...l, pricePerUnitEur: null, priceSuppressed: true } : l;
}

/** The ids of the pools known to be small among these nodes. */
export function smallPoolIds(nodes: { id: string; kind: string; size: number | null }[], min: number): Set<string> {
  return new Set(nodes.filter((n) => n.kind === 'worker-pool' && isSmall(n.size, min)).map((n) => n.id));
}

export function protectSubgraph(s: SubgraphModel, min: number): SubgraphModel {
  const small = smallPoolIds(s.nodes, min);
  return { ...s, nodes: s.nodes.map((n) => protectNode(n, min)), edges: s.edges.map((e) => protectLink(e, small)) };
}

// Small groups of workers are protected: a pool known to be smaller than MIN_POOL_SIZE has its size and pay withheld from
// every answer, and is left out of every total (counted apart), so that no subtraction of two answers reveals it. Pure.
import type { EntityModel, GraphNodeModel, LinkModel, SubgraphModel } from './models.js';

/** Known to be smaller than `min` (0 turns protection off; an unknown size is not known to be small). */
export function isSmall(size: number | null | undefined, min: number): boolean {
  return min > 0 && typeof size === 'number' && size < min;
}

/**
 * Whether a task's pay is withheld: only small pools perform it now, or did at the moment it is read as recorded
 * (recordedAt; `then`), so that a figure withheld today stays withheld in every version, and one withheld then too.
 */
function onlySmallPerform(now: (number | null)[], then: (number | null)[] | undefined, min: number): boolean {
  const allSmall = (sizes: (number | null)[]) => sizes.length > 0 && sizes.every((s) => isSmall(s, min));
  return allSmall(now) || allSmall(then ?? []);
}

/** A pool's size, or a task's pay when only small pools perform it, withheld. */
export function protectEntity(e: EntityModel, min: number): EntityModel {
  if (e.__typename === 'WorkerPool' && isSmall(e.size, min)) return { ...e, size: null, sizeSuppressed: true };
  if (
    e.__typename === 'Task' &&
    e.unitPayEur !== null &&
    onlySmallPerform(e.performerSizes, e.performerSizesThen, min)
  ) {
    return { ...e, unitPayEur: null, paySuppressed: true };
  }
  return e;
}

export function protectNode(n: GraphNodeModel, min: number): GraphNodeModel {
  return n.kind === 'worker-pool' && isSmall(n.size, min) ? { ...n, size: null, sizeSuppressed: true } : n;
}

/** The price on a small pool's contract (what its workers are paid) withheld. */
export function protectLink(l: LinkModel, smallPools: ReadonlySet<string>): LinkModel {
  return l.type === 'CONTRACTED_BY' && smallPools.has(l.from) && l.pricePerUnitEur !== null
    ? { ...l, pricePerUnitEur: null, priceSuppressed: true }
    : l;
}

/** The ids of the pools known to be small among these nodes. */
export function smallPoolIds(nodes: { id: string; kind: string; size: number | null }[], min: number): Set<string> {
  return new Set(nodes.filter((n) => n.kind === 'worker-pool' && isSmall(n.size, min)).map((n) => n.id));
}

export function protectSubgraph(s: SubgraphModel, min: number): SubgraphModel {
  const small = smallPoolIds(s.nodes, min);
  return { ...s, nodes: s.nodes.map((n) => protectNode(n, min)), edges: s.edges.map((e) => protectLink(e, small)) };
}

/**
 * What the history knows about the pools a change concerns, read with the change: the sizes known for its pool (the
 * pool it is, or the pool a contract pays) now and in every change to that pool, and the sizes of the pools that
 * perform its task now. `poolKnown` is false for changes recorded before the history noted their pool.
 */
export interface PoolFacts {
  poolSizes: (number | null)[];
  performerSizes: (number | null)[];
  /** Read as recorded (`recordedAt`): the sizes of the pools that performed its task then. */
  performerSizesThen?: (number | null)[];
  poolKnown: boolean;
}

/** Which record a change's states describe, read from the states themselves. Pure. */
export interface StateSubject {
  kind: 'pool' | 'contract' | 'task' | 'other';
  /** The pool: the record itself, or the contract's worker end. */
  pool: string | null;
}

/** The figure each kind of record withholds. */
const WITHHELD_FIELD = { pool: 'size', contract: 'pricePerUnitEur', task: 'unitPayEur' } as const;

/** What a change's before/after state (a dataset's {section, item} or the store's snapshot) is about. Pure. */
export function stateSubject(state: unknown, record: string | null): StateSubject {
  if (!state || typeof state !== 'object') return { kind: 'other', pool: null };
  const s = state as {
    section?: string;
    item?: Record<string, unknown>;
    shape?: string;
    label?: string;
    from?: unknown;
  };
  if (s.section === 'workerPools' || (s.shape === 'node' && s.label === 'WorkerPool'))
    return { kind: 'pool', pool: String(s.item?.id ?? record) };
  if (s.section === 'links' && s.item?.type === 'CONTRACTED_BY') return { kind: 'contract', pool: String(s.item.from) };
  if (s.shape === 'link' && s.label === 'CONTRACTED_BY') return { kind: 'contract', pool: String(s.from) };
  if (s.section === 'tasks' || (s.shape === 'node' && s.label === 'Task')) return { kind: 'task', pool: null };
  return { kind: 'other', pool: null };
}

/** Every pool size a state carries (its item, the store's properties, the versions other datasets keep). Pure. */
export function sizesIn(state: unknown): number[] {
  if (stateSubject(state, null).kind !== 'pool') return [];
  return valuesOf(state, 'size').filter((v): v is number => typeof v === 'number');
}

/**
 * The figures of a change's state that the API withholds: a pool's size and its contract's price when the pool is, or
 * ever was, known to be small (its size now or in any change to it), and a task's pay when only small pools perform
 * it now, or did at the moment it is read as recorded (as `entity` says). A change recorded before its pool was
 * noted withholds them whatever the size. Pure.
 */
export function withheldInState(state: unknown, record: string | null, facts: PoolFacts, min: number): string[] {
  if (min <= 0) return [];
  const subject = stateSubject(state, record);
  if (subject.kind === 'other') return [];
  const field = WITHHELD_FIELD[subject.kind];
  if (valuesOf(state, field).every((v) => v === null || v === undefined)) return [];
  if (subject.kind === 'task')
    return onlySmallPerform(facts.performerSizes, facts.performerSizesThen, min) ? [field] : [];
  if (!facts.poolKnown) return [field];
  const sizes = [...facts.poolSizes, ...sizesIn(state)];
  return sizes.some((s) => isSmall(s, min)) ? [field] : [];
}

/**
 * A change's state as the API shows it: the withheld figures taken out wherever they appear in it (the item, the
 * store's properties, other datasets' kept versions), and named in `withheld`. Pure: `state` is left as it was.
 */
export function protectState(state: unknown, record: string | null, facts: PoolFacts, min: number): unknown {
  const fields = withheldInState(state, record, facts, min);
  if (fields.length === 0) return state;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !fields.includes(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  return { ...(strip(state) as Record<string, unknown>), withheld: fields };
}

/** Every value under key `key`, at any depth. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, key));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === key ? [v] : valuesOf(v, key)));
}

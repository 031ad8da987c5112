// What a change to the evidence touched, as verdict keeping needs it: the records it names (ids, link ends, a pay report's pool), the claims it changed, whether it changed the wage table. Pure.

/** What a change can affect: claims whose subject's neighbourhood holds one of `anchors`, the `claims` changed themselves, pay claims when `wage`, everything when `all`. */
export interface Touched {
  anchors: Set<string>;
  claims: Set<string>;
  wage: boolean;
  all: boolean;
}

export const nothingTouched = (): Touched => ({ anchors: new Set(), claims: new Set(), wage: false, all: false });

/** The fields of a record or link that name another record whose neighbourhood the change reaches. */
const NAMING_FIELDS = ['id', 'from', 'to', 'pool', 'task', 'subject', 'by'] as const;
const WAGE_SECTIONS = new Set(['wageReferences', 'exchangeRates', 'WageReference', 'ExchangeRate']);
const CLAIM_SECTIONS = new Set(['claims', 'Claim']);

/**
 * Adds what one change's state touched: a dataset's version of a record ({section, item}) or the store's ({shape,
 * label, from, to, props}); null (absent) touches only the record's id.
 */
export function addState(into: Touched, record: string | null, state: unknown): void {
  if (record) into.anchors.add(record);
  if (!state || typeof state !== 'object') return;
  const s = state as Record<string, unknown>;
  const kind = String(s.section ?? s.label ?? '');
  const fields: Record<string, unknown> = {
    ...((s.item ?? s.props ?? {}) as Record<string, unknown>),
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
  };
  if (WAGE_SECTIONS.has(kind)) into.wage = true;
  if (CLAIM_SECTIONS.has(kind)) {
    if (record) into.claims.add(record);
    if (typeof fields.id === 'string') into.claims.add(fields.id);
    return;
  }
  for (const f of NAMING_FIELDS) if (typeof fields[f] === 'string') into.anchors.add(fields[f]);
}

/**
 * What a dataset change wrote and retired, read from its own stamps (verdict-change-footprint.cypher): claims by id,
 * the wage table, and the ids whose neighbourhood it reaches. Pure.
 */
export function addFootprint(into: Touched, rows: Record<string, unknown>[]): void {
  for (const { kind, id } of rows) {
    if (kind === 'wage') into.wage = true;
    else if (typeof id !== 'string') continue;
    else if (kind === 'claim') into.claims.add(id);
    else into.anchors.add(id);
  }
}

/** One element of a dataset as the store shows it: its key (a record's id, a link's TYPE:id), ends and properties. */
export interface StateRow {
  key: string;
  label: string | null;
  from: string | null;
  to: string | null;
  props: Record<string, unknown>;
}

/** The rows of verdict-dataset-state.cypher as StateRows (the comparison a change's footprint is checked against). Pure. */
export function stateRows(rows: Record<string, unknown>[]): StateRow[] {
  return rows.map((r) => ({
    key: String(r.key),
    label: (r.label as string | null) ?? null,
    from: (r.from as string | null) ?? null,
    to: (r.to as string | null) ?? null,
    props: r.props as Record<string, unknown>,
  }));
}

/** A record's or link's properties in one canonical text (keys sorted), to compare two versions. Pure. */
function canonical(props: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(props)
      .sort()
      .map((k) => [k, props[k]]),
  );
}

/**
 * What an import or a removal changed: the elements of the dataset's version before and after that differ (added,
 * removed, or with other ends or properties); a link's ends stand for it, a claim is named itself. Pure.
 */
export function addDatasetDiff(into: Touched, before: StateRow[], after: StateRow[]): void {
  const was = new Map(before.map((r) => [r.key, r]));
  const now = new Map(after.map((r) => [r.key, r]));
  const touch = (r: StateRow) => {
    if (r.from !== null) {
      into.anchors.add(r.from);
      if (r.to !== null) into.anchors.add(r.to);
      return;
    }
    const label = r.label ?? '';
    if (CLAIM_SECTIONS.has(label)) {
      into.claims.add(r.key);
      return;
    }
    if (WAGE_SECTIONS.has(label)) {
      into.wage = true;
      return;
    }
    into.anchors.add(r.key);
    if (typeof r.props.pool === 'string') into.anchors.add(r.props.pool);
  };
  for (const [key, r] of was) {
    const n = now.get(key);
    if (!n || n.from !== r.from || n.to !== r.to || canonical(n.props) !== canonical(r.props)) touch(r);
  }
  for (const [key, n] of now) {
    const r = was.get(key);
    if (!r || r.from !== n.from || r.to !== n.to || canonical(r.props) !== canonical(n.props)) touch(n);
  }
}

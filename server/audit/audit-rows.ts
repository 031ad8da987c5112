// Turns audit-facts rows into claim audits and scorecards for the API and the CLI. Pure.
import type {
  ClaimAuditModel,
  ClaimModel,
  EntityModel,
  GraphNodeModel,
  IndicatorModel,
  LinkModel,
  SubgraphModel,
} from '../models/index.js';
import { isSmall, protectSubgraph, rows, toEntity, toGraphNode, toLink } from '../models/index.js';
import { judgeClaim, type AuditFacts, type FactLink, type WorkforceFact } from './judge-claim.js';
import { listed } from './audit-facts.js';

type Row = Record<string, unknown>;

export interface SubjectAudit {
  subject: EntityModel;
  facts: AuditFacts;
  links: Map<string, LinkModel>;
  nodes: Map<string, GraphNodeModel>;
  audits: ClaimAuditModel[];
  /** Pools smaller than this were judged without their size and pay. */
  minPoolSize: number;
  /** The scorecard's indicators, as audit-facts.cypher computed them (only for the scorecard's organisation). */
  card: CardFacts | null;
}

/** What the indicators say, computed by audit-facts.cypher from the whole workforce behind the organisation. */
export interface CardFacts {
  deepest: { length: number; pool: string } | null;
  /** Distinct links on its workers' chains, those whose disclosure to workers is recorded, and those disclosed. */
  onChains: number;
  known: number;
  disclosed: number;
  /** Who contracts the pools that work on or were recruited via it, when that is someone else. */
  contractors: string[];
  hasPools: boolean;
  countries: string[];
  uses: string[];
  lowest: { hourly: number; pool: string; task: string } | null;
  /** How many distinct links each indicator's evidence holds, in INDICATORS order (whether or not they were sent). */
  evidenceLinks: number[];
  /** Each indicator's evidence link ids, in INDICATORS order; empty when the query did not ask for evidence. */
  evidence: string[][];
}

export function toClaim(claim: Row, by: Row, subject: Row): ClaimModel {
  return {
    id: String(claim.id),
    kind: String(claim.kind),
    text: String(claim.text),
    date: typeof claim.date === 'string' ? claim.date : null,
    by: toEntity(by),
    subject: toEntity(subject),
    params: typeof claim.paramsJson === 'string' ? claim.paramsJson : null,
    note: typeof claim.note === 'string' ? claim.note : null,
    sources: toLink({ id: '', type: '', from: '', to: '', sources: claim.sources }).sources,
  };
}

/** The links with these ids and their end nodes, ready to draw. */
export function subgraphOf(
  ids: string[],
  links: Map<string, LinkModel>,
  nodes: Map<string, GraphNodeModel>,
): SubgraphModel {
  const edges = ids.map((id) => links.get(id)).filter((l): l is LinkModel => Boolean(l));
  const ends = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  return {
    nodes: ends.map((id) => nodes.get(id)).filter((n): n is GraphNodeModel => Boolean(n)),
    edges,
    truncated: false,
    totalNodes: null,
    edgesTruncated: false,
  };
}

const lists = (value: unknown): unknown[][] => (Array.isArray(value) ? (value as unknown[][]) : []);

/** What a rule reads of a link, with how many sources it cites that the store holds. */
function factOf(l: LinkModel, sourceCount: number): FactLink {
  return {
    id: l.id,
    type: l.type,
    from: l.from,
    to: l.to,
    disclosedToWorkers: l.disclosedToWorkers,
    pricePerUnitEur: l.pricePerUnitEur,
    use: l.use,
    sourceCount,
  };
}

/**
 * The links an audit-facts (or kept-verdicts) row sends, with their ends and what the rules read of each: drawn with
 * their properties and sources when the row holds them (`withLinks`), else from the lists of what the rules read. Pure.
 */
export function linksOfRow(row: Row): {
  links: Map<string, LinkModel>;
  nodes: Map<string, GraphNodeModel>;
  factLinks: Map<string, FactLink>;
} {
  // The query sends each end node and each cited source once; a link lists its sources by id. Read without the links'
  // properties (withLinks false), each link and end is a list of what the rules read.
  const withLinks = row.withLinks !== false;
  const cited = new Map(rows(row.linkSources).map((src) => [String(src.id), src]));
  const links = new Map<string, LinkModel>(
    withLinks
      ? rows(row.links).map((l) => {
          const link = toLink({
            ...l,
            sources: ((l.sources as string[] | null) ?? [])
              .map((id) => cited.get(id))
              .filter((src) => src !== undefined),
          });
          return [link.id, link];
        })
      : [],
  );
  const nodes = new Map<string, GraphNodeModel>(
    (withLinks
      ? rows(row.ends)
      : lists(row.ends).map(([id, name, kind, country, size, labels]) => ({ id, name, kind, country, size, labels }))
    ).map((end) => {
      const node = toGraphNode(end);
      return [node.id, node];
    }),
  );
  const factLinks = new Map<string, FactLink>(
    withLinks
      ? [...links].map(([id, l]) => [id, factOf(l, l.sources.length)])
      : lists(row.links).map(([id, type, from, to, disclosedToWorkers, pricePerUnitEur, use, sources]) => {
          const l = toLink({ id, type, from, to, disclosedToWorkers, pricePerUnitEur, use, sources: [] });
          return [l.id, factOf(l, Number(sources))];
        }),
  );
  return { links, nodes, factLinks };
}

/** A pool's workforce as audit-facts reads it: beside the facts, the pool's size now and each record's labels. */
type WorkforceRead = Omit<WorkforceFact, 'pool' | 'performed'> & {
  pool: WorkforceFact['pool'] & { sizeNow?: number | null; labels?: unknown };
  performed: { task: WorkforceFact['performed'][number]['task'] & { labels?: unknown }; link: string }[];
};

/**
 * A pool's workforce fact as the rules read it: its size, contract price, tasks' pay and pay reports withheld when it
 * is small as shown or now (the two differ only as recorded: audit-facts-recorded shows each pool as it was), and
 * without what was read only for that. Pure.
 */
function protectedWorkforce(w: WorkforceRead, minPoolSize: number): WorkforceFact {
  const { sizeNow, labels: _pool, ...pool } = w.pool;
  const performed = w.performed.map(({ task: { labels: _task, ...task }, link }) => ({ task, link }));
  if (!isSmall(pool.size, minPoolSize) && !isSmall(sizeNow, minPoolSize)) return { ...w, pool, performed };
  return {
    ...w,
    pool: { ...pool, size: null },
    contract: null,
    performed: performed.map((p) => ({ ...p, task: { ...p.task, unitPayEur: null } })),
    pay: [],
  };
}

/**
 * One audit-facts row: the subject's facts and the verdicts on its claims; each claim's evidence drawn when the row holds
 * the links' properties, else only its ids. `minPoolSize`: pools known to be smaller are judged as if their size and
 * pay were unknown, and their figures leave every evidence subgraph, so that no verdict or indicator reveals them
 * (small-groups.ts).
 */
export function auditSubject(row: Row, minPoolSize = 0): SubjectAudit {
  const subject = toEntity(row.subject as Row);
  const withLinks = row.withLinks !== false;
  const { links, nodes, factLinks } = linksOfRow(row);
  // In id order: the query collects them in the order the store holds them, which a write
  // elsewhere can change (a retired copy is a new relationship), and explanations list them in this order.
  const ids = (key: string) => [...((row[key] as string[] | null) ?? [])].sort();
  const facts: AuditFacts = {
    subject: { id: subject.id, name: subject.name, kind: subject.kind, country: subject.country },
    links: factLinks,
    nodes: new Map([...nodes].map(([id, n]) => [id, { id, name: n.name, kind: n.kind, country: n.country }])),
    poolLinks: ids('poolLinks'),
    scOut: ids('scOut'),
    onward: ids('onward'),
    scIn: ids('scIn'),
    control: ids('control'),
    splitVia: ids('splitVia'),
    splitContracts: ids('splitContracts'),
    chainFirstHops: ids('chainFirstHops'),
    chainSc: ids('chainSc'),
    feeds: ids('feeds'),
    workforce: ((row.workforce as WorkforceRead[] | null) ?? []).map((w) => protectedWorkforce(w, minPoolSize)),
    ...(row.wageTable ? { wageTable: row.wageTable as NonNullable<AuditFacts['wageTable']> } : {}),
  };
  const audits = rows(row.claims).map((c) => {
    const claim = toClaim(c.claim as Row, c.by as Row, row.subject as Row);
    const params = claim.params ? (JSON.parse(claim.params) as Record<string, unknown>) : null;
    const judged = judgeClaim({ kind: claim.kind, params }, facts);
    // The deciding links the store sent (as subgraphOf draws them: in the rule's order, each as often as named).
    const evidenceIds = judged.evidence.filter((id) => factLinks.has(id));
    return {
      claim,
      verdict: judged.verdict,
      explanation: judged.explanation,
      evidence: withLinks ? protectSubgraph(subgraphOf(evidenceIds, links, nodes), minPoolSize) : null,
      evidenceIds,
      unsourcedEvidence: evidenceIds.filter((id) => factLinks.get(id)!.sourceCount === 0).length,
    };
  });
  const card = row.indicators
    ? {
        ...(row.indicators as Omit<CardFacts, 'evidence'>),
        evidence: (row.indicatorEvidence as string[][] | null) ?? [],
      }
    : null;
  return { subject, facts, links, nodes, audits, minPoolSize, card };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const byCodeUnit = (xs: string[]) => [...xs].sort();

/** The indicators of a scorecard, in the order audit-facts.cypher sends their evidence. */
export const INDICATORS = [
  'deepest-chain',
  'disclosed-share',
  'role-split',
  'workforce-countries',
  'ai-uses',
  'lowest-hourly-pay',
] as const;

/** The transparency indicators of an organisation, worded from what audit-facts.cypher computed; the same data gives the same card. */
export function scorecardIndicators(a: SubjectAudit): IndicatorModel[] {
  const c = a.card;
  if (!c) throw new Error('scorecardIndicators: the audit facts were read without $indicators');
  const evidence = (i: number) =>
    protectSubgraph(subgraphOf([...new Set(c.evidence[i] ?? [])], a.links, a.nodes), a.minPoolSize);
  const countries = byCodeUnit(c.countries);
  const uses = byCodeUnit(c.uses);
  const values: Record<(typeof INDICATORS)[number], { label: string; value: string }> = {
    'deepest-chain': {
      label: 'Deepest labour chain behind it',
      value: c.deepest
        ? `${c.deepest.length} organisation${c.deepest.length === 1 ? '' : 's'} (from ${c.deepest.pool})`
        : 'no workforce known',
    },
    'disclosed-share': {
      label: "Links on its workers' chains disclosed to workers",
      value: c.known
        ? `${c.disclosed} of ${c.known} (${pct(c.disclosed / c.known)})${c.known < c.onChains ? `; ${c.onChains - c.known} not recorded` : ''}`
        : 'not recorded',
    },
    'role-split': {
      label: 'Recruiting, contracting and execution split',
      value: c.contractors.length
        ? `yes: its workers are contracted by ${listed(byCodeUnit(c.contractors))}`
        : c.hasPools
          ? 'no'
          : 'no workers known',
    },
    'workforce-countries': {
      label: 'Countries of the workforce behind it',
      value: countries.length ? countries.join(', ') : 'no workforce known',
    },
    'ai-uses': { label: 'AI uses its workforce feeds', value: uses.length ? uses.join(', ') : 'none known' },
    'lowest-hourly-pay': {
      label: 'Lowest known hourly pay',
      value: c.lowest ? `€${c.lowest.hourly.toFixed(2)} (${c.lowest.pool}, “${c.lowest.task}”)` : 'unknown',
    },
  };
  return INDICATORS.map((id, i) => ({
    id,
    ...values[id],
    evidenceLinks: Number(c.evidenceLinks[i] ?? 0),
    evidence: evidence(i),
  }));
}

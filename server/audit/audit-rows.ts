// Turns audit-facts rows into claim audits and scorecards for the API and the CLI. Pure.
import type { ClaimAuditModel, ClaimModel, EntityModel, GraphNodeModel, IndicatorModel, LinkModel, SubgraphModel } from '../models/index.js';
import { isSmall, protectSubgraph, rows, toEntity, toGraphNode, toLink } from '../models/index.js';
import { judgeClaim, type AuditFacts, type FactLink, type WorkforceFact } from './judge-claim.js';

type Row = Record<string, unknown>;

export interface SubjectAudit {
  subject: EntityModel;
  facts: AuditFacts;
  links: Map<string, LinkModel>;
  nodes: Map<string, GraphNodeModel>;
  audits: ClaimAuditModel[];
  /** Pools smaller than this were judged without their size and pay. */
  minPoolSize: number;
}

export function toClaim(claim: Row, by: Row, subject: Row): ClaimModel {
  return {
    id: String(claim.id), kind: String(claim.kind), text: String(claim.text),
    date: typeof claim.date === 'string' ? claim.date : null,
    by: toEntity(by), subject: toEntity(subject),
    params: typeof claim.paramsJson === 'string' ? claim.paramsJson : null,
    note: typeof claim.note === 'string' ? claim.note : null,
    sources: toLink({ id: '', type: '', from: '', to: '', sources: claim.sources }).sources,
  };
}

/** The links with these ids and their end nodes, ready to draw. */
export function subgraphOf(ids: string[], links: Map<string, LinkModel>, nodes: Map<string, GraphNodeModel>): SubgraphModel {
  const edges = ids.map((id) => links.get(id)).filter((l): l is LinkModel => Boolean(l));
  const ends = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  return { nodes: ends.map((id) => nodes.get(id)).filter((n): n is GraphNodeModel => Boolean(n)), edges, truncated: false, totalNodes: null, edgesTruncated: false };
}

/** One audit-facts row: the subject's facts and the verdicts on its claims. */
/**
 * `minPoolSize`: pools known to be smaller are judged as if their size and pay were unknown, and their figures leave
 * every evidence subgraph, so that no verdict or indicator reveals them (small-groups.ts).
 */
export function auditSubject(row: Row, minPoolSize = 0): SubjectAudit {
  const subject = toEntity(row.subject as Row);
  // The query sends each end node and each cited source once; a link lists its sources by id.
  const cited = new Map(rows(row.linkSources).map((src) => [String(src.id), src]));
  const links = new Map<string, LinkModel>(rows(row.links).map((l) => {
    const link = toLink({ ...l, sources: ((l.sources as string[] | null) ?? []).map((id) => cited.get(id)).filter((src) => src !== undefined) });
    return [link.id, link];
  }));
  const nodes = new Map<string, GraphNodeModel>(rows(row.ends).map((end) => {
    const node = toGraphNode(end);
    return [node.id, node];
  }));
  const factLinks = new Map<string, FactLink>([...links].map(([id, l]) => [id, {
    id, type: l.type, from: l.from, to: l.to, disclosedToWorkers: l.disclosedToWorkers, pricePerUnitEur: l.pricePerUnitEur, use: l.use, sourceCount: l.sources.length,
  }]));
  const ids = (key: string) => (row[key] as string[] | null) ?? [];
  const facts: AuditFacts = {
    subject: { id: subject.id, name: subject.name, kind: subject.kind, country: subject.country },
    links: factLinks,
    nodes: new Map([...nodes].map(([id, n]) => [id, { id, name: n.name, kind: n.kind, country: n.country }])),
    poolLinks: ids('poolLinks'), scOut: ids('scOut'), onward: ids('onward'), scIn: ids('scIn'), control: ids('control'), splitVia: ids('splitVia'),
    splitContracts: ids('splitContracts'), chainFirstHops: ids('chainFirstHops'), chainSc: ids('chainSc'), feeds: ids('feeds'),
    workforce: ((row.workforce as WorkforceFact[] | null) ?? []).map((w) => (isSmall(w.pool.size, minPoolSize)
      ? { ...w, pool: { ...w.pool, size: null }, contract: null, performed: w.performed.map((p) => ({ ...p, task: { ...p.task, unitPayEur: null } })) }
      : w)),
  };
  const audits = rows(row.claims).map((c) => {
    const claim = toClaim(c.claim as Row, c.by as Row, row.subject as Row);
    const params = claim.params ? (JSON.parse(claim.params) as Record<string, unknown>) : null;
    const judged = judgeClaim({ kind: claim.kind, params }, facts);
    const evidence = protectSubgraph(subgraphOf(judged.evidence, links, nodes), minPoolSize);
    return { claim, verdict: judged.verdict, explanation: judged.explanation, evidence, unsourcedEvidence: evidence.edges.filter((e) => e.sources.length === 0).length };
  });
  return { subject, facts, links, nodes, audits, minPoolSize };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The transparency indicators of an organisation, computed from its audit facts; the same data gives the same card. */
export function scorecardIndicators(a: SubjectAudit): IndicatorModel[] {
  const { facts: f, links, nodes } = a;
  const sub = (ids: string[]) => protectSubgraph(subgraphOf([...new Set(ids)], links, nodes), a.minPoolSize);
  const deepest = f.workforce.reduce<WorkforceFact | null>((best, w) => (!best || w.chain.length > best.chain.length ? w : best), null);
  const chain = [...f.chainFirstHops, ...f.chainSc, ...f.workforce.flatMap((w) => w.chain)];
  const known = [...new Set(chain)].filter((id) => links.get(id)?.disclosedToWorkers !== null);
  const disclosed = known.filter((id) => links.get(id)?.disclosedToWorkers === true);
  const countries = [...new Set(f.workforce.map((w) => w.pool.country ?? 'unknown'))].sort();
  const uses = [...new Set(f.workforce.flatMap((w) => w.performed.flatMap((p) => (p.task as { uses?: string[] }).uses ?? [])))].sort();
  const pays = f.workforce.flatMap((w) => w.performed.map((p) => {
    const contract = w.contract ? links.get(w.contract)?.pricePerUnitEur ?? null : null;
    const pay = contract ?? p.task.unitPayEur;
    return { hourly: pay !== null && p.task.minutesPerUnit ? (pay * 60) / p.task.minutesPerUnit : null, w, p };
  })).filter((x) => x.hourly !== null);
  const lowest = pays.reduce<(typeof pays)[number] | null>((lo, x) => (!lo || x.hourly! < lo.hourly! ? x : lo), null);
  return [
    { id: 'deepest-chain', label: 'Deepest labour chain behind it',
      value: deepest ? `${deepest.chain.length} organisation${deepest.chain.length === 1 ? '' : 's'} (from ${deepest.pool.name})` : 'no workforce known',
      evidence: sub(deepest?.chain ?? []) },
    { id: 'disclosed-share', label: 'Links on its workers\' chains disclosed to workers',
      value: known.length ? `${disclosed.length} of ${known.length} (${pct(disclosed.length / known.length)})${known.length < new Set(chain).size ? `; ${new Set(chain).size - known.length} not recorded` : ''}` : 'not recorded',
      evidence: sub(known) },
    { id: 'role-split', label: 'Recruiting, contracting and execution split',
      value: f.splitContracts.length ? `yes: its workers are contracted by ${[...new Set(f.splitContracts.map((id) => nodes.get(links.get(id)!.to)?.name))].join(', ')}` : f.poolLinks.length ? 'no' : 'no workers known',
      evidence: sub([...f.splitVia, ...f.splitContracts]) },
    { id: 'workforce-countries', label: 'Countries of the workforce behind it',
      value: countries.length ? countries.join(', ') : 'no workforce known', evidence: sub(f.workforce.flatMap((w) => w.chain)) },
    { id: 'ai-uses', label: 'AI uses its workforce feeds', value: uses.length ? uses.join(', ') : 'none known',
      evidence: sub(f.workforce.flatMap((w) => w.performed.map((p) => p.link))) },
    { id: 'lowest-hourly-pay', label: 'Lowest known hourly pay',
      value: lowest ? `€${lowest.hourly!.toFixed(2)} (${lowest.w.pool.name}, “${lowest.p.task.name}”)` : 'unknown',
      evidence: sub(lowest ? [...(lowest.w.contract ? [lowest.w.contract] : []), lowest.p.link] : []) },
  ];
}

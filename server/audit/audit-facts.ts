// What the claim rules read (gathered by cypher/audit-facts.cypher) and the helpers every rule uses to explain itself. Pure.
import { linkSentence } from '../../vocabulary/index.js';
import type { ExchangeRate, WageReference } from '../../format/wage-gap.js';

export type Verdict = 'SUPPORTED' | 'CONTRADICTED' | 'UNVERIFIABLE';

export interface FactLink {
  id: string;
  type: string;
  from: string;
  to: string;
  disclosedToWorkers: boolean | null;
  pricePerUnitEur: number | null;
  use: string | null;
  sourceCount: number;
}

export interface FactNode {
  id: string;
  name: string;
  /** The API's kind: an organisation's kind, or worker-pool, task, ai-product. */
  kind: string;
  country: string | null;
}

/** A pay report on a pool behind the subject, as stored (ranges flat), with how many sources it cites. */
export interface PayFact {
  id: string;
  min: number;
  max: number;
  currency: string;
  unit: string;
  since: string | null;
  until: string | null;
  tasksPerHourMin: number | null;
  tasksPerHourMax: number | null;
  hoursPerUnitMin: number | null;
  hoursPerUnitMax: number | null;
  /** A full-time wage, as its source reports: compared with a reference in its own unit. */
  fullTime?: boolean | null;
  sourceCount: number;
}

export interface WorkforceFact {
  pool: { id: string; name: string; country: string | null; size: number | null };
  /** Its pay reports, read only for rules that read `wageTable` (a small group's are withheld). */
  pay?: PayFact[];
  chain: string[];
  contract: string | null;
  /** Every valid CONTRACTED_BY link of the pool (who holds its contracts), whatever their price. */
  contracts: string[];
  performed: {
    task: { id: string; name: string; unitPayEur: number | null; minutesPerUnit: number | null };
    link: string;
  }[];
}

export interface AuditFacts {
  subject: FactNode;
  links: Map<string, FactLink>;
  nodes: Map<string, FactNode>;
  /** Links from worker pools that recruit via, are contracted by or work on the subject. */
  poolLinks: string[];
  /** Subcontracting out of the subject. */
  scOut: string[];
  /** One onward subcontracting link of each buyer in `scOut` that is itself not ultimate. */
  onward: string[];
  /** Subcontracting into the subject. */
  scIn: string[];
  /** Pool links to the subject (recruiting, execution) of pools contracted by someone else, and those contracts. */
  splitVia: string[];
  splitContracts: string[];
  /** Every link on a labour chain of the subject's pools: their first hops, then subcontracting. */
  chainFirstHops: string[];
  chainSc: string[];
  /** FEEDS links into the subject (an AI product). */
  feeds: string[];
  /** CONTROLLED_BY links between the subject and other organisations, either way: its group. */
  control: string[];
  /** Each pool behind the subject, with its chain, lowest contract and tasks. */
  workforce: WorkforceFact[];
  /** The reference wages and exchange rates in the store (read for pay claims). */
  wageTable?: { references: WageReference[]; rates: ExchangeRate[] };
}

export interface Judgement {
  verdict: Verdict;
  explanation: string;
  /** Ids of the links that decided the verdict (the evidence to draw and cite). */
  evidence: string[];
}

/** The words a rule builds its explanation from: names, links read as sentences, and the two common endings. */
export interface RuleTools {
  /** The subject's name. */
  S: string;
  name(id: string): string;
  link(id: string): FactLink;
  /** A link read as a sentence: "<from> <reads> <to>". */
  says(id: string): string;
  unverifiable(why: string, evidence?: string[]): Judgement;
  /** A CONTRADICTED verdict names its deciding links that have no source. */
  withOwnSources(j: Judgement): Judgement;
}

export function ruleTools(f: AuditFacts): RuleTools {
  const name = (id: string) => f.nodes.get(id)?.name ?? id;
  const link = (id: string) => f.links.get(id)!;
  const says = (id: string) => {
    const l = link(id);
    return linkSentence(l.type, name(l.from), name(l.to));
  };
  return {
    S: f.subject.name,
    name,
    link,
    says,
    unverifiable: (why, evidence = []) => ({ verdict: 'UNVERIFIABLE', explanation: why, evidence }),
    withOwnSources(j) {
      if (j.verdict !== 'CONTRADICTED') return j;
      const bare = j.evidence.filter((id) => link(id).sourceCount === 0);
      const unsourced = distinct(bare.map(says));
      return bare.length
        ? {
            ...j,
            explanation: `${j.explanation} Note: ${listed(unsourced, '; ')} ${unsourced.length === 1 ? 'has' : 'have'} no source.`,
          }
        : j;
    },
  };
}

export const eur = (n: number) => `€${n.toFixed(2)}`;

/**
 * The organisations in the subject's group: those it controls or that control it (CONTROLLED_BY, either way, at the
 * date). A subcontractor the platform controls is the platform: work within a group is not subcontracting. Pure.
 */
export function groupOf(f: AuditFacts): Set<string> {
  const group = new Set<string>();
  for (const id of f.control) {
    const l = f.links.get(id)!;
    group.add(l.from);
    group.add(l.to);
  }
  group.delete(f.subject.id);
  return group;
}

/** The control links that tie `org` to the subject's group. */
export function controlOf(f: AuditFacts, org: string): string[] {
  return f.control.filter((id) => {
    const l = f.links.get(id)!;
    return l.from === org || l.to === org;
  });
}

/** Each item once, in the order first seen. Linear: a hub's evidence holds tens of thousands of links. Pure. */
export function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** How many items an explanation names before it counts the rest. */
export const NAMED_AT_MOST = 10;

/**
 * Items for a sentence, each once: all of them, or the first NAMED_AT_MOST and how many more (a platform's explanation
 * named each of its 10,000 pools). The evidence still holds every link. Pure.
 */
export function listed(items: readonly string[], separator = ', '): string {
  const all = distinct(items);
  if (all.length <= NAMED_AT_MOST) return all.join(separator);
  return `${all.slice(0, NAMED_AT_MOST).join(separator)}${separator}and ${(all.length - NAMED_AT_MOST).toLocaleString('en')} more`;
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Judges one claim against the facts gathered by audit-facts.cypher: verdict, plain explanation, deciding links. Pure.

export type Verdict = 'SUPPORTED' | 'CONTRADICTED' | 'UNVERIFIABLE';

export const CLAIM_KINDS = ['MERE_INTERMEDIARY', 'NO_SUBCONTRACTING', 'CLIENT_DISCLOSED', 'FULLY_AUTOMATED', 'WORKFORCE_LOCATION', 'MIN_PAY'] as const;

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

export interface WorkforceFact {
  pool: { id: string; name: string; country: string | null; size: number | null };
  chain: string[];
  contract: string | null;
  performed: { task: { id: string; name: string; unitPayEur: number | null; minutesPerUnit: number | null }; link: string }[];
}

export interface AuditFacts {
  subject: FactNode;
  links: Map<string, FactLink>;
  nodes: Map<string, FactNode>;
  poolLinks: string[];
  scOut: string[];
  onward: string[];
  scIn: string[];
  splitVia: string[];
  splitContracts: string[];
  chainFirstHops: string[];
  chainSc: string[];
  feeds: string[];
  workforce: WorkforceFact[];
}

export interface Judgement {
  verdict: Verdict;
  explanation: string;
  /** Ids of the links that decided the verdict (the evidence to draw and cite). */
  evidence: string[];
}

const eur = (n: number) => `€${n.toFixed(2)}`;

/** Applies the rule of the claim's kind (see the README's table). */
export function judgeClaim(claim: { kind: string; params: Record<string, unknown> | null }, f: AuditFacts): Judgement {
  const name = (id: string) => f.nodes.get(id)?.name ?? id;
  const link = (id: string) => f.links.get(id)!;
  const says = (id: string) => { const l = link(id); return `${name(l.from)} ${READS[l.type] ?? l.type} ${name(l.to)}`; };
  const S = f.subject.name;
  const isOrg = !['worker-pool', 'task', 'ai-product'].includes(f.subject.kind);
  const unverifiable = (why: string, evidence: string[] = []): Judgement => ({ verdict: 'UNVERIFIABLE', explanation: why, evidence });
  const withOwnSources = (j: Judgement): Judgement => {
    if (j.verdict !== 'CONTRADICTED') return j;
    const bare = j.evidence.filter((id) => link(id).sourceCount === 0);
    return bare.length ? { ...j, explanation: `${j.explanation} Note: ${bare.map(says).join('; ')} has no source.` } : j;
  };

  if (claim.kind === 'FULLY_AUTOMATED') {
    if (f.subject.kind !== 'ai-product') return unverifiable(`${S} is not an AI product, so a claim of full automation cannot be checked against it.`);
    const human = f.feeds.filter((id) => ['imitation', 'verification'].includes(link(id).use ?? ''));
    if (human.length) {
      return withOwnSources({ verdict: 'CONTRADICTED', evidence: human,
        explanation: `People work inside ${S}: ${human.map((id) => `“${name(link(id).from)}” feeds it as ${link(id).use}`).join('; ')}.` });
    }
    return unverifiable(f.feeds.length
      ? `Only training work is known to feed ${S}; that does not show people in the loop, and absence of evidence is not evidence.`
      : `No known task feeds ${S}; absence of evidence is not evidence.`, f.feeds);
  }
  if (!CLAIM_KINDS.includes(claim.kind as never)) return unverifiable(`Claims of kind ${claim.kind} are not checked against the graph; read their sources.`);
  if (!isOrg) return unverifiable(`${S} is not an organisation, so this claim cannot be checked against it.`);

  switch (claim.kind) {
    case 'MERE_INTERMEDIARY': {
      const deeper = f.scOut.filter((id) => f.onward.some((o) => link(o).from === link(id).to));
      const deeperProof = f.onward.filter((o) => deeper.some((id) => link(id).to === link(o).from));
      if (deeper.length || f.splitContracts.length) {
        const parts: string[] = [];
        if (deeper.length) parts.push(`${S} works for ${deeper.map((id) => name(link(id).to)).join(', ')}, which in turn work${deeper.length === 1 ? 's' : ''} for ${deeperProof.map((o) => name(link(o).to)).join(', ')}: another layer sits between ${S} and the end customer`);
        if (f.splitContracts.length) parts.push(`workers who ${f.splitVia.map((id) => `${READS[link(id).type]} ${S}`).filter(unique).join(' or ')} are contracted by ${f.splitContracts.map((id) => name(link(id).to)).filter(unique).join(', ')}`);
        return withOwnSources({ verdict: 'CONTRADICTED', explanation: `${capital(parts.join('; and '))}.`, evidence: [...deeper, ...deeperProof, ...f.splitVia, ...f.splitContracts].filter(unique) });
      }
      if (f.poolLinks.length) {
        return { verdict: 'SUPPORTED', evidence: [...f.poolLinks, ...f.scOut],
          explanation: `${S} has worker pools (${f.poolLinks.map((id) => name(link(id).from)).filter(unique).join(', ')}), ${f.scOut.length ? `works only for ultimate organisations (${f.scOut.map((id) => name(link(id).to)).join(', ')})` : 'works for no one further'}, and recruits, contracts and hosts its workers itself.` };
      }
      return unverifiable(`No worker pool is known to work through ${S} at this date.`);
    }
    case 'NO_SUBCONTRACTING': {
      if (f.scIn.length) {
        return withOwnSources({ verdict: 'CONTRADICTED', evidence: f.scIn,
          explanation: `${f.scIn.map((id) => name(link(id).from)).join(', ')} ${f.scIn.length === 1 ? 'does' : 'do'} work for ${S}.` });
      }
      const own = f.poolLinks.filter((id) => link(id).type === 'CONTRACTED_BY');
      if (own.length) return { verdict: 'SUPPORTED', evidence: own, explanation: `${S} contracts its own workers (${own.map((id) => name(link(id).from)).join(', ')}) and no one is known to work for it.` };
      return unverifiable(`${S} is not known to contract any worker pool, and no one is known to work for it.`);
    }
    case 'CLIENT_DISCLOSED': {
      const chain = [...f.chainFirstHops, ...f.chainSc];
      const hidden = chain.filter((id) => {
        const l = link(id);
        return l.disclosedToWorkers === false || f.nodes.get(l.from)?.kind === 'undisclosed' || f.nodes.get(l.to)?.kind === 'undisclosed';
      });
      if (hidden.length) {
        return withOwnSources({ verdict: 'CONTRADICTED', evidence: hidden,
          explanation: `On the chains of ${S}'s workers, ${hidden.map((id) => `${says(id)} (${link(id).disclosedToWorkers === false ? 'not disclosed to workers' : 'an undisclosed party'})`).join('; ')}.` });
      }
      if (f.chainSc.length && f.chainSc.every((id) => link(id).disclosedToWorkers === true)) {
        return { verdict: 'SUPPORTED', evidence: f.chainSc, explanation: `Every subcontracting link on the chains of ${S}'s workers is disclosed to them: ${f.chainSc.map(says).join('; ')}.` };
      }
      return unverifiable(f.chainSc.length
        ? `Whether workers are told is not recorded for ${f.chainSc.filter((id) => link(id).disclosedToWorkers === null).map(says).join('; ')}.`
        : `No subcontracting is known on the chains of ${S}'s workers, so there is no client to disclose or hide.`, f.chainSc);
    }
    case 'WORKFORCE_LOCATION': {
      const allowed = Array.isArray(claim.params?.countries) ? (claim.params!.countries as unknown[]).map(String) : null;
      if (!allowed) return unverifiable('The claim gives no list of countries (params.countries) to check.');
      const outside = f.workforce.filter((w) => w.pool.country !== null && !allowed.includes(w.pool.country));
      if (outside.length) {
        return withOwnSources({ verdict: 'CONTRADICTED', evidence: outside.flatMap((w) => w.chain).filter(unique),
          explanation: `${outside.map((w) => `${w.pool.name} (${w.pool.country})`).join(', ')} work${outside.length === 1 ? 's' : ''} behind ${S}, outside ${allowed.join(', ')}.` });
      }
      const unknown = f.workforce.filter((w) => w.pool.country === null);
      if (f.workforce.length && !unknown.length) {
        return { verdict: 'SUPPORTED', evidence: f.workforce.flatMap((w) => w.chain).filter(unique),
          explanation: `All ${f.workforce.length} worker pool${f.workforce.length === 1 ? '' : 's'} behind ${S} are in ${allowed.join(', ')}: ${f.workforce.map((w) => `${w.pool.name} (${w.pool.country})`).join(', ')}.` };
      }
      return unverifiable(f.workforce.length
        ? `The country of ${unknown.map((w) => w.pool.name).join(', ')} is not known.`
        : `No worker pool is known behind ${S} at this date.`, unknown.flatMap((w) => w.chain).filter(unique));
    }
    case 'MIN_PAY': {
      const threshold = typeof claim.params?.eurPerHour === 'number' ? claim.params.eurPerHour : null;
      if (threshold === null) return unverifiable('The claim gives no hourly threshold (params.eurPerHour) to check.');
      const figures = f.workforce.flatMap((w) => w.performed.map((p) => {
        const contract = w.contract ? link(w.contract).pricePerUnitEur : null;
        const pay = contract ?? p.task.unitPayEur;
        const hourly = pay !== null && p.task.minutesPerUnit ? (pay * 60) / p.task.minutesPerUnit : null;
        return { w, p, pay, hourly, evidence: [...(w.contract ? [w.contract] : []), p.link, ...w.chain].filter(unique) };
      }));
      const below = figures.filter((x) => x.hourly !== null && x.hourly < threshold);
      if (below.length) {
        return withOwnSources({ verdict: 'CONTRADICTED', evidence: below.flatMap((x) => x.evidence).filter(unique),
          explanation: below.map((x) => `${x.w.pool.name} earn ${eur(x.hourly!)} an hour on “${x.p.task.name}” (${eur(x.pay!)} a unit, ${x.p.task.minutesPerUnit} min a unit), below ${eur(threshold)}`).join('; ') + '.' });
      }
      if (figures.length && figures.every((x) => x.hourly !== null)) {
        const lowest = Math.min(...figures.map((x) => x.hourly!));
        return { verdict: 'SUPPORTED', evidence: figures.flatMap((x) => x.evidence).filter(unique),
          explanation: `Every known pay behind ${S} reaches ${eur(threshold)} an hour; the lowest is ${eur(lowest)}.` };
      }
      return unverifiable(figures.length
        ? `Pay or time per unit is unknown for ${figures.filter((x) => x.hourly === null).map((x) => `${x.w.pool.name} on “${x.p.task.name}”`).join(', ')}.`
        : `No task is known to be performed by the workforce behind ${S} at this date.`);
    }
    default:
      return unverifiable(`Claims of kind ${claim.kind} are not checked against the graph; read their sources.`);
  }
}

const READS: Record<string, string> = {
  RECRUITED_VIA: 'recruited via', CONTRACTED_BY: 'contracted by', WORKS_ON: 'work on', SUBCONTRACTS_FOR: 'works for',
  PERFORMED_BY: 'performed by', EXECUTED_ON: 'executed on', ORDERED_BY: 'ordered by', FEEDS: 'feeds', OWNED_BY: 'owned by',
};

function unique<T>(x: T, i: number, xs: T[]): boolean {
  return xs.indexOf(x) === i;
}
function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

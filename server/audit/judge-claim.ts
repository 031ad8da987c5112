// Judges one claim against the facts gathered by audit-facts.cypher, by the rule registered for its kind. Pure.
import { ruleTools, type AuditFacts, type Judgement } from './audit-facts.js';
import { CLAIM_RULES } from './rules/index.js';

export type { AuditFacts, FactLink, FactNode, Judgement, Verdict, WorkforceFact } from './audit-facts.js';

export const CLAIM_KINDS = CLAIM_RULES.map((r) => r.kind);

/** Applies the rule of the claim's kind (see the table in docs/audits.md); kinds without a rule are listed, not judged. */
export function judgeClaim(claim: { kind: string; params: Record<string, unknown> | null }, f: AuditFacts): Judgement {
  const tools = ruleTools(f);
  const rule = CLAIM_RULES.find((r) => r.kind === claim.kind);
  if (!rule)
    return tools.unverifiable(`Claims of kind ${claim.kind} are not checked against the graph; read their sources.`);
  const isAiProduct = f.subject.kind === 'ai-product';
  const isOrganization = !['worker-pool', 'task', 'ai-product'].includes(f.subject.kind);
  if (rule.subject === 'ai-product' && !isAiProduct) {
    return tools.unverifiable(
      `${tools.S} is not an AI product, so a claim of this kind (${rule.kind}) cannot be checked against it.`,
    );
  }
  if (rule.subject === 'organization' && !isOrganization) {
    return tools.unverifiable(`${tools.S} is not an organisation, so this claim cannot be checked against it.`);
  }
  return rule.judge(claim, f, tools);
}

// What a claim rule is: the kind it judges, what it may be about, what it reads, its rule in words, and its judge.
import type { AuditFacts, Judgement, RuleTools } from '../audit-facts.js';

export interface ClaimRule {
  kind: string;
  /** What the claim must be about: an organisation or an AI product. */
  subject: 'organization' | 'ai-product';
  /** The facts it reads: audit-facts.cypher gathers only these for its claims (a fact not listed reads as empty). */
  reads: readonly (keyof AuditFacts)[];
  /** The rule in words, as the table in docs/audits.md gives it. */
  contradictedWhen: string;
  supportedWhen: string;
  judge(claim: { params: Record<string, unknown> | null }, facts: AuditFacts, tools: RuleTools): Judgement;
}

// The audit panel under an organisation or AI product: its claims with verdicts and, for an organisation, the scorecard.
import { graphql } from '../api/graphql-client.js';
import { AUDIT, SCORECARD } from '../api/operations.js';
import type { ClaimAudit, Entity, Indicator, ScorecardPay } from '../api/types.js';
import { auditPanelHtml } from '../ui/audit-panel.js';
import { asOfVariable } from '../views/view.js';

/** Appends the panel to `parent` and fills it once the verdicts arrive, unless `stillWanted()` says the selection moved on. */
export async function showAuditPanel(parent: HTMLElement, entity: Entity, asOf: string | null, stillWanted: () => boolean): Promise<void> {
  const panel = document.createElement('section');
  panel.id = 'audit-panel';
  panel.innerHTML = '<p class="muted">Auditing its claims…</p>';
  parent.append(panel);
  let audits: ClaimAudit[];
  let indicators: Indicator[] | null = null;
  let pay: ScorecardPay | null = null;
  if (entity.__typename === 'Organization') {
    const { scorecard } = await graphql<{ scorecard: { indicators: Indicator[]; audits: ClaimAudit[]; pay: ScorecardPay } }>(SCORECARD, { id: entity.id, ...asOfVariable({ asOf }) });
    ({ audits, indicators, pay } = scorecard);
  } else {
    audits = (await graphql<{ audit: ClaimAudit[] }>(AUDIT, { id: entity.id, ...asOfVariable({ asOf }) })).audit;
  }
  if (stillWanted()) panel.innerHTML = auditPanelHtml(audits, indicators, indicators ? entity.id : null, pay);
}

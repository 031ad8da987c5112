// The audit panel under an organisation or AI product: its claims with verdicts, for an organisation the scorecard, and the changes of verdict on its claims with their feed.
import { graphql } from '../api/graphql-client.js';
import { AUDIT, SCORECARD, VERDICT_HISTORY } from '../api/operations.js';
import type { ClaimAudit, Entity, Indicator, ScorecardPay, VerdictChange } from '../api/types.js';
import { auditPanelHtml, verdictChangesHtml, verdictHistoryHtml } from '../ui/audit-panel.js';
import type { Answer } from '../state/latest-answer.js';
import { timeVariables } from '../views/view.js';

/** Appends the panel to `parent` and fills it once the verdicts arrive, unless `ask` (the details panel's, see client/state/latest-answer.ts) says the answer is late. */
export async function showAuditPanel(
  parent: HTMLElement,
  entity: Entity,
  times: { asOf: string | null; recordedAt: string | null },
  ask: <T>(request: Promise<T>) => Promise<Answer<T>>,
): Promise<void> {
  const panel = document.createElement('section');
  panel.id = 'audit-panel';
  panel.innerHTML = '<p class="muted">Auditing its claims…</p>';
  parent.append(panel);
  let audits: ClaimAudit[];
  let indicators: Indicator[] | null = null;
  let pay: ScorecardPay | null = null;
  type Changes = { verdictChanges: { totalCount: number; edges: { node: VerdictChange }[] } };
  let changes: Changes['verdictChanges'];
  if (entity.__typename === 'Organization') {
    const { value: answer, latest } = await ask(
      graphql<{ scorecard: { indicators: Indicator[]; audits: ClaimAudit[]; pay: ScorecardPay } } & Changes>(
        SCORECARD,
        { id: entity.id, ...timeVariables(times) },
      ),
    );
    if (!latest) return;
    ({ audits, indicators, pay } = answer.scorecard);
    changes = answer.verdictChanges;
  } else {
    const { value: answer, latest } = await ask(
      graphql<{ audit: ClaimAudit[] } & Changes>(AUDIT, { id: entity.id, ...timeVariables(times) }),
    );
    if (!latest) return;
    audits = answer.audit;
    changes = answer.verdictChanges;
  }
  panel.innerHTML =
    auditPanelHtml(audits, indicators, indicators ? entity.id : null, pay) +
    verdictChangesHtml(
      changes.edges.map((e) => e.node),
      changes.totalCount,
      entity.id,
    );
  openHistoriesOnDemand(panel);
}

/** Each claim's history of verdicts is read the first time its disclosure opens (one verdictHistory request). */
function openHistoriesOnDemand(panel: HTMLElement): void {
  for (const details of panel.querySelectorAll<HTMLDetailsElement>('details[data-claim-history]')) {
    details.addEventListener('toggle', async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = 'true';
      const body = details.querySelector<HTMLElement>('.history-body')!;
      try {
        const answer = await graphql<{
          verdictHistory: { totalCount: number; edges: { node: VerdictChange }[] };
        }>(VERDICT_HISTORY, { id: details.dataset.claimHistory });
        body.innerHTML = verdictHistoryHtml(
          answer.verdictHistory.edges.map((e) => e.node),
          answer.verdictHistory.totalCount,
        );
      } catch (e) {
        delete details.dataset.loaded;
        body.textContent = `The history could not be read: ${(e as Error).message}. Close and open it to try again.`;
      }
    });
  }
}

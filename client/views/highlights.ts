// What a highlight shows: the evidence of a verdict or an indicator, who a pool works for, the workforce behind an organisation.
import { graphql } from '../api/graphql-client.js';
import { CLAIM_AUDIT, INDICATOR_EVIDENCE, WHO_WORKS_FOR, WORKFORCE } from '../api/operations.js';
import type { ClaimAuditQuery, WorkforceQuery } from '../api/generated-operations.js';
import type { Subgraph } from '../api/types.js';
import { kindLook } from '../graph/roles.js';
import type { Highlight } from '../state/explorer-state.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { timeVariables } from './view.js';

export interface LoadedHighlight {
  /** Elements to add to the view so that the evidence is on screen (a verdict's deciding links). */
  add: Subgraph | null;
  /** The ids of the nodes and links to highlight. */
  ids: string[];
  /** What the status line says. */
  message: string;
  /** HTML added under the details, or null. */
  details: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The evidence of a verdict or indicator, drawn and highlighted. Pure. */
export function evidenceHighlight(evidence: Subgraph): LoadedHighlight {
  return {
    add: evidence,
    ids: [...evidence.nodes.map((n) => n.id), ...evidence.edges.map((e) => e.id)],
    message: evidence.edges.length
      ? `Highlighted ${plural(evidence.edges.length, 'deciding link')}; click one to read its sources.`
      : 'No link decided this verdict.',
    details: null,
  };
}

type Beneficiary = {
  organization: { id: string; name: string; kind: string };
  depth: number;
  ultimate: boolean;
  path: { id: string }[];
};
type Workforce = WorkforceQuery['workforceBehind'];

export function whoWorksForHighlight(poolId: string, list: Beneficiary[]): LoadedHighlight {
  const rows = list
    .map(
      (b) =>
        `<li>${h(b.organization.name)} <span class="muted small">${h(kindLook(b.organization.kind).label)}, depth ${b.depth}${b.ultimate ? ', ultimate' : ''}</span></li>`,
    )
    .join('');
  return {
    add: null,
    ids: [poolId, ...list.map((b) => b.organization.id), ...list.flatMap((b) => b.path.map((l) => l.id))],
    message: list.length
      ? `Highlighted the ${plural(list.length, 'organisation')} this pool works for, through the chain.`
      : 'This pool works for no organisation at this date.',
    details: `<h3>Works, through the chain, for</h3>${rows ? `<ol>${rows}</ol>` : '<p class="muted">No organisation at this date.</p>'}`,
  };
}

export function workforceHighlight(organizationId: string, w: Workforce): LoadedHighlight {
  const rows = w.workerPools
    .map(
      (p) =>
        `<li>${h(p.name)} <span class="muted small">${h(p.country ?? 'country unknown')}, ${p.size ?? 'size unknown'}</span></li>`,
    )
    .join('');
  return {
    add: null,
    ids: [organizationId, ...w.workerPools.map((p) => p.id)],
    message: w.workerPools.length
      ? `Highlighted the ${plural(w.workerPools.length, 'worker pool')} behind it.`
      : 'No worker pool is known behind it at this date.',
    details: `<h3>Workforce behind it</h3>
      <p class="muted small">Each person is counted once: a group that is part of another is not added again${w.totalWorkersMin === w.totalWorkersMax ? '' : ', and estimates that may count the same people give a range rather than a sum'}.</p>
      <p>${w.totalWorkersMin === w.totalWorkersMax ? w.totalWorkersMin.toLocaleString('en') : `Between ${w.totalWorkersMin.toLocaleString('en')} and ${w.totalWorkersMax.toLocaleString('en')}`} workers${w.unknownSizes ? ` plus ${plural(w.unknownSizes, 'group')} of unknown size` : ''}${w.suppressedPools ? `, and ${plural(w.suppressedPools, 'small group')} whose size is withheld to protect its workers` : ''}
      in ${w.countries.length ? w.countries.map(h).join(', ') : 'no known country'}.</p>${rows ? `<ul>${rows}</ul>` : ''}`,
  };
}

/** Fetches what `highlight` shows at the state's date (one GraphQL request). */
export async function loadHighlight(
  highlight: Highlight,
  state: { asOf: string | null; recordedAt: string | null },
): Promise<LoadedHighlight> {
  const asOf = timeVariables(state);
  switch (highlight.kind) {
    case 'claim': {
      const { audit } = await graphql<ClaimAuditQuery>(CLAIM_AUDIT, { id: highlight.id, ...asOf });
      return evidenceHighlight(audit[0]?.evidence ?? { nodes: [], edges: [], truncated: false, edgesTruncated: false });
    }
    case 'indicator': {
      const { scorecard } = await graphql<{ scorecard: { indicators: { id: string; evidence: Subgraph }[] } }>(
        INDICATOR_EVIDENCE,
        { id: highlight.organization, ...asOf },
      );
      const indicator = scorecard.indicators.find((i) => i.id === highlight.id);
      return evidenceHighlight(
        indicator?.evidence ?? { nodes: [], edges: [], truncated: false, edgesTruncated: false },
      );
    }
    case 'who-works-for': {
      const { whoWorksFor } = await graphql<{ whoWorksFor: Beneficiary[] }>(WHO_WORKS_FOR, {
        id: highlight.id,
        ...asOf,
      });
      return whoWorksForHighlight(highlight.id, whoWorksFor);
    }
    case 'workforce': {
      const { workforceBehind } = await graphql<{ workforceBehind: Workforce }>(WORKFORCE, {
        id: highlight.id,
        ...asOf,
      });
      return workforceHighlight(highlight.id, workforceBehind);
    }
  }
}

// The money-flow view of a task (`view=money-flow`): for each worker pool, where the client's euro per unit of work goes,
// hop by hop, drawn as a Sankey flow (client/ui/money-flow.ts) beside its table; the graph shows the task's provenance.
import { graphql } from '../api/graphql-client.js';
import { PROVENANCE } from '../api/operations.js';
import type { Provenance, ValueChain } from '../api/types.js';
import { asShortNote } from '../ui/details-panel.js';
import { flowOf, flowSvg, flowTable } from '../ui/money-flow.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { provenanceDecorations } from './provenance-view.js';
import { timeVariables, defineView } from './view.js';

interface MoneyFlowData {
  provenance: Provenance;
  valueChain: ValueChain[];
}

/** What the pay reports of a pool say beside the flow: the pay as reported and its gap to the legal minimum. */
function payLine(p: Provenance, poolId: string): string {
  const pool = p.workerPools.find((x) => x.id === poolId) as
    | {
        pay?: {
          reported: string;
          legalMinimum: { ratioMin: number | null; ratioMax: number | null; reason: string | null };
        }[];
        paySuppressed?: boolean;
      }
    | undefined;
  if (pool?.paySuppressed) return '<p>Pay withheld: a small group of workers.</p>';
  const reports = pool?.pay ?? [];
  if (reports.length === 0) return '<p>No pay report for this pool.</p>';
  return `<ul>${reports
    .map((r) => {
      const gap = r.legalMinimum;
      const ratio =
        gap.ratioMin !== null
          ? `${gap.ratioMin.toFixed(2)}${gap.ratioMax !== null && gap.ratioMax !== gap.ratioMin ? `–${gap.ratioMax.toFixed(2)}` : ''}× the legal minimum wage`
          : (gap.reason ?? 'no comparison with the legal minimum');
      return `<li>Pay reported: ${h(r.reported)}; ${h(ratio)}</li>`;
    })
    .join('')}</ul>`;
}

/** Each chain as a figure (the flow, its exports, its table) with the pay beside it. Pure. */
export function moneyFlowHtml(data: MoneyFlowData): string {
  const names = new Map(data.provenance.subgraph.nodes.map((n) => [n.id, n.name]));
  if (data.valueChain.length === 0)
    return '<p>No worker pool of this task is known on a chain to its client at this date.</p>';
  return data.valueChain
    .map((chain, i) => {
      const title = `${data.provenance.task.name}: ${chain.workerPool.name}`;
      const flow = flowOf(chain, names);
      return `<figure class="money-flow-figure" data-pool="${h(chain.workerPool.id)}">${flowSvg(flow, title)}
      <figcaption>Where the client's euro per unit goes, down to ${h(chain.workerPool.name)}; a hatched, dashed flow is a price not known (its width is the flow above it).
      <button type="button" data-action="flow-svg" data-index="${i}">Download SVG</button> <button type="button" data-action="flow-png" data-index="${i}">Download PNG</button></figcaption>
      ${asShortNote(chain.chainsAsShort)}${flowTable(flow, title)}${payLine(data.provenance, chain.workerPool.id)}</figure>`;
    })
    .join('');
}

export const moneyFlowView = defineView<MoneyFlowData>({
  id: 'money-flow',
  usesDepth: false,
  load: (state) => graphql<MoneyFlowData>(PROVENANCE, { id: state.root, ...timeVariables(state) }),
  subgraph: (data) => data.provenance.subgraph,
  decorate: (data) => provenanceDecorations(data.provenance, data.valueChain),
  title: (data) => `Where the client's euro goes: <strong>${h(data.provenance.task.name)}</strong>`,
  details: (data) => moneyFlowHtml(data),
});

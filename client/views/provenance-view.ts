// The provenance view of a task: its workers, their recruiting, contracting and execution platforms, up to the end customer.
import { graphql } from '../api/graphql-client.js';
import { PROVENANCE } from '../api/operations.js';
import type { Provenance, ValueChain } from '../api/types.js';
import { formatEur, type Decorations } from '../graph/to-elements.js';
import { provenanceHtml } from '../ui/details-panel.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { timeVariables, defineView } from './view.js';

interface ProvenanceData {
  provenance: Provenance;
  valueChain: ValueChain[];
}

/** What each platform role is called under a node's name: the ring's colour is never the only sign of it. */
export const ROLE_NOTES = {
  'role-recruiting': 'recruits the workers',
  'role-contracting': 'holds their contracts',
  'role-execution': 'hosts the work',
} as const;

/** Roles ringed and written under the name, value hops marked, the worker's share written under each pool. Pure. */
export function provenanceDecorations(p: Provenance, chains: ValueChain[]): Decorations {
  const nodeClasses: Record<string, string[]> = { [p.task.id]: ['root'] };
  const add = (id: string, cls: string) => {
    nodeClasses[id] = [...(nodeClasses[id] ?? []), cls];
  };
  for (const r of p.roles) {
    r.recruitedVia.forEach((o) => add(o.id, 'role-recruiting'));
    r.contractedBy.forEach((o) => add(o.id, 'role-contracting'));
    r.worksOn.forEach((o) => add(o.id, 'role-execution'));
  }
  p.executionPlatforms.forEach((o) => add(o.id, 'role-execution'));
  const edgeClasses: Record<string, string[]> = {};
  const nodeNotes: Record<string, string> = {};
  for (const [id, classes] of Object.entries(nodeClasses)) {
    const roles = classes.filter((c): c is keyof typeof ROLE_NOTES => c in ROLE_NOTES);
    if (roles.length) nodeNotes[id] = [...new Set(roles)].map((r) => ROLE_NOTES[r]).join(', ');
  }
  for (const c of chains) {
    for (const hop of c.hops) edgeClasses[hop.id] = ['value-hop'];
    if (c.workerShare !== null)
      nodeNotes[c.workerPool.id] = `gets ${formatEur(c.workerShare)} of each €1 the client pays`;
  }
  return { keep: p.task.id, nodeClasses, edgeClasses, nodeNotes };
}

export const provenanceView = defineView<ProvenanceData>({
  id: 'provenance',
  usesDepth: false,
  load: (state) => graphql<ProvenanceData>(PROVENANCE, { id: state.root, ...timeVariables(state) }),
  subgraph: (data) => data.provenance.subgraph,
  decorate: (data) => provenanceDecorations(data.provenance, data.valueChain),
  title: (data) => `Provenance of <strong>${h(data.provenance.task.name)}</strong>`,
  details: (data) => provenanceHtml(data.provenance, data.valueChain),
});

// The benchmark's questions on a generated graph: ids chosen from the graph's own structure, so that no answer is empty.
import type { Dataset } from '../server/dataset/index.js';
import type { BenchCase } from './query-bench.js';

/** Cases whose answers are not empty: ids chosen from the generated graph's own structure. */
export function benchCases(d: Dataset): BenchCase[] {
  // A pool whose contract holds at every date, and the organisation at the end of undated subcontracting from its
  // contractor: its workforce includes that pool whatever the date.
  const contract = d.links.find((l) => l.type === 'CONTRACTED_BY' && !l.since && !l.until)!;
  const pool = contract.from;
  let deep = contract.to;
  for (let hop = 0; hop < 6; hop++) {
    const next = d.links.find((l) => l.type === 'SUBCONTRACTS_FOR' && l.from === deep && !l.since && !l.until && l.confidence === undefined);
    if (!next) break;
    deep = next.to;
  }
  const task = d.links.find((l) => l.type === 'PERFORMED_BY')!.from;
  const platform = d.links.find((l) => l.type === 'WORKS_ON')!.to;
  const asOf = '2024-01-01';
  const ids = d.organizations.slice(0, 500).map((o) => o.id);
  return [
    { field: 'entity', query: 'query($id: ID!) { entity(id: $id) { id name kind sources { id title } } }', variables: { id: platform } },
    { field: 'entities (500 ids)', query: 'query($ids: [ID!]!) { entities(ids: $ids) { id sources { id } } }', variables: { ids } },
    { field: 'search', query: '{ search(text: "generated vendor 1", limit: 20) { id name } }' },
    { field: 'organizations', query: '{ organizations(kind: "vendor", first: 50) { totalCount edges { node { id name } } } }' },
    { field: 'whoWorksFor', query: `query($id: ID!) { whoWorksFor(workerPoolId: $id, asOf: "${asOf}") { organization { id } depth path { id } } }`, variables: { id: pool } },
    { field: 'workforceBehind (deep)', query: `query($id: ID!) { workforceBehind(organizationId: $id, asOf: "${asOf}") { totalWorkersMin totalWorkersMax countries workerPools { id } } }`, variables: { id: deep } },
    { field: 'provenance', query: `query($id: ID!) { provenance(taskId: $id, asOf: "${asOf}") { depth undisclosedHops subgraph { nodes { id } edges { id sources { id } } } } }`, variables: { id: task } },
    { field: 'valueChain', query: `query($id: ID!) { valueChain(taskId: $id, asOf: "${asOf}") { workerPool { id } workerShare hops { id } } }`, variables: { id: task } },
    { field: 'cascade depth 2', query: `query($id: ID!) { cascade(rootId: $id, maxDepth: 2, asOf: "${asOf}") { nodes { id name kind } edges { id type from to sources { id } } truncated } }`, variables: { id: platform } },
    { field: 'cascade depth 6, limit 500', query: `query($id: ID!) { cascade(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 500) { nodes { id name kind } edges { id type from to sources { id } } truncated } }`, variables: { id: platform } },
    // From the pool to the end of its undated chain: linked at every size (to an end customer it was not, at 1M links).
    { field: 'connections', query: `query($a: ID!, $b: ID!) { connections(fromId: $a, toId: $b, asOf: "${asOf}", maxDepth: 8) { paths { length steps { link { id } } } truncated } }`, variables: { a: pool, b: deep } },
    { field: 'scorecard', query: `query($id: ID!) { scorecard(organizationId: $id, asOf: "${asOf}") { indicators { id value } audits { verdict } } }`, variables: { id: 'gen-org-0' } },
    { field: 'stats', query: '{ stats { nodes { name count } links { name count } claims sources } }' },
  ];
}

// The benchmark's questions on a generated graph: ids chosen from the graph's own structure, so that no answer is empty.
import type { Dataset } from '../server/dataset/index.js';
import type { BenchCase } from './query-bench.js';

/** The busiest platform: the organisation most pools work on or are contracted by (#31 compares its views). */
export function busiestPlatform(d: Dataset): string | undefined {
  const load = new Map<string, number>();
  for (const l of d.links)
    if (l.type === 'WORKS_ON' || l.type === 'CONTRACTED_BY') load.set(l.to, (load.get(l.to) ?? 0) + 1);
  const platforms = new Set(d.organizations.filter((o) => o.kind === 'platform').map((o) => o.id));
  return [...load].filter(([id]) => platforms.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** Cases whose answers are not empty: ids chosen from the generated graph's own structure. */
export function benchCases(d: Dataset): BenchCase[] {
  // A pool whose contract holds at every date, and the organisation at the end of undated subcontracting from its
  // contractor: its workforce includes that pool whatever the date.
  const contract = d.links.find((l) => l.type === 'CONTRACTED_BY' && !l.since && !l.until)!;
  const pool = contract.from;
  let deep = contract.to;
  for (let hop = 0; hop < 6; hop++) {
    const next = d.links.find(
      (l) => l.type === 'SUBCONTRACTS_FOR' && l.from === deep && !l.since && !l.until && l.confidence === undefined,
    );
    if (!next) break;
    deep = next.to;
  }
  const task = d.links.find((l) => l.type === 'PERFORMED_BY')!.from;
  const platform = d.links.find((l) => l.type === 'WORKS_ON')!.to;
  const asOf = '2024-01-01';
  const busiest = busiestPlatform(d) ?? platform;
  // One of its pools' groups (the grouped view puts pools in groups by country).
  const poolOfBusiest = d.links.find(
    (l) => (l.type === 'WORKS_ON' || l.type === 'CONTRACTED_BY') && l.to === busiest,
  )?.from;
  const poolGroup = `worker-pool/${d.workerPools.find((p) => p.id === poolOfBusiest)?.country ?? 'unknown'}`;
  const ids = d.organizations.slice(0, 500).map((o) => o.id);
  return [
    {
      field: 'entity',
      query: 'query($id: ID!) { entity(id: $id) { id name kind sources { id title } } }',
      variables: { id: platform },
    },
    {
      field: 'entities (500 ids)',
      query: 'query($ids: [ID!]!) { entities(ids: $ids) { id sources { id } } }',
      variables: { ids },
    },
    { field: 'search', query: '{ search(text: "generated vendor 1", limit: 20) { id name } }' },
    {
      field: 'organizations',
      query: '{ organizations(kind: "vendor", first: 50) { totalCount edges { node { id name } } } }',
    },
    {
      field: 'whoWorksFor',
      query: `query($id: ID!) { whoWorksFor(workerPoolId: $id, asOf: "${asOf}") { organization { id } depth path { id } } }`,
      variables: { id: pool },
    },
    {
      field: 'workforceBehind (deep)',
      query: `query($id: ID!) { workforceBehind(organizationId: $id, asOf: "${asOf}") { totalWorkersMin totalWorkersMax countries workerPools { id } } }`,
      variables: { id: deep },
    },
    {
      field: 'provenance',
      query: `query($id: ID!) { provenance(taskId: $id, asOf: "${asOf}") { depth undisclosedHops subgraph { nodes { id } edges { id sources { id } } } } }`,
      variables: { id: task },
    },
    {
      field: 'valueChain',
      query: `query($id: ID!) { valueChain(taskId: $id, asOf: "${asOf}") { workerPool { id } workerShare hops { id } } }`,
      variables: { id: task },
    },
    {
      field: 'cascade depth 2',
      query: `query($id: ID!) { cascade(rootId: $id, maxDepth: 2, asOf: "${asOf}") { nodes { id name kind } edges { id type from to sources { id } } truncated } }`,
      variables: { id: platform },
    },
    {
      field: 'cascade depth 6, limit 500',
      query: `query($id: ID!) { cascade(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 500) { nodes { id name kind } edges { id type from to sources { id } } truncated } }`,
      variables: { id: platform },
    },
    // The busiest platform's neighbourhood: every member (today's 5,000-node view) against the groups the explorer opens.
    {
      field: 'cascade busiest platform, 5,000 nodes (ungrouped)',
      query: `query($id: ID!) { cascade(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 5000) { nodes { id name kind country size } edges { id type from to } truncated totalNodes } }`,
      variables: { id: busiest },
    },
    {
      field: 'cascadeGroups busiest platform, 5,000 nodes',
      query: `query($id: ID!) { cascadeGroups(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 5000) { groups { id label members withheldPools workersKnown } links { from to type links priceMin priceMax } truncated totalNodes } }`,
      variables: { id: busiest },
    },
    {
      field: 'cascadeGroups busiest platform, 20,000 nodes',
      query: `query($id: ID!) { cascadeGroups(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 20000) { groups { id label members withheldPools workersKnown } links { from to type links priceMin priceMax } truncated totalNodes } }`,
      variables: { id: busiest },
    },
    {
      field: 'cascadeGroupMembers busiest platform, one group',
      query: `query($id: ID!, $group: ID!) { cascadeGroupMembers(rootId: $id, maxDepth: 6, asOf: "${asOf}", limit: 5000, group: $group, first: 100) { nodes { id name } totalCount } }`,
      variables: { id: busiest, group: poolGroup },
    },
    // From the pool to the end of its undated chain: linked at every size (to an end customer it was not, at 1M links).
    {
      field: 'connections',
      query: `query($a: ID!, $b: ID!) { connections(fromId: $a, toId: $b, asOf: "${asOf}", maxDepth: 8) { paths { length steps { link { id } } } truncated } }`,
      variables: { a: pool, b: deep },
    },
    {
      field: 'scorecard',
      query: `query($id: ID!) { scorecard(organizationId: $id, asOf: "${asOf}") { indicators { id value } audits { verdict } } }`,
      variables: { id: 'gen-org-0' },
    },
    { field: 'stats', query: '{ stats { nodes { name count } links { name count } claims sources } }' },
  ];
}

/**
 * Round `r` of history on a generated graph (the benches that measure kept versions): the same dataset with a tenth of
 * its links given a new note and a tenth of its organisations a new name, a different tenth each round (the previous
 * round's tenth goes back as it was).
 */
export function roundOfChanges(d: Dataset, r: number): Dataset {
  const changed = structuredClone(d);
  changed.links.forEach((l, i) => {
    if (i % 10 === r % 10) l.note = `bench round ${r}`;
  });
  changed.organizations.forEach((o, i) => {
    if (i % 10 === r % 10) o.name = `${o.name} (round ${r})`;
  });
  return changed;
}

/** The benchmark's cases and the busiest platform's scorecard (the heaviest card), as the side-by-side replays ask them. */
export function casesWithBusiestCard(d: Dataset): BenchCase[] {
  return [
    ...benchCases(d),
    {
      field: 'scorecard busiest platform',
      query: `query($id: ID!) { scorecard(organizationId: $id, asOf: "2024-01-01") { indicators { id value } audits { verdict } } }`,
      variables: { id: busiestPlatform(d)! },
    },
  ];
}

// Writes a validated dataset to Neo4j in batched, idempotent transactions (MERGE on ids).
import type { Database, WriteCounts } from '../db/index.js';
import type { Dataset } from './model.js';
import { claimRow, linkRow, nodeProps } from './graph-rows.js';

export interface ImportOptions {
  /** Delete everything in the database first. */
  replace?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  nodesCreated: number;
  nodesUpdated: number;
  linksCreated: number;
  linksUpdated: number;
  claims: number;
  deleted: { nodes: number; links: number };
}

const STEPS = [
  ['import-sources', (d: Dataset) => d.sources.map(nodeProps)],
  ['import-organizations', (d: Dataset) => d.organizations.map(nodeProps)],
  ['import-worker-pools', (d: Dataset) => d.workerPools.map(nodeProps)],
  ['import-tasks', (d: Dataset) => d.tasks.map(nodeProps)],
  ['import-ai-products', (d: Dataset) => d.aiProducts.map(nodeProps)],
  ['import-links', (d: Dataset) => d.links.map(linkRow)],
  ['import-claims', (d: Dataset) => d.claims.map(claimRow)],
] as const;

/**
 * Imports `dataset` (already validated). Each batch is its own transaction, so an import stopped
 * half-way leaves whole batches behind, and running it again completes the graph without duplicates.
 */
export async function importDataset(db: Database, dataset: Dataset, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const summary: ImportSummary = { nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, claims: 0, deleted: { nodes: 0, links: 0 } };
  if (options.replace) {
    const c = await db.autoCommit('delete-all');
    summary.deleted = { nodes: c.nodesDeleted, links: c.relationshipsDeleted };
  }
  const work = STEPS.map(([query, rows]) => [query, rows(dataset)] as const);
  const total = work.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  options.onProgress?.(0, total);
  for (const [query, rows] of work) {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const { counts } = await db.write(query, { rows: batch });
      tally(summary, query, batch.length, counts);
      done += batch.length;
      options.onProgress?.(done, total);
    }
  }
  await db.write('import-dataset', { name: dataset.name, format: dataset.format, description: dataset.description ?? null });
  return summary;
}

function tally(summary: ImportSummary, query: string, rows: number, counts: WriteCounts): void {
  if (query === 'import-links') {
    summary.linksCreated += counts.relationshipsCreated;
    summary.linksUpdated += rows - counts.relationshipsCreated;
  } else if (query === 'import-claims') {
    summary.claims += rows;
  } else {
    summary.nodesCreated += counts.nodesCreated;
    summary.nodesUpdated += rows - counts.nodesCreated;
  }
}

// Reads the whole graph back as a deep-labour/v1 dataset.
import type { Database } from '../db/index.js';
import { datasetFromGraph } from './graph-rows.js';
import type { Dataset } from '../../format/model.js';

/**
 * The graph as a dataset; its name and description say which imported datasets it holds. With `recorded` (a change's
 * seq and its moment), the graph as the store recorded it just after that change (docs/versioning.md): every record and
 * link as it was then, retracted since or not, and nothing written later; its name says so (datasets are not versioned,
 * so it does not name them).
 */
export async function exportDataset(db: Database, recorded?: { seq: number; at: string }): Promise<Dataset> {
  if (recorded) {
    const [nodes, links] = await Promise.all([
      db.read('export-nodes-recorded', { seq: recorded.seq }),
      db.read('export-links-recorded', { seq: recorded.seq }),
    ]);
    return datasetFromGraph(
      nodes as { label: string; props: Record<string, unknown> }[],
      links as { type: string; from: string; to: string; props: Record<string, unknown> }[],
      {
        id: 'deep-labour-export',
        name: `deep-labour export, as recorded at ${recorded.at}`,
        description: `The store as it held things just after change ${recorded.seq}, the last change recorded at or before ${recorded.at}: records and links retracted since are in it, those written later are not.`,
      },
    );
  }
  const [nodes, links, datasets] = await Promise.all([
    db.read('export-nodes'),
    db.read('export-links'),
    db.read('datasets'),
  ]);
  const names = datasets.map((d) => String(d.name));
  const meta =
    names.length === 1
      ? {
          id: String(datasets[0]!.id),
          name: names[0]!,
          description: (datasets[0]!.description as string | null) ?? undefined,
        }
      : {
          id: 'deep-labour-export',
          name: 'deep-labour export',
          description: names.length ? `Combines: ${names.join('; ')}` : undefined,
        };
  return datasetFromGraph(
    nodes as { label: string; props: Record<string, unknown> }[],
    links as { type: string; from: string; to: string; props: Record<string, unknown> }[],
    meta,
  );
}

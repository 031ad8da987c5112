// Reads the whole graph back as a deep-labour/v1 dataset.
import type { Database } from '../db/index.js';
import { datasetFromGraph } from './graph-rows.js';
import type { Dataset } from '../../format/model.js';

/** The graph as a dataset; its name and description say which imported datasets it holds. */
export async function exportDataset(db: Database): Promise<Dataset> {
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

// Reads the whole graph back as a deep-labour/v1 dataset.
import type { Database } from '../db/index.js';
import { ledgerHead } from '../history/ledger-verify.js';
import { datasetFromGraph } from './graph-rows.js';
import type { Dataset } from '../../format/model.js';

/** The graph as a dataset; its name and description say which imported datasets it holds, `ledger` the ledger's head. */
export async function exportDataset(db: Database): Promise<Dataset> {
  const [nodes, links, datasets, head] = await Promise.all([
    db.read('export-nodes'),
    db.read('export-links'),
    db.read('datasets'),
    ledgerHead(db),
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
  const dataset = datasetFromGraph(
    nodes as { label: string; props: Record<string, unknown> }[],
    links as { type: string; from: string; to: string; props: Record<string, unknown> }[],
    meta,
  );
  // The ledger's head, after the description, so that the export names the evidence it was made of (docs/versioning.md).
  if (!head) return dataset;
  const { format, id, name, description, ...sections } = dataset;
  return { format, id, name, ...(description === undefined ? {} : { description }), ledger: head, ...sections };
}

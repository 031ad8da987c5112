// Datasets for tests and the benchmark: validated exactly as an import validates them, or the test stops with the problems.
import type { Database } from '../../server/db/index.js';
import { importDataset, readDataset, validateDataset, type Dataset } from '../../server/dataset/index.js';

/** `raw` validated, or an error naming every problem. */
export function validDataset(raw: unknown, what = 'dataset'): Dataset {
  const v = validateDataset(raw);
  if (!v.ok) throw new Error(`test: the ${what} is invalid: ${JSON.stringify(v.problems.slice(0, 5))}`);
  return v.dataset;
}

/** The dataset in a file or CSV folder, validated. */
export function datasetFile(path: string): Dataset {
  const read = readDataset(path);
  if (!read.ok) throw new Error(`test: ${path} is invalid: ${JSON.stringify(read.problems.slice(0, 5))}`);
  return read.dataset;
}

/** Validates `raw` and imports it. */
export async function importValid(db: Database, raw: unknown, what?: string): Promise<void> {
  await importDataset(db, validDataset(raw, what));
}

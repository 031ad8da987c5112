// Reads a dataset from a JSON file or a CSV folder and validates it, with every problem located in the input.
import { readFileSync, statSync } from 'node:fs';
import { readCsvFolder } from './csv-folder.js';
import type { Dataset } from './model.js';
import { validateDataset, type Problem } from './validate-dataset.js';

export type DatasetRead =
  /** `locate` turns a JSON path of the dataset into where it is in the input (a CSV file, line and column). */
  | { ok: true; dataset: Dataset; warnings: Problem[]; locate: (path: string) => string }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Reads `path` (a `.json` file or a folder of CSV files). Never throws for bad data; only for a missing path. */
export function readDataset(path: string, options: { minPoolSize?: number } = {}): DatasetRead {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return { ok: false, problems: [{ path, message: 'no such file or folder' }], warnings: [] };
  }
  if (isDir) {
    const csv = readCsvFolder(path);
    const checked = validateDataset(csv.doc, options);
    const relocate = (p: Problem): Problem => ({ path: csv.locate(p.path), message: p.message });
    const warnings = checked.warnings.map(relocate);
    if (csv.problems.length > 0 || !checked.ok) {
      return { ok: false, problems: [...csv.problems, ...(checked.ok ? [] : checked.problems.map(relocate))], warnings };
    }
    return { ok: true, dataset: checked.dataset, warnings, locate: csv.locate };
  }
  const text = readFileSync(path, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `malformed JSON${where(text, e as Error)}: ${(e as Error).message}` }], warnings: [] };
  }
  const checked = validateDataset(doc, options);
  return checked.ok ? { ...checked, locate: (p: string) => p } : checked;
}

function where(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

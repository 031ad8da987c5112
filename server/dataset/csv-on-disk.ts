// A CSV folder on disk: the files read and written where format/csv-folder.ts turns them into a dataset and back.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFiles, readCsvFiles, type CsvRead } from '../../format/csv-folder.js';
import type { Dataset } from '../../format/model.js';

/** Reads a folder of CSV files. A missing section file means an empty section; dataset.csv is required. */
export function readCsvFolder(dir: string): CsvRead {
  return readCsvFiles((name) => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
}

/** Writes a dataset as a CSV folder that readCsvFolder reads back to the same dataset. */
export function writeCsvFolder(dataset: Dataset, dir: string): void {
  // Private from creation: an export may hold the figures of small groups that every answer withholds.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [name, text] of Object.entries(csvFiles(dataset))) writeFileSync(join(dir, name), text, { mode: 0o600 });
}

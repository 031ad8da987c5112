// The CSV-folder variant of deep-labour/v1: one CSV per section, same field names, for spreadsheets. Pure: files in and out as text.
import { parse } from 'csv-parse/browser/esm/sync';
import { stringify } from 'csv-stringify/browser/esm/sync';
import {
  FORMAT,
  identifierKey,
  parseIdentifier,
  OPTIONAL_SECTIONS,
  SECTION_FIELDS,
  SECTIONS,
  type Dataset,
  type Identifier,
  type Section,
} from './model.js';
import { FIELD_SPECS, type FieldShape } from './field-specs.js';
import type { Problem } from './validate-dataset.js';

/** The columns of each file, in the order `export` writes them. */
export const CSV_COLUMNS = { dataset: ['format', 'id', 'name', 'description'], ...SECTION_FIELDS } as const;
type CsvFile = keyof typeof CSV_COLUMNS;

/** Cells holding several values separate them with this character. */
/** Every file a CSV folder can hold, one per section and dataset.csv. */
export const CSV_FILE_NAMES: readonly string[] = Object.keys(CSV_COLUMNS).map((file) => `${file}.csv`);

export const LIST_SEPARATOR = '|';
/** How a cell holds its value: its field's shape in the JSON Schema. */
export type CellShape = FieldShape;

/** Each section's cells by field: how `readCsvFiles` reads a cell back. */
export const CELL_SHAPES = Object.fromEntries(
  SECTIONS.map((section) => [section, Object.fromEntries(FIELD_SPECS[section].map((f) => [f.name, f.shape]))]),
) as Record<Section, Record<string, CellShape>>;

export interface CsvRead {
  /** The document as JSON would hold it, ready for validateDataset. */
  doc: Record<string, unknown>;
  /** Problems only the CSV reader can see: unreadable files, malformed rows, bad JSON cells. */
  problems: Problem[];
  /** Turns a JSON path from validateDataset into "links.csv line 5, column to". */
  locate(path: string): string;
}

/**
 * Reads the CSV files of a folder, each given by `read(name)` (`undefined` when the folder has no such file). A missing
 * section file means an empty section; dataset.csv is required.
 */
export function readCsvFiles(read: (fileName: string) => string | undefined): CsvRead {
  const problems: Problem[] = [];
  const lineOf = new Map<string, number>();
  const doc: Record<string, unknown> = {};

  for (const file of Object.keys(CSV_COLUMNS) as CsvFile[]) {
    const text = read(`${file}.csv`);
    if (text === undefined) {
      if (file === 'dataset')
        problems.push({
          path: `${file}.csv`,
          message: `missing: the folder needs a dataset.csv with columns format,id,name,description (id may be left empty)`,
        });
      continue;
    }
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(text, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        info: true,
        trim: false,
      }) as typeof records;
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      problems.push({
        path: `${file}.csv${line ? ` line ${line}` : ''}`,
        message: `malformed CSV: ${(e as Error).message}`,
      });
      continue;
    }
    const allowed: readonly string[] = CSV_COLUMNS[file];
    const header = records[0] ? Object.keys(records[0].record) : [];
    for (const column of header) {
      if (!allowed.includes(column))
        problems.push({
          path: `${file}.csv line 1`,
          message: `unknown column "${column}": the columns are ${allowed.join(', ')}`,
        });
    }
    const rows = records.map(({ record, info }, i) => {
      lineOf.set(`${file}[${i}]`, info.lines);
      return toItem(record, file === 'dataset' ? {} : CELL_SHAPES[file], `${file}.csv line ${info.lines}`, problems);
    });
    if (file === 'dataset') {
      if (rows.length !== 1)
        problems.push({ path: 'dataset.csv', message: `must hold exactly one row, found ${rows.length}` });
      Object.assign(doc, rows[0] ?? {});
    } else {
      doc[file] = rows;
    }
  }

  return {
    doc,
    problems,
    locate(path) {
      const m = /^(\w+)\[(\d+)\](?:\.(\w+))?/.exec(path);
      if (m) {
        const line = lineOf.get(`${m[1]}[${m[2]}]`);
        if (line !== undefined) return `${m[1]}.csv line ${line}${m[3] ? `, column ${m[3]}` : ''}`;
      }
      const top = /^(format|id|name|description)$/.exec(path);
      return top ? `dataset.csv, column ${path}` : path;
    },
  };
}

/** Free-text fields keep their spaces; codes, numbers and ids are trimmed. */
const KEEP_SPACES = new Set(['name', 'title', 'publisher', 'text', 'description', 'note', 'scope']);

function toItem(
  record: Record<string, string>,
  shapes: Record<string, CellShape>,
  where: string,
  problems: Problem[],
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(record)) {
    if (raw.trim() === '') continue;
    const cell = unneutralise(KEEP_SPACES.has(field) ? raw : raw.trim());
    const shape = shapes[field] ?? 'text';
    if (shape === 'number') item[field] = Number.isNaN(Number(cell)) ? cell : Number(cell);
    else if (shape === 'boolean') item[field] = cell === 'true' ? true : cell === 'false' ? false : cell;
    else if (shape === 'list')
      item[field] = cell
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    else if (shape === 'identifiers') {
      item[field] = cell
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((key) => {
          const parsed = parseIdentifier(key);
          if (!parsed)
            problems.push({
              path: `${where}, column identifiers`,
              message: `${JSON.stringify(key)} must be written SCHEME:id, such as LEI:529900T8BM49AURSDO55, separated by ${LIST_SEPARATOR}`,
            });
          return parsed ?? key;
        });
    } else if (shape === 'range') {
      const m = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/.exec(cell);
      if (m) item[field] = { min: Number(m[1]), max: Number(m[2] ?? m[1]) };
      else
        problems.push({
          path: `${where}, column ${field}`,
          message: `${JSON.stringify(cell)} must be a number or a range written min-max, such as 60-120`,
        });
    } else if (shape === 'json') {
      try {
        item[field] = JSON.parse(cell);
      } catch {
        problems.push({
          path: `${where}, column params`,
          message: 'must be a JSON object such as {"countries":["FR"]}',
        });
      }
    } else item[field] = cell;
  }
  return item;
}

/** A dataset as the CSV files of a folder (name → text), which readCsvFiles reads back to the same dataset. */
export function csvFiles(dataset: Dataset): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of Object.keys(CSV_COLUMNS) as CsvFile[]) {
    if (
      (OPTIONAL_SECTIONS as readonly string[]).includes(file) &&
      !dataset[file as (typeof OPTIONAL_SECTIONS)[number]]?.length
    )
      continue;
    const columns = [...CSV_COLUMNS[file]];
    const items: Record<string, unknown>[] =
      file === 'dataset'
        ? [{ format: FORMAT, id: dataset.id, name: dataset.name, description: dataset.description }]
        : (dataset[file] as unknown as Record<string, unknown>[]);
    const rows = items.map((item) => columns.map((c) => toCell(item[c])));
    files[`${file}.csv`] = stringify([columns, ...rows]);
  }
  return files;
}

function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isRange(value)) return value.min === value.max ? String(value.min) : `${value.min}-${value.max}`;
  if (Array.isArray(value))
    return neutralise(
      value
        .map((v) => (typeof v === 'object' && v !== null ? identifierKey(v as Identifier) : String(v)))
        .join(LIST_SEPARATOR),
    );
  if (typeof value === 'object') return neutralise(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return neutralise(String(value));
}

function isRange(value: unknown): value is { min: number; max: number } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).join() === 'min,max'
  );
}

/**
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, which spreadsheets show as text; reading takes one apostrophe off such a cell, so the round trip holds
 * (a value that itself starts with apostrophes before such a character gets one more). Pure.
 */
export function neutralise(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}
export function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
const FORMULA = /^'*[=+\-@\t\r]/;

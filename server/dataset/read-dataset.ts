// Reads a dataset from a JSON file or a CSV folder and validates it, with every problem located in the input.
import { readFileSync, statSync } from 'node:fs';
import { readCsvFolder } from './csv-on-disk.js';
import type { Dataset } from '../../format/model.js';
import { validateDataset, type Problem } from '../../format/validate-dataset.js';
import { ftmDatasetName, ftmToDataset, parseFtm } from '../../format/ftm.js';
import { bodsToDataset, parseBods } from '../../format/bods.js';
import type { OrganizationKind } from '../../format/model.js';

export interface ReadOptions {
  minPoolSize?: number;
  /** For FollowTheMoney and BODS files: which organisation kind each company is (by FtM id or BODS recordId), and the default. */
  ftmKinds?: { kinds?: Record<string, string>; default?: OrganizationKind };
  /** The format the file must have (the command line's --format); recognised by content when absent. */
  format?: 'json' | 'ftm' | 'bods';
}

export type DatasetRead =
  /** `locate` turns a JSON path of the dataset into where it is in the input (a CSV file, line and column). */
  | { ok: true; dataset: Dataset; warnings: Problem[]; locate: (path: string) => string }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * Reads `path`: a deep-labour/v1 `.json` file, a folder of CSV files, or FollowTheMoney entities (JSON lines or an
 * array, recognised by their content). Never throws for bad data; only for a missing path.
 */
export function readDataset(path: string, options: ReadOptions = {}): DatasetRead {
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
      return {
        ok: false,
        problems: [...csv.problems, ...(checked.ok ? [] : checked.problems.map(relocate))],
        warnings,
      };
    }
    return { ok: true, dataset: checked.dataset, warnings, locate: csv.locate };
  }
  const text = readFileSync(path, 'utf8');
  const bods = options.format === undefined || options.format === 'bods' ? parseBods(text) : null;
  if (options.format === 'bods' && !bods)
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message:
            'not BODS 0.4 statements: expected a JSON array (or one statement per line) of objects with statementId, recordId, recordType and recordDetails',
        },
      ],
      warnings: [],
    };
  if (bods) {
    const mapped = bodsToDataset(bods, {
      ...ftmDatasetName(path, 'bods'),
      ...(options.ftmKinds?.kinds ? { kinds: options.ftmKinds.kinds } : {}),
      ...(options.ftmKinds?.default ? { defaultKind: options.ftmKinds.default } : {}),
    });
    const left: Problem[] = [
      ...(mapped.skippedPeople
        ? [
            {
              path: 'person',
              message: `${mapped.skippedPeople} person record${mapped.skippedPeople === 1 ? '' : 's'} left out: this tool models organisations and groups of workers, never individuals`,
            },
          ]
        : []),
      ...mapped.notes.map((n) => ({ path: 'relationship', message: n })),
    ];
    return converted(mapped.doc, left, 'BODS record', options);
  }
  const ftm = options.format === undefined || options.format === 'ftm' ? parseFtm(text) : null;
  if (options.format === 'ftm' && !ftm)
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message:
            'not FollowTheMoney entities: expected one JSON object per line (or an array) with id, schema and properties',
        },
      ],
      warnings: [],
    };
  if (ftm) {
    const mapped = ftmToDataset(ftm, {
      ...ftmDatasetName(path, 'ftm'),
      ...(options.ftmKinds?.kinds ? { kinds: options.ftmKinds.kinds } : {}),
      ...(options.ftmKinds?.default ? { defaultKind: options.ftmKinds.default } : {}),
    });
    const left: Problem[] = [
      ...(mapped.skippedPeople
        ? [
            {
              path: 'Person',
              message: `${mapped.skippedPeople} Person entit${mapped.skippedPeople === 1 ? 'y' : 'ies'} left out: this tool models groups of workers, never individuals`,
            },
          ]
        : []),
      ...Object.entries(mapped.unmapped).map(([schema, n]) => ({
        path: schema,
        message: `${n} ${schema} entit${n === 1 ? 'y' : 'ies'} left out: no deep-labour record fits this schema`,
      })),
    ];
    return converted(mapped.doc, left, 'FtM entity', options);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '$', message: `malformed JSON${where(text, e as Error)}: ${(e as Error).message}` }],
      warnings: [],
    };
  }
  const checked = validateDataset(doc, options);
  return checked.ok ? { ...checked, locate: (p: string) => p } : checked;
}

/**
 * Validates a document converted from another format, each problem naming the record of the input it came from
 * (`organizations[0].country (FtM entity "c1")`), as a person looks for it in their file.
 */
function converted(doc: Record<string, unknown>, left: Problem[], label: string, options: ReadOptions): DatasetRead {
  const locate = (path: string) => {
    const m = /^(\w+)\[(\d+)\]/.exec(path);
    const id = m ? (doc[m[1]!] as { id?: unknown }[] | undefined)?.[Number(m[2])]?.id : undefined;
    return typeof id === 'string' ? `${path} (${label} "${id}")` : path;
  };
  const relocate = (p: Problem): Problem => ({ path: locate(p.path), message: p.message });
  const checked = validateDataset(doc, options);
  const warnings = [...left, ...checked.warnings.map(relocate)];
  return checked.ok
    ? { ...checked, warnings, locate }
    : { ok: false, problems: checked.problems.map(relocate), warnings };
}

function where(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

// The store side of deep-labour/v1: reading files, import, export from the store, removal; the format itself (model,
// validation, CSV, FtM, BODS) is in format/ and re-exported here for the server's code.
export * from '../../format/model.js';
export {
  validateDataset,
  referencedIds,
  isPartialDate,
  isCountryCode,
  startOfDate,
  endOfDate,
  type Problem,
  type Validation,
  type ValidateOptions,
} from '../../format/validate-dataset.js';
export { CSV_COLUMNS, LIST_SEPARATOR } from '../../format/csv-folder.js';
export { readCsvFolder, writeCsvFolder } from './csv-on-disk.js';
export { readDataset, type DatasetRead } from './read-dataset.js';
export {
  importDataset,
  importInto,
  commandLineAuthor,
  removeDataset,
  datasetRows,
  ImportConflictError,
  UnknownDatasetError,
  DatasetPermissionError,
  type ImportOptions,
  type ImportSummary,
} from './import-dataset.js';
export { journaled, unfinishedImports, describeUnfinished, type UnfinishedImport } from '../db/store-lock.js';
export { exportDataset } from './export-dataset.js';
export { datasetFromGraph } from './graph-rows.js';

// The dataset format deep-labour/v1: its model, validation, CSV variant, import and export.
export * from './model.js';
export { validateDataset, referencedIds, isPartialDate, isCountryCode, startOfDate, endOfDate, type Problem, type Validation, type ValidateOptions } from './validate-dataset.js';
export { readCsvFolder, writeCsvFolder, CSV_COLUMNS, LIST_SEPARATOR } from './csv-folder.js';
export { readDataset, type DatasetRead } from './read-dataset.js';
export {
  importDataset, importInto, journaled, commandLineAuthor, removeDataset, unfinishedImports, describeUnfinished, datasetRows, ImportConflictError, UnknownDatasetError, DatasetPermissionError,
  type ImportOptions, type ImportSummary, type UnfinishedImport,
} from './import-dataset.js';
export { exportDataset } from './export-dataset.js';
export { datasetFromGraph } from './graph-rows.js';

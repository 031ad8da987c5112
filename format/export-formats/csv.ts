// Export format: the deep-labour/v1 dataset as a folder of CSV files, one per section, for spreadsheets.
import { CSV_FILE_NAMES, csvFiles } from '../csv-folder.js';
import type { ExportFormat } from './export-format.js';

export const csv: ExportFormat = {
  id: 'csv',
  label: 'CSV folder (deep-labour/v1)',
  suffix: '',
  mediaType: 'text/csv',
  write: ({ dataset }) => ({ folder: csvFiles(dataset) }),
  folderFiles: CSV_FILE_NAMES,
  onlyIn: {
    place: 'command line',
    why: "it is a folder of eight files and a browser downloads one file at a time (the explorer's tables copy each table as CSV)",
  },
};

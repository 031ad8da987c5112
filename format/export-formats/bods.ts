// Export format: BODS 0.4 statements of the organisations and who controls them (labour links are not ownership).
import { datasetToBods } from '../bods.js';
import type { ExportFormat } from './export-format.js';

export const bods: ExportFormat = {
  id: 'bods',
  label: 'BODS 0.4 (ownership and control only)',
  suffix: '.bods.json',
  mediaType: 'application/json',
  write: ({ dataset, today }) => ({ file: `${JSON.stringify(datasetToBods(dataset, today), null, 1)}\n` }),
};

// Export format: the deep-labour/v1 dataset as one JSON document.
import type { ExportFormat } from './export-format.js';

export const json: ExportFormat = {
  id: 'json',
  label: 'JSON (deep-labour/v1)',
  suffix: '.json',
  mediaType: 'application/json',
  write: ({ dataset }) => ({ file: `${JSON.stringify(dataset, null, 2)}\n` }),
};

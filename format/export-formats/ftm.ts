// Export format: FollowTheMoney entities (Aleph, OpenSanctions), one JSON object per line.
import { datasetToFtm } from '../ftm.js';
import type { ExportFormat } from './export-format.js';

export const ftm: ExportFormat = {
  id: 'ftm',
  label: 'FollowTheMoney (Aleph, OpenSanctions)',
  suffix: '.ftm.json',
  mediaType: 'application/json',
  write: ({ dataset }) => ({
    file: datasetToFtm(dataset)
      .map((e) => `${JSON.stringify(e)}\n`)
      .join(''),
  }),
};

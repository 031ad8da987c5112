// Export format: GEXF 1.3, for Gephi.
import { toGexf } from '../graph-xml.js';
import type { ExportFormat } from './export-format.js';

export const gexf: ExportFormat = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  suffix: '.gexf',
  mediaType: 'application/xml',
  write: ({ graph, title }) => ({ file: toGexf(graph(), title) }),
};

// Export format: GraphML, for Cytoscape desktop and yEd.
import { toGraphml } from '../graph-xml.js';
import type { ExportFormat } from './export-format.js';

export const graphml: ExportFormat = {
  id: 'graphml',
  label: 'GraphML (Cytoscape desktop)',
  suffix: '.graphml',
  mediaType: 'application/xml',
  write: ({ graph, title }) => ({ file: toGraphml(graph(), title) }),
};

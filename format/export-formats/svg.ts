// Export format: the view as drawn, an SVG image (the explorer's canvas draws it).
import type { ExportFormat } from './export-format.js';

export const svg: ExportFormat = {
  id: 'svg',
  label: 'SVG image',
  suffix: '.svg',
  mediaType: 'image/svg+xml',
  onlyIn: {
    place: 'explorer',
    why: 'it is the picture the explorer draws on screen (Cytoscape in a browser lays the graph out and renders it)',
  },
};

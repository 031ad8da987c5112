// Export format: the view as drawn, a PNG image (the explorer's canvas draws it).
import type { ExportFormat } from './export-format.js';

export const png: ExportFormat = {
  id: 'png',
  label: 'PNG image',
  suffix: '.png',
  mediaType: 'image/png',
  onlyIn: {
    place: 'explorer',
    why: 'it is the picture the explorer draws on screen (Cytoscape in a browser lays the graph out and renders it)',
  },
};

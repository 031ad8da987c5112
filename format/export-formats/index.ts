// Every export format, in the order the explorer's menu and `deep-labour export --format` list them; a new format is one module and one line here.
import type { ExportFormat } from './export-format.js';
import { png } from './png.js';
import { svg } from './svg.js';
import { json } from './json.js';
import { csv } from './csv.js';
import { ftm } from './ftm.js';
import { bods } from './bods.js';
import { gexf } from './gexf.js';
import { graphml } from './graphml.js';

export type { ExportFormat, ExportInput, ExportOutput } from './export-format.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = [png, svg, json, csv, ftm, bods, gexf, graphml];

/** The formats made in `place`: the others say, in `onlyIn`, why they are not. */
export function exportFormatsIn(place: 'explorer' | 'command line'): ExportFormat[] {
  return EXPORT_FORMATS.filter((f) => f.onlyIn === undefined || f.onlyIn.place === place);
}

export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

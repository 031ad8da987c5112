// The export menu: the view on screen in every format the explorer makes (format/export-formats/), pictures from the canvas.
import { toDataset, type ViewGraph } from '../graph/exports.js';
import type { GraphCanvas } from '../graph/graph-canvas.js';
import { download } from './download.js';
import { exportFormatsIn, findExportFormat } from '../../format/export-formats/index.js';
import type { Dataset } from '../../format/model.js';
import { todayIso } from './time-slider.js';
import { momentInWords } from '../../vocabulary/dates.js';

export function mountExportMenu(
  select: HTMLSelectElement,
  canvas: GraphCanvas,
  view: () => {
    root: string | null;
    asOf: string | null;
    recordedAt: string | null;
    title: string;
    graph: ViewGraph;
  },
): void {
  for (const format of exportFormatsIn('explorer')) select.append(new Option(format.label, format.id));
  select.addEventListener('change', () => {
    const format = findExportFormat(select.value);
    select.value = '';
    if (!format) return;
    const v = view();
    const date = v.asOf ?? todayIso();
    const name = `deep-labour-${v.root ?? 'view'}-${date}${format.suffix}`;
    // A past store is said in the title, which every format carries.
    const recorded = v.recordedAt ? `, as recorded on ${momentInWords(v.recordedAt)}` : '';
    const title = `${v.title || 'Deep Labour Explorer view'} (links valid at ${date}${recorded})`;
    if (format.id === 'png') return download(name, canvas.png());
    if (format.id === 'svg') return download(name, new Blob([canvas.svg()], { type: format.mediaType }));
    const out = format.write?.({
      dataset: toDataset(v.graph, title, date) as unknown as Dataset,
      graph: () => v.graph,
      title,
      today: new Date().toISOString().slice(0, 10),
    });
    if (out && 'file' in out) download(name, new Blob([out.file], { type: format.mediaType }));
  });
}

// The export menu: the view on screen as PNG, SVG, deep-labour/v1 JSON, FollowTheMoney entities, BODS 0.4 statements, GEXF or GraphML.
import { toDataset, toGexf, toGraphml, type ViewGraph } from '../graph/exports.js';
import type { GraphCanvas } from '../graph/graph-canvas.js';
import { download } from './download.js';
import { datasetToFtm } from '../../format/ftm.js';
import { datasetToBods } from '../../format/bods.js';
import type { Dataset } from '../../format/model.js';
import { todayIso } from './time-slider.js';

export function mountExportMenu(select: HTMLSelectElement, canvas: GraphCanvas, view: () => { root: string | null; asOf: string | null; title: string; graph: ViewGraph }): void {
  select.addEventListener('change', () => {
    const format = select.value;
    select.value = '';
    const v = view();
    const date = v.asOf ?? todayIso();
    const base = `deep-labour-${v.root ?? 'view'}-${date}`;
    const title = `${v.title || 'Deep Labour Explorer view'} (links valid at ${date})`;
    if (format === 'png') download(`${base}.png`, canvas.png());
    else if (format === 'svg') download(`${base}.svg`, new Blob([canvas.svg()], { type: 'image/svg+xml' }));
    else if (format === 'json') download(`${base}.json`, new Blob([JSON.stringify(toDataset(v.graph, title, date), null, 2)], { type: 'application/json' }));
    else if (format === 'gexf') download(`${base}.gexf`, new Blob([toGexf(v.graph, title)], { type: 'application/xml' }));
    else if (format === 'graphml') download(`${base}.graphml`, new Blob([toGraphml(v.graph, title)], { type: 'application/xml' }));
    else if (format === 'ftm') {
      const entities = datasetToFtm(toDataset(v.graph, title, date) as unknown as Dataset);
      download(`${base}.ftm.json`, new Blob([entities.map((e) => `${JSON.stringify(e)}\n`).join('')], { type: 'application/json' }));
    } else if (format === 'bods') {
      const statements = datasetToBods(toDataset(v.graph, title, date) as unknown as Dataset, new Date().toISOString().slice(0, 10));
      download(`${base}.bods.json`, new Blob([JSON.stringify(statements, null, 1)], { type: 'application/json' }));
    }
  });
}

// The view as tables (the "Table" toggle, `as=table`): entities (worker pools with their pay) and links, sortable, filtered like the graph, copied as CSV
// or Markdown; choosing a row selects the element, and a selection in the graph marks its row.
import { graphql } from '../api/graphql-client.js';
import { ENTITY_SOURCES } from '../api/operations.js';
import type { Source } from '../api/types.js';
import { visibleSubgraph } from '../graph/to-elements.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { latestAnswerFor } from '../state/latest-answer.js';
import {
  poolPayOf,
  sortTable,
  tableHtml,
  tableToCsv,
  tableToMarkdown,
  viewTables,
  type PoolPay,
  type SortDirection,
  type Table,
  type TableId,
  type TableSort,
} from '../ui/view-tables.js';
import type { Scene } from '../views/scene.js';
import type { StatusLine } from './status-line.js';

export interface TablePanel {
  /** Shows or hides the tables for `state`, and fills them from `scene`. */
  show(state: ViewState, scene: Scene): void;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Where the Clipboard API is refused (plain http on another host, or a denied permission): the older way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the browser refused to copy');
  }
}

export function mountTablePanel(
  el: HTMLElement,
  toggle: HTMLButtonElement,
  graph: HTMLElement,
  dispatch: (a: Action) => void,
  status: StatusLine,
): TablePanel {
  let sort: TableSort | null = null;
  let tables: Table[] = [];
  let last: { state: ViewState; scene: Scene } | null = null;
  /** Sources per entity for the scene on screen, fetched once per scene when the tables are first shown. */
  let sources: {
    scene: Scene;
    byId: Map<string, Source[]> | undefined;
    pay?: Map<string, PoolPay>;
    loading: boolean;
  } | null = null;

  toggle.addEventListener('click', () => {
    dispatch({ type: 'present', as: toggle.getAttribute('aria-pressed') === 'true' ? 'graph' : 'table' });
  });

  const render = () => {
    if (!last) return;
    const { state, scene } = last;
    const view = visibleSubgraph(scene.subgraph, state, scene.decorations.keep);
    tables = viewTables(
      view,
      sources?.scene === scene ? sources.byId : undefined,
      sources?.scene === scene ? sources.pay : undefined,
    ).map((t) => (sort?.table === t.id ? sortTable(t, sort.column, sort.direction) : t));
    el.innerHTML = tables.map((t) => tableHtml(t, sort, state.selected)).join('');
  };

  /** An answer counts only for the scene whose sources are wanted when it arrives (client/state/latest-answer.ts). */
  const askSources = latestAnswerFor(() => sources?.scene);

  async function loadSources(scene: Scene): Promise<void> {
    if (sources?.scene === scene) return;
    sources = { scene, byId: undefined, loading: true };
    const ids = scene.subgraph.nodes.map((n) => n.id);
    try {
      const { value, latest } = await askSources(
        graphql<{ entities: ({ id: string; sources: Source[] } & Partial<PoolPay>)[] }>(ENTITY_SOURCES, { ids }),
        scene,
      );
      if (!latest) return;
      const { entities } = value;
      sources = {
        scene,
        byId: new Map(entities.map((e) => [e.id, e.sources])),
        pay: poolPayOf(entities),
        loading: false,
      };
      render();
    } catch (error) {
      if (sources?.scene === scene) {
        sources = null;
        status.error(error);
      }
    }
  }

  el.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    const sortButton = target.closest<HTMLButtonElement>('button[data-sort]');
    if (sortButton) {
      const table = sortButton.closest<HTMLElement>('[data-table]')!.dataset.table as TableId;
      const column = sortButton.dataset.sort!;
      sort = { table, column, direction: sortButton.dataset.direction as SortDirection };
      render();
      el.querySelector<HTMLButtonElement>(`[data-table="${table}"] button[data-sort="${column}"]`)?.focus();
      status.show(`Sorted by ${sortButton.textContent?.replace(/[▲▼]/g, '').trim()}, ${sort.direction}.`);
      return;
    }
    const copy = target.closest<HTMLButtonElement>('button[data-copy]');
    if (copy) {
      const table = tables.find((t) => t.id === copy.dataset.table);
      if (!table) return;
      const markdown = copy.dataset.copy === 'markdown';
      copyText(markdown ? tableToMarkdown(table) : tableToCsv(table)).then(
        () =>
          status.show(
            `Copied ${table.rows.length} row${table.rows.length === 1 ? '' : 's'} of ${table.id} as ${markdown ? 'Markdown' : 'CSV'}.`,
          ),
        () =>
          status.show(
            'The browser refused to copy. Select the table with the mouse and copy it, or export the view from the Export menu.',
            'error',
          ),
      );
      return;
    }
    const row = target.closest<HTMLElement>('[data-select]');
    if (row) dispatch({ type: 'select', id: row.dataset.select! });
  });

  return {
    show(state, scene) {
      const on = state.presentation === 'table';
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? 'Show as graph' : 'Show as table';
      el.hidden = !on;
      graph.classList.toggle('behind-table', on);
      graph.setAttribute('aria-hidden', String(on));
      if (!on) {
        last = { state, scene };
        return;
      }
      const sameScene = last?.scene === scene;
      last = { state, scene };
      render();
      if (!sameScene || !sources) void loadSources(scene);
      if (state.selected)
        el.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(state.selected)}"]`)?.scrollIntoView({
          block: 'nearest',
        });
    },
  };
}

// The explorer page: wires the DOM, the API and Cytoscape together. Logic lives in the pure modules it imports.
import cytoscape, { type Core } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { ApiError, graphql } from './api/graphql-client.js';
import { AUDIT, CASCADE, ENTITY, PROVENANCE, SCORECARD, SEARCH, WHO_WORKS_FOR, WORKFORCE } from './api/queries.js';
import type { ClaimAudit, Entity, Indicator, Link, Provenance, Subgraph, ValueChain } from './api/types.js';
import { toDataset, toGexf, toGraphml, type ViewGraph } from './graph/exports.js';
import { layeredPositions } from './graph/layered-layout.js';
import { KIND_LOOK, LINK_LOOK, LINK_TYPES, ORG_KINDS } from './graph/roles.js';
import { stylesheet } from './graph/style.js';
import { changes, formatEur, mergeSubgraphs, toElements, type Decorations } from './graph/to-elements.js';
import { auditPanelHtml } from './ui/audit-panel.js';
import { entityHtml, linkHtml, provenanceHtml } from './ui/details-panel.js';
import { escapeHtml as h } from './ui/escape-html.js';
import { decodeState, encodeState, type ViewState } from './ui/view-state.js';

cytoscape.use(cytoscapeSvg);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const LARGE = 2000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAY = 86_400_000;

let state: ViewState = decodeState(location.search);
let subgraph: Subgraph = { nodes: [], edges: [], truncated: false };
let decorations: Decorations = {};
let expansions = new Map<string, string[]>();
let cy: Core = makeCy(false);

declare global {
  interface Window { cy?: Core }
}

function makeCy(large: boolean): Core {
  const instance = cytoscape({
    container: $('cy'),
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 3,
    // Above a few thousand elements: draw textures while moving, and WebGL (nodes drawn as sprites; no dashed lines).
    ...(large ? { textureOnViewport: true, hideEdgesOnViewport: true, renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  instance.on('tap', 'node', (ev) => void select(ev.target.id(), 'node'));
  instance.on('tap', 'edge', (ev) => void select(ev.target.id(), 'edge'));
  instance.on('tap', (ev) => { if (ev.target === instance) clearSelection(); });
  instance.on('dbltap', 'node', (ev) => void toggleExpand(ev.target.id()));
  if (import.meta.env.VITE_EXPOSE_CY === '1') window.cy = instance;
  return instance;
}

// ---- status line -------------------------------------------------------------------------------

function status(text: string, tone: 'info' | 'warn' | 'error' = 'info'): void {
  $('status').innerHTML = text ? `<span class="msg ${tone}">${text}</span>` : '';
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'DATABASE_UNAVAILABLE') return 'The database is not answering. Check that Neo4j is running (npm start starts it), then try again.';
    if (error.code === 'NOT_FOUND') return `${h(error.message)}. Search for it by name above.`;
    if (error.code === 'QUERY_TIMEOUT') return 'That view is too large to compute in time. Lower the depth or filter it.';
    return h(error.message);
  }
  return 'Something went wrong in the page. Reload it; if it persists, report it.';
}

// ---- loading views -----------------------------------------------------------------------------

function asOfVariable(): Record<string, string> {
  return state.asOf ? { asOf: state.asOf } : {};
}

async function load(options: { push?: boolean; compare?: boolean } = {}): Promise<void> {
  syncControls();
  writeUrl(options.push ?? false);
  if (!state.root) { $('welcome').hidden = false; return; }
  $('welcome').hidden = true;
  $('graph-area').setAttribute('aria-busy', 'true');
  status('Loading…');
  const before = subgraph;
  try {
    if (state.mode === 'provenance') {
      const data = await graphql<{ provenance: Provenance; valueChain: ValueChain[] }>(PROVENANCE, { id: state.root, ...asOfVariable() });
      subgraph = data.provenance.subgraph;
      decorations = provenanceDecorations(data.provenance, data.valueChain);
      $('view-title').innerHTML = `Provenance of <strong>${h(data.provenance.task.name)}</strong>`;
      $('details').innerHTML = provenanceHtml(data.provenance, data.valueChain);
    } else {
      const data = await graphql<{ cascade: Subgraph }>(CASCADE, {
        id: state.root, direction: state.direction, maxDepth: state.depth, limit: state.limit, ...asOfVariable(),
      });
      subgraph = data.cascade;
      decorations = { keep: state.root, nodeClasses: { [state.root]: ['root'] } };
      const root = subgraph.nodes.find((n) => n.id === state.root);
      $('view-title').innerHTML = `Around <strong>${h(root?.name ?? state.root)}</strong>, ${state.depth} hop${state.depth === 1 ? '' : 's'}`;
    }
    expansions = new Map();
    render();
    report(options.compare ? changes(before, subgraph) : undefined);
    if (state.selected) void select(state.selected, cy.getElementById(state.selected).isEdge() ? 'edge' : 'node', false);
  } catch (error) {
    status(explain(error), 'error');
  } finally {
    $('graph-area').setAttribute('aria-busy', 'false');
  }
}

function report(diff?: { appeared: string[]; disappeared: string[] }): void {
  const parts: string[] = [];
  if (subgraph.nodes.length <= 1 && subgraph.edges.length === 0) {
    parts.push('Nothing is linked here at this date. Try another date on the slider, a larger depth, or the other direction.');
  }
  if (subgraph.truncated) {
    parts.push(`Showing ${subgraph.nodes.length} of at least ${(subgraph.totalNodes ?? subgraph.nodes.length).toLocaleString('en')} nodes — lower the depth or filter to see the rest.`);
  }
  if (diff && (diff.appeared.length || diff.disappeared.length)) {
    parts.push(`At this date ${diff.appeared.length} element${diff.appeared.length === 1 ? '' : 's'} appeared (green halo) and ${diff.disappeared.length} disappeared.`);
    cy.elements().filter((el) => diff.appeared.includes(el.id())).addClass('appeared');
  }
  status(parts.join(' '), parts.length && !diff ? 'warn' : 'info');
}

function provenanceDecorations(p: Provenance, chains: ValueChain[]): Decorations {
  const nodeClasses: Record<string, string[]> = { [p.task.id]: ['root'] };
  const add = (id: string, cls: string) => { nodeClasses[id] = [...(nodeClasses[id] ?? []), cls]; };
  for (const r of p.roles) {
    r.recruitedVia.forEach((o) => add(o.id, 'role-recruiting'));
    r.contractedBy.forEach((o) => add(o.id, 'role-contracting'));
    r.worksOn.forEach((o) => add(o.id, 'role-execution'));
  }
  p.executionPlatforms.forEach((o) => add(o.id, 'role-execution'));
  const edgeClasses: Record<string, string[]> = {};
  const nodeNotes: Record<string, string> = {};
  for (const c of chains) {
    for (const hop of c.hops) edgeClasses[hop.id] = ['value-hop'];
    if (c.workerShare !== null) nodeNotes[c.workerPool.id] = `gets ${formatEur(c.workerShare)} of each €1 the client pays`;
  }
  return { keep: p.task.id, nodeClasses, edgeClasses, nodeNotes };
}

function render(): void {
  const elements = toElements(subgraph, state, decorations);
  // Cytoscape's WebGL mode changes its canvas renderer for the whole page, so once on it stays on.
  const large = elements.length > LARGE || Boolean(cy.data('large'));
  if (large !== Boolean(cy.data('large'))) {
    cy.destroy();
    cy = makeCy(large);
    cy.data('large', large);
  }
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const positions = layeredPositions(cy.nodes().map((n) => ({ id: n.id(), kind: String(n.data('kind')), label: String(n.data('label')) })));
  cy.layout({ name: 'preset', positions, fit: true, padding: 40, animate: false }).run();
  renderCountryFilters();
}

// ---- selection and details ---------------------------------------------------------------------

function nameOf(id: string): string {
  return subgraph.nodes.find((n) => n.id === id)?.name ?? id;
}

async function select(id: string, what: 'node' | 'edge', updateUrl = true): Promise<void> {
  state.selected = id;
  if (updateUrl) writeUrl(false);
  cy.elements().unselect();
  cy.getElementById(id).select();
  if (what === 'edge') {
    const link = subgraph.edges.find((e) => e.id === id) as Link | undefined;
    if (link) $('details').innerHTML = linkHtml(link, nameOf);
    return;
  }
  try {
    const { entity } = await graphql<{ entity: Entity | null }>(ENTITY, { id });
    $('details').innerHTML = entity ? entityHtml(entity) : `<p>No entity has id ${h(id)}.</p>`;
    if (entity && (entity.__typename === 'Organization' || entity.__typename === 'AIProduct')) await showAudit(entity);
  } catch (error) {
    $('details').innerHTML = `<p class="no-source">${explain(error)}</p>`;
  }
}

function clearSelection(): void {
  state.selected = null;
  writeUrl(false);
  cy.elements().removeClass('highlight faded');
}

$('details').addEventListener('click', (ev) => {
  const button = (ev.target as HTMLElement).closest('button[data-action]') as HTMLButtonElement | null;
  if (!button) return;
  const id = button.dataset.id ?? '';
  const action = button.dataset.action;
  if (action === 'center') open('cascade', id);
  else if (action === 'provenance') open('provenance', id);
  else if (action === 'who') void whoWorksFor(id);
  else if (action === 'workforce') void workforceBehind(id);
  else if (action === 'evidence') showEvidence(shownAudits[Number(button.dataset.audit)]!.evidence);
  else if (action === 'indicator') showEvidence(shownIndicators[Number(button.dataset.indicator)]!.evidence);
});

let shownAudits: ClaimAudit[] = [];
let shownIndicators: Indicator[] = [];

/** The claims by or about an organisation or AI product, with verdicts; for organisations, the scorecard. */
async function showAudit(entity: Entity): Promise<void> {
  const panel = document.createElement('section');
  panel.id = 'audit-panel';
  panel.innerHTML = '<p class="muted">Auditing its claims…</p>';
  $('details').append(panel);
  if (entity.__typename === 'Organization') {
    const { scorecard } = await graphql<{ scorecard: { indicators: Indicator[]; audits: ClaimAudit[] } }>(SCORECARD, { id: entity.id, ...asOfVariable() });
    shownAudits = scorecard.audits;
    shownIndicators = scorecard.indicators;
  } else {
    shownAudits = (await graphql<{ audit: ClaimAudit[] }>(AUDIT, { id: entity.id, ...asOfVariable() })).audit;
    shownIndicators = [];
  }
  panel.innerHTML = auditPanelHtml(shownAudits, entity.__typename === 'Organization' ? shownIndicators : null);
}

/** Adds the evidence to the view and highlights it: the path that proves or disproves a claim. */
function showEvidence(evidence: Subgraph): void {
  subgraph = mergeSubgraphs(subgraph, evidence);
  render();
  highlight(new Set([...evidence.nodes.map((n) => n.id), ...evidence.edges.map((e) => e.id)]));
  status(evidence.edges.length ? `Highlighted ${evidence.edges.length} deciding link${evidence.edges.length === 1 ? '' : 's'}; click one to read its sources.` : 'No link decided this verdict.');
}

async function whoWorksFor(id: string): Promise<void> {
  try {
    const { whoWorksFor: list } = await graphql<{ whoWorksFor: { organization: { id: string; name: string; kind: string }; depth: number; ultimate: boolean; path: { id: string }[] }[] }>(
      WHO_WORKS_FOR, { id, ...asOfVariable() });
    const ids = new Set([id, ...list.map((b) => b.organization.id), ...list.flatMap((b) => b.path.map((l) => l.id))]);
    highlight(ids);
    const rows = list.map((b) => `<li>${h(b.organization.name)} <span class="muted small">${h(KIND_LOOK[b.organization.kind]?.label ?? b.organization.kind)}, depth ${b.depth}${b.ultimate ? ', ultimate' : ''}</span></li>`).join('');
    $('details').insertAdjacentHTML('beforeend', `<h3>Works, through the chain, for</h3>${rows ? `<ol>${rows}</ol>` : '<p class="muted">No organisation at this date.</p>'}`);
  } catch (error) {
    status(explain(error), 'error');
  }
}

async function workforceBehind(id: string): Promise<void> {
  try {
    const { workforceBehind: w } = await graphql<{ workforceBehind: { workerPools: { id: string; name: string; country: string | null; size: number | null }[]; totalWorkers: number; unknownSizes: number; countries: string[] } }>(
      WORKFORCE, { id, ...asOfVariable() });
    highlight(new Set([id, ...w.workerPools.map((p) => p.id)]));
    const rows = w.workerPools.map((p) => `<li>${h(p.name)} <span class="muted small">${h(p.country ?? 'country unknown')}, ${p.size ?? 'size unknown'}</span></li>`).join('');
    $('details').insertAdjacentHTML('beforeend', `<h3>Workforce behind it</h3>
      <p>${w.totalWorkers.toLocaleString('en')} workers${w.unknownSizes ? ` plus ${w.unknownSizes} group${w.unknownSizes === 1 ? '' : 's'} of unknown size` : ''}
      in ${w.countries.length ? w.countries.map(h).join(', ') : 'no known country'}.</p>${rows ? `<ul>${rows}</ul>` : ''}`);
  } catch (error) {
    status(explain(error), 'error');
  }
}

function highlight(ids: Set<string>): void {
  cy.elements().removeClass('highlight faded');
  cy.elements().forEach((el) => { el.addClass(ids.has(el.id()) ? 'highlight' : 'faded'); });
}

// ---- expand and collapse -----------------------------------------------------------------------

async function toggleExpand(id: string): Promise<void> {
  const added = expansions.get(id);
  if (added) {
    subgraph = { ...subgraph, nodes: subgraph.nodes.filter((n) => !added.includes(n.id)), edges: subgraph.edges.filter((e) => !added.includes(e.from) && !added.includes(e.to)) };
    expansions.delete(id);
    render();
    status(`Collapsed ${added.length} node${added.length === 1 ? '' : 's'}.`);
    return;
  }
  try {
    status('Expanding…');
    const { cascade } = await graphql<{ cascade: Subgraph }>(CASCADE, { id, direction: 'BOTH', maxDepth: 1, limit: state.limit, ...asOfVariable() });
    const known = new Set(subgraph.nodes.map((n) => n.id));
    const fresh = cascade.nodes.filter((n) => !known.has(n.id)).map((n) => n.id);
    subgraph = mergeSubgraphs(subgraph, cascade);
    expansions.set(id, fresh);
    render();
    status(fresh.length ? `Added ${fresh.length} neighbour${fresh.length === 1 ? '' : 's'}; double-click again to collapse.` : 'No more neighbours at this date.');
  } catch (error) {
    status(explain(error), 'error');
  }
}

// ---- controls ----------------------------------------------------------------------------------

function open(mode: ViewState['mode'], id: string): void {
  state = { ...state, mode, root: id, selected: null };
  void load({ push: true });
}

function writeUrl(push: boolean): void {
  const url = `${location.pathname}${encodeState(state)}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function dayToIso(day: number): string {
  return new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);
}
function isoToDay(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - FIRST_DAY) / DAY);
}
const todayDay = Math.floor((Date.now() - FIRST_DAY) / DAY);

function syncControls(): void {
  ($('depth') as HTMLSelectElement).value = String(state.depth);
  ($('limit') as HTMLSelectElement).value = String(state.limit);
  ($('limit') as HTMLSelectElement).disabled = state.mode === 'provenance';
  ($('direction') as HTMLSelectElement).value = state.direction;
  const slider = $('asof') as HTMLInputElement;
  slider.max = String(todayDay);
  slider.value = String(state.asOf ? isoToDay(state.asOf) : todayDay);
  $('asof-label').textContent = state.asOf ?? `today (${dayToIso(todayDay)})`;
  document.querySelectorAll<HTMLInputElement>('#type-filters input').forEach((i) => { i.checked = !state.hiddenTypes.includes(i.value); });
  document.querySelectorAll<HTMLInputElement>('#kind-filters input').forEach((i) => { i.checked = !state.hiddenKinds.includes(i.value); });
  ($('depth') as HTMLSelectElement).disabled = state.mode === 'provenance';
  ($('direction') as HTMLSelectElement).disabled = state.mode === 'provenance';
}

function checkboxes(container: HTMLElement, values: string[], label: (v: string) => string, name: string): void {
  container.innerHTML = values.map((v) => `<label><input type="checkbox" name="${name}" value="${h(v)}" checked> ${h(label(v))}</label>`).join('');
}

checkboxes($('type-filters'), LINK_TYPES, (t) => LINK_LOOK[t]!.label, 'type');
checkboxes($('kind-filters'), ORG_KINDS, (k) => KIND_LOOK[k]!.label, 'kind');
$('legend').innerHTML = [
  ...Object.values(KIND_LOOK).map((k) => `<li><span class="swatch" style="background:${k.color}"></span>${h(k.label)}</li>`),
  ...Object.values(LINK_LOOK).map((l) => `<li><span class="line" style="border-top: 3px ${l.style} ${l.color}"></span>${h(l.label)}</li>`),
].join('');

function renderCountryFilters(): void {
  const countries = [...new Set([...subgraph.nodes.map((n) => n.country).filter((c): c is string => Boolean(c)), ...state.hiddenCountries])].sort();
  const box = $('country-filters');
  if (countries.length === 0) { box.textContent = '—'; return; }
  box.innerHTML = countries.map((c) => `<label><input type="checkbox" name="country" value="${h(c)}" ${state.hiddenCountries.includes(c) ? '' : 'checked'}> ${h(c)}</label>`).join('');
}

$('sidebar').addEventListener('change', (ev) => {
  const input = ev.target as HTMLInputElement;
  const hidden = (name: string) => [...document.querySelectorAll<HTMLInputElement>(`#sidebar input[name="${name}"]`)].filter((i) => !i.checked).map((i) => i.value);
  if (input.name === 'type' || input.name === 'kind' || input.name === 'country') {
    state = { ...state, hiddenTypes: hidden('type'), hiddenKinds: hidden('kind'), hiddenCountries: hidden('country') };
    writeUrl(false);
    render();
  } else if (input.id === 'depth' || input.id === 'direction' || input.id === 'limit') {
    state = { ...state, depth: Number(($('depth') as HTMLSelectElement).value), limit: Number(($('limit') as HTMLSelectElement).value),
      direction: ($('direction') as HTMLSelectElement).value as ViewState['direction'] };
    void load({ push: true });
  }
});

const slider = $('asof') as HTMLInputElement;
slider.addEventListener('input', () => { $('asof-label').textContent = dayToIso(Number(slider.value)); });
slider.addEventListener('change', () => {
  const day = Number(slider.value);
  state = { ...state, asOf: day >= todayDay ? null : dayToIso(day) };
  void load({ compare: true });
});
$('asof-today').addEventListener('click', () => { state = { ...state, asOf: null }; void load({ compare: true }); });
$('fit').addEventListener('click', () => cy.fit(undefined, 40));
document.querySelectorAll<HTMLButtonElement>('#welcome button[data-open]').forEach((b) => {
  b.addEventListener('click', () => {
    const [mode, id] = b.dataset.open!.split(':') as [ViewState['mode'], string];
    open(mode, id);
  });
});
window.addEventListener('popstate', () => { state = decodeState(location.search); void load(); });

// ---- export ------------------------------------------------------------------------------------

function download(name: string, data: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(data);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function viewGraph(): ViewGraph {
  const shownNodes = new Set(cy.nodes().map((n) => n.id()));
  const shownEdges = new Set(cy.edges().map((e) => e.id()));
  return { nodes: subgraph.nodes.filter((n) => shownNodes.has(n.id)), edges: subgraph.edges.filter((e) => shownEdges.has(e.id)) };
}

$('export').addEventListener('change', () => {
  const select = $('export') as HTMLSelectElement;
  const format = select.value;
  select.value = '';
  const base = `deep-labour-${state.root ?? 'view'}-${state.asOf ?? dayToIso(todayDay)}`;
  const title = `${$('view-title').textContent ?? 'Deep Labour Explorer view'} (links valid at ${state.asOf ?? dayToIso(todayDay)})`;
  if (format === 'png') download(`${base}.png`, cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob);
  else if (format === 'svg') download(`${base}.svg`, new Blob([(cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }));
  else if (format === 'json') download(`${base}.json`, new Blob([JSON.stringify(toDataset(viewGraph(), title, state.asOf ?? dayToIso(todayDay)), null, 2)], { type: 'application/json' }));
  else if (format === 'gexf') download(`${base}.gexf`, new Blob([toGexf(viewGraph(), title)], { type: 'application/xml' }));
  else if (format === 'graphml') download(`${base}.graphml`, new Blob([toGraphml(viewGraph(), title)], { type: 'application/xml' }));
});

// ---- search with suggestions -------------------------------------------------------------------

const search = $('search') as HTMLInputElement;
const list = $('suggestions') as HTMLUListElement;
let suggestions: { __typename: string; id: string; name: string; kind: string; aliases?: string[] }[] = [];
let active = -1;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function showSuggestions(): void {
  list.hidden = suggestions.length === 0;
  search.setAttribute('aria-expanded', String(!list.hidden));
  list.innerHTML = suggestions.map((s, i) => `<li role="option" id="opt-${i}" data-i="${i}" aria-selected="${i === active}">${h(s.name)}<span class="kind">${h(KIND_LOOK[s.kind]?.label ?? s.kind)}${s.aliases?.length ? ` · ${h(s.aliases.join(', '))}` : ''}</span></li>`).join('');
  if (active >= 0) search.setAttribute('aria-activedescendant', `opt-${active}`);
  else search.removeAttribute('aria-activedescendant');
}

function choose(i: number): void {
  const s = suggestions[i];
  if (!s) return;
  suggestions = [];
  showSuggestions();
  search.value = s.name;
  open(s.__typename === 'Task' ? 'provenance' : 'cascade', s.id);
}

search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = search.value.trim();
  if (text === '') { suggestions = []; showSuggestions(); return; }
  searchTimer = setTimeout(async () => {
    try {
      const data = await graphql<{ search: typeof suggestions }>(SEARCH, { text });
      suggestions = data.search;
      active = suggestions.length ? 0 : -1;
      showSuggestions();
      if (!suggestions.length) status(`Nothing matches “${h(text)}”. Try part of a name or an alias.`, 'warn');
      else status('');
    } catch (error) {
      status(explain(error), 'error');
    }
  }, 150);
});
search.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown') { active = Math.min(active + 1, suggestions.length - 1); showSuggestions(); ev.preventDefault(); }
  else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); showSuggestions(); ev.preventDefault(); }
  else if (ev.key === 'Enter') { choose(active); ev.preventDefault(); }
  else if (ev.key === 'Escape') { suggestions = []; showSuggestions(); }
});
list.addEventListener('mousedown', (ev) => {
  const li = (ev.target as HTMLElement).closest('li[data-i]') as HTMLElement | null;
  if (li) { ev.preventDefault(); choose(Number(li.dataset.i)); }
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
});

void load();

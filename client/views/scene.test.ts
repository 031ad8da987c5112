import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../api/types.js';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';
import { sceneReport } from '../scene-controller.js';
import { DEFAULT_STATE, transition } from '../state/explorer-state.js';
import { evidenceHighlight } from './highlights.js';
import { assembleScene, createSceneLoader, EMPTY_SCENE } from './scene.js';

const base = (subgraph: Subgraph) => ({ subgraph, decorations: {}, title: 't', viewDetails: null });
const node = (id: string) => ({
  id,
  name: id,
  kind: 'vendor',
  country: null,
  taskKind: null,
  size: null,
  sizeSuppressed: false,
});
const around = (id: string, ...others: string[]): Subgraph => ({
  nodes: [node(id), ...others.map(node)],
  edges: [],
  truncated: false,
  edgesTruncated: false,
});

describe('assembleScene', () => {
  it("adds each expansion's new nodes, and records what collapsing it takes away", () => {
    const v = viewFixture();
    const scene = assembleScene(
      base(v),
      [
        ['v-broker', around('v-broker', 'v-client', 'x1')],
        ['x1', around('x1', 'v-broker', 'x2')],
      ],
      null,
    );
    expect(scene.added).toEqual({ 'v-broker': ['x1'], x1: ['x2'] });
    expect(scene.subgraph.nodes.map((n) => n.id)).toEqual([...v.nodes.map((n) => n.id), 'x1', 'x2']);
  });

  it('draws the evidence of a highlight even when it was not on screen', () => {
    const evidence = around('e1', 'e2');
    const scene = assembleScene(base(viewFixture()), [], evidenceHighlight(evidence));
    expect(scene.subgraph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['e1', 'e2']));
    expect(scene.highlight!.ids).toEqual(['e1', 'e2']);
  });
});

describe('createSceneLoader', () => {
  it('fetches the base view once per load key, each expansion once, and starts afresh for a new view', async () => {
    const calls: string[] = [];
    const load = createSceneLoader({
      view: async (_view, s) => {
        calls.push(`view:${s.root}:${s.depth}`);
        const g = around(s.root!);
        return { members: g, grouped: null, subgraph: g };
      },
      expansion: async (id) => {
        calls.push(`exp:${id}`);
        return around(id, `${id}-n`);
      },
      highlight: async (h) => {
        calls.push(`hl:${h.kind}`);
        return evidenceHighlight(around('e'));
      },
    });
    let s = transition(DEFAULT_STATE, { type: 'open', view: 'cascade', root: 'r' });
    await load(s);
    s = transition(s, { type: 'toggle-expansion', id: 'a' });
    await load(s);
    s = transition(s, { type: 'toggle-expansion', id: 'a' });
    await load(s);
    s = transition(s, { type: 'toggle-expansion', id: 'a' });
    const scene = await load(s);
    expect(scene.added).toEqual({ a: ['a', 'a-n'] });
    s = transition(s, { type: 'set-options', depth: 3 });
    await load(s);
    expect(calls).toEqual(['view:r:2', 'exp:a', 'view:r:3']);
    expect(await load(DEFAULT_STATE)).toBe(EMPTY_SCENE);
  });
});

describe('sceneReport', () => {
  const opened = transition(DEFAULT_STATE, { type: 'open', view: 'cascade', root: 'v-pool' });

  it('says when nothing is linked, and when the view is cut short', () => {
    expect(
      sceneReport(assembleScene(base(around('v-pool')), [], null), EMPTY_SCENE, DEFAULT_STATE, opened).text,
    ).toMatch(/Nothing is linked here at this date/);
    const cut = assembleScene(base({ ...viewFixture(), truncated: true, totalNodes: 9000 }), [], null);
    expect(sceneReport(cut, EMPTY_SCENE, DEFAULT_STATE, opened)).toEqual({
      text: expect.stringMatching(/Showing 5 of at least 9,000 nodes/),
      tone: 'warn',
    });
  });

  it('counts what an expansion added and a collapse took away', () => {
    const expanded = transition(opened, { type: 'toggle-expansion', id: 'v-broker' });
    const before = assembleScene(base(viewFixture()), [], null);
    const after = assembleScene(base(viewFixture()), [['v-broker', around('v-broker', 'n1', 'n2')]], null);
    expect(sceneReport(after, before, opened, expanded).text).toBe(
      'Added 2 neighbours; double-click again to collapse.',
    );
    expect(sceneReport(before, after, expanded, opened).text).toBe('Collapsed 2 nodes.');
  });

  it('reports what appeared and disappeared when the date moves', () => {
    const dated = transition(opened, { type: 'set-date', asOf: '2020-01-01' });
    const before = assembleScene(base(around('v-pool', 'old')), [], null);
    const after = assembleScene(base(around('v-pool', 'new1', 'new2')), [], null);
    expect(sceneReport(after, before, opened, dated).text).toBe(
      'At this date 2 elements appeared (green halo) and 1 disappeared.',
    );
  });

  it("reports the same when the store's moment moves", () => {
    const recorded = transition(opened, { type: 'set-recorded-at', recordedAt: '2026-12-04T15:00:00.000Z' });
    const now = assembleScene(base(around('v-pool', 'old', 'later')), [], null);
    const then = assembleScene(base(around('v-pool', 'old')), [], null);
    expect(sceneReport(then, now, opened, recorded).text).toBe(
      'As recorded then 0 elements appeared (green halo) and 1 disappeared.',
    );
  });
});

describe('the connections view', () => {
  it("draws the paths once, rings both ends, marks each path's weakest step, and reads each path as sentences", async () => {
    const { connectionsSubgraph, connectionsDecorations, connectionsHtml } = await import('./connections-view.js');
    const v = viewFixture();
    const steps = (ids: string[]) => ids.map((id) => ({ along: true, link: v.edges.find((e) => e.id === id)! }));
    const c = {
      truncated: false,
      nodes: v.nodes,
      paths: [
        {
          length: 2,
          steps: steps(['CONTRACTED_BY:v-pool->v-platform', 'SUBCONTRACTS_FOR:v-platform->v-broker']),
          weakest: { link: { id: 'SUBCONTRACTS_FOR:v-platform->v-broker' } },
        },
        {
          length: 2,
          steps: steps(['CONTRACTED_BY:v-pool->v-platform', 'SUBCONTRACTS_FOR:v-broker->v-client']),
          weakest: null,
        },
      ],
    };
    expect(connectionsSubgraph(c).edges.map((e) => e.id)).toEqual([
      'CONTRACTED_BY:v-pool->v-platform',
      'SUBCONTRACTS_FOR:v-platform->v-broker',
      'SUBCONTRACTS_FOR:v-broker->v-client',
    ]);
    expect(connectionsDecorations(c, 'v-pool', 'v-broker')).toMatchObject({
      nodeClasses: { 'v-pool': ['root'], 'v-broker': ['root'] },
      edgeClasses: { 'SUBCONTRACTS_FOR:v-platform->v-broker': ['weakest'] },
    });
    const html = connectionsHtml(c, 'Pool in Madagascar', 'Hidden broker');
    expect(html).toContain('2 shortest chains of 2 links');
    expect(html).toContain(
      'Pool in Madagascar is contracted by Platform &amp; Co; Platform &amp; Co subcontracts for Hidden broker',
    );
    expect(html).toContain('Check first: SUBCONTRACTS_FOR:v-platform-&gt;v-broker (no source)');
    expect(connectionsHtml({ ...c, paths: [] }, 'A', 'B')).toContain('No chain of links joins A and B');
  });
});

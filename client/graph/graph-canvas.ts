// The Cytoscape canvas: draws a scene with the filters applied, highlights and selects, and reports taps.
import cytoscape, { type Core } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import type { Link, Subgraph } from '../api/types.js';
import { layeredPositions } from './layered-layout.js';
import { stylesheet } from './style.js';
import { toElements, type Decorations, type Filters } from './to-elements.js';
import type { ViewGraph } from './exports.js';

cytoscape.use(cytoscapeSvg);

/** Above this many elements the canvas draws a still picture while moving (and WebGL, when asked for). */
export const LARGE = 2000;

/**
 * How large views are drawn. `canvas` (the default): Cytoscape's 2D canvas, which while zooming or panning moves a
 * picture of the graph and hides the lines. `webgl`: Cytoscape's WebGL renderer, faster with a graphics card, far
 * slower with software rendering (measured: docs/performance.md); `?renderer=webgl` in the URL asks for it.
 */
export type Renderer = 'canvas' | 'webgl';

declare global {
  interface Window {
    cy?: Core;
  }
}

export interface CanvasEvents {
  tapNode(id: string): void;
  tapEdge(id: string): void;
  tapBackground(): void;
  doubleTapNode(id: string): void;
}

export interface GraphCanvas {
  render(subgraph: Subgraph, filters: Filters, decorations: Decorations): void;
  /** Highlights these ids and fades the rest; an empty set clears it. */
  highlight(ids: ReadonlySet<string>): void;
  /** Marks the appeared elements (the time slider's green halo). */
  markAppeared(ids: readonly string[]): void;
  /** Marks the nodes and links that carry an investigator's note (and only those). */
  markNoted(ids: readonly string[]): void;
  select(id: string | null): void;
  /** Whether the element is a link (edge) on screen. */
  isEdge(id: string): boolean;
  /** The nodes and links on screen now (after filters). */
  shown(subgraph: Subgraph): ViewGraph;
  fit(): void;
  /** The nodes linked to `id` on screen, with where they are drawn and the link that joins them (for the keyboard path). */
  neighbours(id: string): Neighbour[];
  /** Where a node is drawn (model coordinates), or null when it is not on screen. */
  position(id: string): { x: number; y: number } | null;
  /** Rings the element in keyboard focus (null: none) and pans so that it is in sight. */
  markFocus(id: string | null): void;
  png(): Blob;
  svg(): string;
}

export interface Neighbour {
  id: string;
  x: number;
  y: number;
  link: Link;
}

export function createGraphCanvas(
  container: HTMLElement,
  events: CanvasEvents,
  exposeForTests = false,
  renderer: Renderer = 'canvas',
): GraphCanvas {
  const make = (large: boolean): Core => {
    const instance = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 3,
      // Above a few thousand elements: a still picture while moving; WebGL when asked (nodes as sprites; no dashed lines).
      ...(large
        ? {
            textureOnViewport: true,
            hideEdgesOnViewport: true,
            ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
          }
        : {}),
    } as cytoscape.CytoscapeOptions);
    instance.on('tap', 'node', (ev) => events.tapNode(ev.target.id()));
    instance.on('tap', 'edge', (ev) => events.tapEdge(ev.target.id()));
    instance.on('tap', (ev) => {
      if (ev.target === instance) events.tapBackground();
    });
    instance.on('dbltap', 'node', (ev) => events.doubleTapNode(ev.target.id()));
    instance.data('large', large);
    if (exposeForTests) window.cy = instance;
    return instance;
  };
  let cy = make(false);

  return {
    render(subgraph, filters, decorations) {
      const elements = toElements(subgraph, filters, decorations);
      // Cytoscape's WebGL mode changes its canvas renderer for the whole page, so once on it stays on.
      const large = elements.length > LARGE || Boolean(cy.data('large'));
      if (large !== Boolean(cy.data('large'))) {
        cy.destroy();
        cy = make(large);
      }
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      const positions = layeredPositions(
        cy.nodes().map((n) => ({ id: n.id(), kind: String(n.data('kind')), label: String(n.data('label')) })),
      );
      cy.layout({ name: 'preset', positions, fit: true, padding: 40, animate: false }).run();
    },
    highlight(ids) {
      cy.batch(() => {
        cy.elements().removeClass('highlight faded');
        if (ids.size === 0) return;
        cy.elements().forEach((el) => {
          el.addClass(ids.has(el.id()) ? 'highlight' : 'faded');
        });
      });
    },
    markAppeared(ids) {
      const set = new Set(ids);
      cy.elements()
        .filter((el) => set.has(el.id()))
        .addClass('appeared');
    },
    markNoted(ids) {
      const set = new Set(ids);
      cy.batch(() => {
        cy.elements('.noted').removeClass('noted');
        cy.elements()
          .filter((el) => set.has(el.id()))
          .addClass('noted');
      });
    },
    select(id) {
      cy.batch(() => {
        cy.elements().unselect();
        cy.elements('.labelled').removeClass('labelled');
        if (!id) return;
        const el = cy.getElementById(id);
        el.select();
        el.closedNeighborhood().add(el.connectedNodes()).addClass('labelled');
      });
    },
    isEdge: (id) => cy.getElementById(id).isEdge(),
    shown(subgraph) {
      const nodes = new Set(cy.nodes().map((n) => n.id()));
      const edges = new Set(cy.edges().map((e) => e.id()));
      return {
        nodes: subgraph.nodes.filter((n) => nodes.has(n.id)),
        edges: subgraph.edges.filter((e) => edges.has(e.id)),
      };
    },
    fit: () => cy.fit(undefined, 40),
    neighbours(id) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.isNode()) return [];
      return node
        .connectedEdges()
        .map((e) => {
          const other = e.source().id() === id ? e.target() : e.source();
          return { id: other.id(), ...other.position(), link: e.data('link') as Link };
        })
        .filter((n) => n.id !== id);
    },
    position(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? { ...node.position() } : null;
    },
    markFocus(id) {
      cy.elements('.kbd-focus').removeClass('kbd-focus');
      if (!id) return;
      const el = cy.getElementById(id);
      if (el.empty()) return;
      el.addClass('kbd-focus');
      const box = el.boundingBox();
      const view = cy.extent();
      if (box.x1 < view.x1 || box.x2 > view.x2 || box.y1 < view.y1 || box.y2 > view.y2) cy.center(el);
    },
    png: () => cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob,
    svg: () => (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' }),
  };
}

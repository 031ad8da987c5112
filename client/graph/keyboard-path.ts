// The keyboard path through the graph: which linked node an arrow key goes to, and what is said on arriving. Pure.
import type { GraphNode, Link } from '../api/types.js';
import { linkSentence } from '../../vocabulary/index.js';
import { kindLook } from './roles.js';

export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const DIRECTION: Record<Arrow, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

export function isArrow(key: string): key is Arrow {
  return key in DIRECTION;
}

/**
 * The neighbour an arrow key moves to: of the nodes linked to the one in focus, the one whose direction on screen is
 * closest to the arrow's, within 90° of it (the layout runs from workers on the left to end customers on the right);
 * nearer first on a tie. Null when no linked node lies that way.
 */
export function pickNeighbour<N extends { id: string; x: number; y: number }>(
  origin: { x: number; y: number },
  neighbours: readonly N[],
  key: Arrow,
): N | null {
  const d = DIRECTION[key];
  let best: { n: N; cos: number; dist: number } | null = null;
  for (const n of neighbours) {
    const dx = n.x - origin.x;
    const dy = n.y - origin.y;
    const dist = Math.hypot(dx, dy);
    if (dist === 0) continue;
    const cos = (dx * d.x + dy * d.y) / dist;
    if (cos <= 1e-9) continue;
    if (!best || cos > best.cos + 1e-9 || (Math.abs(cos - best.cos) <= 1e-9 && dist < best.dist))
      best = { n, cos, dist };
  }
  return best?.n ?? null;
}

const WHERE: Record<Arrow, string> = {
  ArrowLeft: 'to the left',
  ArrowRight: 'to the right',
  ArrowUp: 'above',
  ArrowDown: 'below',
};

/** What a screen reader hears on arriving at `node`: its name, kind and country, and, when reached along a link, the link as a sentence. */
export function describeArrival(
  node: GraphNode,
  via: Link | null,
  name: (id: string) => string,
  linkedCount: number,
): string {
  const what = [node.name, kindLook(node.kind).label.toLowerCase(), node.country].filter(Boolean).join(', ');
  const how = via
    ? ` ${linkSentence(via.type, name(via.from), name(via.to))}${via.sources.length === 0 ? ' (no source given)' : ''}.`
    : '';
  return `${what}.${how} Linked to ${linkedCount} on screen.`;
}

export function nothingThatWay(key: Arrow): string {
  return `No linked node ${WHERE[key]}.`;
}

/** The instructions the graph gives when it takes the keyboard focus. */
export const KEYBOARD_HELP =
  'Arrow keys move along links to a neighbour; Enter shows its details; plus expands its neighbours and minus collapses them; Escape returns to search.';

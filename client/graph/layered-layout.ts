// Positions nodes in columns by role (tasks, worker pools, platforms … end customers, AI products): pure.
import { columnOf } from './roles.js';

export interface Positioned {
  id: string;
  kind: string;
  label: string;
}

export const COLUMN_GAP = 160;
export const ROW_GAP = 90;
/** Characters per line of a wrapped label (140 px at 14 px), and the height of a line. */
const CHARS_PER_LINE = 18;
const LINE_HEIGHT = 19;

/** The height a node takes with its wrapped label under it, so that long names never run into the next node. */
export function rowHeight(label: string): number {
  const lines = label.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  return Math.max(ROW_GAP, 56 + lines * LINE_HEIGHT);
}

/** Column by kind, then rows in name order, each row as tall as its label needs, each column centred on y = 0. */
export function layeredPositions(nodes: Positioned[]): Record<string, { x: number; y: number }> {
  const columns = new Map<number, Positioned[]>();
  for (const n of nodes) {
    const c = columnOf(n.kind);
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const used = [...columns.keys()].sort((a, b) => a - b);
  const positions: Record<string, { x: number; y: number }> = {};
  used.forEach((column, i) => {
    const members = columns.get(column)!.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    const heights = members.map((n) => rowHeight(n.label));
    const total = heights.reduce((a, b) => a + b, 0);
    let y = -total / 2;
    members.forEach((n, row) => {
      positions[n.id] = { x: i * COLUMN_GAP, y: y + heights[row]! / 2 };
      y += heights[row]!;
    });
  });
  return positions;
}

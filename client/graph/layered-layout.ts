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

/**
 * How many rows a column holds before it wraps into another one beside it: the fewest that keep the picture at most
 * about as tall as it is wide (16:10 screens), so that a view of thousands of pools is a readable block, not a thin strip.
 */
export function rowsPerColumn(columnSizes: readonly number[]): number {
  const largest = Math.max(0, ...columnSizes);
  for (let rows = 8; rows < largest; rows++) {
    const width = columnSizes.reduce((w, k) => w + Math.ceil(k / rows), 0) * COLUMN_GAP;
    if (rows * ROW_GAP >= 0.6 * width) return rows;
  }
  return Math.max(8, largest);
}

/** Column by kind, then rows in name order, each row as tall as its label needs, each column centred on y = 0; a column with more rows than fit wraps into sub-columns beside it. */
export function layeredPositions(nodes: Positioned[]): Record<string, { x: number; y: number }> {
  const columns = new Map<number, Positioned[]>();
  for (const n of nodes) {
    const c = columnOf(n.kind);
    const list = columns.get(c);
    if (list) list.push(n);
    else columns.set(c, [n]);
  }
  const used = [...columns.keys()].sort((a, b) => a - b);
  const maxRows = rowsPerColumn(used.map((c) => columns.get(c)!.length));
  const positions: Record<string, { x: number; y: number }> = {};
  let x = 0;
  for (const column of used) {
    const members = columns.get(column)!.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    for (let start = 0; start < members.length; start += maxRows) {
      const slice = members.slice(start, start + maxRows);
      const heights = slice.map((n) => rowHeight(n.label));
      let y = -heights.reduce((a, b) => a + b, 0) / 2;
      slice.forEach((n, row) => {
        positions[n.id] = { x, y: y + heights[row]! / 2 };
        y += heights[row]!;
      });
      x += COLUMN_GAP;
    }
  }
  return positions;
}

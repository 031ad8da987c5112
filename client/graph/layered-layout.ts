// Positions nodes in columns by role (tasks, worker pools, platforms … end customers, AI products): pure.
import { columnOf } from './roles.js';

export interface Positioned {
  id: string;
  kind: string;
  label: string;
}

export const COLUMN_GAP = 160;
export const ROW_GAP = 90;

/** Column by kind, then rows in name order, each column centred on y = 0. */
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
    members.forEach((n, row) => {
      positions[n.id] = { x: i * COLUMN_GAP, y: (row - (members.length - 1) / 2) * ROW_GAP };
    });
  });
  return positions;
}

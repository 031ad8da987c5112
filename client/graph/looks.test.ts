import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES, NODE_KIND_NAMES } from '../../vocabulary/index.js';
import { KIND_LOOK, LINK_LOOK } from './roles.js';
import { stylesheet } from './style.js';

// Colour is never the only signal: someone who cannot tell red from green (or reads a grey print-out) still tells apart
// every kind by its shape and every link type by its line style and arrowhead.
describe('looks that do not rely on colour', () => {
  it('gives every node kind its own shape', () => {
    const shapes = NODE_KIND_NAMES.map((k) => KIND_LOOK[k].shape);
    expect(new Set(shapes).size).toBe(NODE_KIND_NAMES.length);
  });

  it('gives every link type its own arrowhead, so even an unsourced (dotted) line is told apart', () => {
    const arrows = LINK_TYPE_NAMES.map((t) => LINK_LOOK[t].arrow);
    expect(new Set(arrows).size).toBe(LINK_TYPE_NAMES.length);
  });

  it('draws in the graph the arrowheads and shapes the legend shows', () => {
    const sheet = stylesheet() as { selector: string; style: Record<string, unknown> }[];
    for (const t of LINK_TYPE_NAMES) {
      expect(sheet.find((r) => r.selector === `edge.type-${t}`)?.style).toMatchObject({
        'target-arrow-shape': LINK_LOOK[t].arrow,
        'line-style': LINK_LOOK[t].style,
      });
    }
    for (const k of NODE_KIND_NAMES) {
      expect(sheet.find((r) => r.selector === `node.kind-${k}`)?.style).toMatchObject({ shape: KIND_LOOK[k].shape });
    }
    // Hidden from workers: red, and a square mark in the middle of the line.
    expect(sheet.find((r) => r.selector === 'edge.undisclosed')?.style).toMatchObject({
      'mid-target-arrow-shape': 'square',
    });
  });
});

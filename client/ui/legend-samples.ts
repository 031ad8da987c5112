// Small SVG samples for the legend, drawn like the graph: each node kind's shape, each link type's line style and
// arrowhead. Pure; the colours and shapes come from graph/roles.ts, as the graph's own stylesheet does.
import type { ArrowShape, KindLook, LinkLook } from '../graph/roles.js';
import { escapeHtml as h } from './escape-html.js';

/** Node shapes in a 16×16 box, as SVG markup (Cytoscape's names). */
const SHAPES: Record<string, string> = {
  ellipse: '<ellipse cx="8" cy="8" rx="7" ry="6"/>',
  rectangle: '<rect x="1" y="2" width="14" height="12"/>',
  'round-rectangle': '<rect x="1" y="2" width="14" height="12" rx="4"/>',
  triangle: '<polygon points="8,1 15,15 1,15"/>',
  diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
  hexagon: '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
  octagon: '<polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5"/>',
  star: '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
  tag: '<polygon points="1,3 11,3 15,8 11,13 1,13"/>',
};

/** Arrowheads pointing right, ending at x = 40 on a line at y = 8. */
const ARROWS: Record<ArrowShape, string> = {
  triangle: '<polygon points="31,3 40,8 31,13"/>',
  vee: '<polygon points="31,3 40,8 31,13 34,8"/>',
  chevron: '<polygon points="31,3 40,8 31,13 31,10.5 35,8 31,5.5"/>',
  'circle-triangle': '<circle cx="28" cy="8" r="3"/><polygon points="32,3 40,8 32,13"/>',
  diamond: '<polygon points="30,8 35,3 40,8 35,13"/>',
  'triangle-tee': '<polygon points="33,3 40,8 33,13"/><rect x="29" y="3" width="2" height="10"/>',
  square: '<rect x="32" y="4" width="8" height="8"/>',
  circle: '<circle cx="36" cy="8" r="4"/>',
  none: '',
  tee: '<rect x="37" y="2" width="3" height="12"/>',
  'triangle-cross': '<polygon points="32,3 40,8 32,13"/><rect x="28" y="3" width="1.5" height="10"/>',
  'triangle-backcurve': '<path d="M31,2 L40,8 L31,14 Q35,8 31,2 Z"/>',
};

const DASHES: Record<LinkLook['style'], string> = {
  solid: '',
  dashed: ' stroke-dasharray="6 3"',
  dotted: ' stroke-dasharray="1.5 2.5"',
};

export function kindSample(look: Pick<KindLook, 'color' | 'shape'>): string {
  return `<svg class="sample" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><g fill="${h(look.color)}">${SHAPES[look.shape] ?? SHAPES.ellipse}</g></svg>`;
}

export function linkSample(look: Pick<LinkLook, 'color' | 'style' | 'width' | 'arrow'>): string {
  const end = look.arrow === 'none' ? 40 : 31;
  return (
    `<svg class="sample" width="42" height="16" viewBox="0 0 42 16" aria-hidden="true" focusable="false">` +
    `<line x1="1" y1="8" x2="${end}" y2="8" stroke="${h(look.color)}" stroke-width="${look.width}"${DASHES[look.style]}/>` +
    `<g fill="${h(look.color)}">${ARROWS[look.arrow]}</g></svg>`
  );
}

// The Cytoscape stylesheet, as data built from the role vocabulary.
import type { StylesheetJson } from 'cytoscape';
import { KIND_LOOK, LINK_LOOK, UNKNOWN_KIND_LOOK, UNKNOWN_LINK_LOOK } from './roles.js';

/** Labels smaller than this on screen (in pixels) are left out: unreadable, and most of the drawing time of a large view. */
export const MIN_READABLE_PX = 7;

export function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 14,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: 40,
        height: 40,
        'border-width': 1,
        'border-color': '#fff',
        color: '#212121',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Level of detail: a label that would be drawn smaller than this is not drawn at all (zoomed out on a large view).
        'min-zoomed-font-size': MIN_READABLE_PX,
      },
    },
    ...Object.entries(KIND_LOOK).map(([kind, look]) => ({
      selector: `node.kind-${kind}`,
      style: { 'background-color': look.color, shape: look.shape as never },
    })),
    {
      selector: 'node.kind-unknown',
      style: { 'background-color': UNKNOWN_KIND_LOOK.color, shape: UNKNOWN_KIND_LOOK.shape as never },
    },
    {
      selector: 'node.kind-undisclosed',
      style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#d32f2f' },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1,
        label: 'data(label)',
        'font-size': 13,
        'text-background-color': '#fff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        color: '#263238',
        'min-zoomed-font-size': MIN_READABLE_PX,
      },
    },
    ...Object.entries(LINK_LOOK).map(([type, look]) => ({
      selector: `edge.type-${type}`,
      style: {
        'line-color': look.color,
        'target-arrow-color': look.color,
        'target-arrow-shape': look.arrow as never,
        'line-style': look.style,
        width: look.width,
      },
    })),
    {
      selector: 'edge.type-unknown',
      style: {
        'line-color': UNKNOWN_LINK_LOOK.color,
        'target-arrow-color': UNKNOWN_LINK_LOOK.color,
        'line-style': UNKNOWN_LINK_LOOK.style,
        width: UNKNOWN_LINK_LOOK.width,
      },
    },
    // Not by colour alone: a square mark in the middle of the line too.
    {
      selector: 'edge.undisclosed',
      style: {
        'line-color': '#d32f2f',
        'target-arrow-color': '#d32f2f',
        'mid-target-arrow-shape': 'square',
        'mid-target-arrow-color': '#d32f2f',
        'mid-target-arrow-fill': 'filled',
      },
    },
    { selector: 'edge.unsourced', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 6], opacity: 0.8 } },
    { selector: 'node.role-recruiting', style: { 'border-color': '#fbc02d', 'border-width': 5 } },
    { selector: 'node.role-contracting', style: { 'border-color': '#fb8c00', 'border-width': 5 } },
    { selector: 'node.role-execution', style: { 'border-color': '#00acc1', 'border-width': 5 } },
    { selector: 'node.root', style: { width: 52, height: 52, 'font-weight': 'bold' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node.highlight',
      style: { 'underlay-color': '#ffeb3b', 'underlay-opacity': 0.6, 'underlay-padding': 8 },
    },
    { selector: 'edge.highlight', style: { width: 5 } },
    {
      selector: 'edge.weakest',
      style: { width: 6, 'line-color': '#b71c1c', 'target-arrow-color': '#b71c1c', label: 'check first' },
    },
    {
      selector: '.kbd-focus',
      style: {
        'underlay-color': '#0d47a1',
        'underlay-opacity': 0.45,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
      },
    },
    // The selection and its neighbours keep their labels at any zoom.
    { selector: '.labelled', style: { 'min-zoomed-font-size': 0 } },
    { selector: ':selected', style: { 'overlay-color': '#1e88e5', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: '.appeared', style: { 'underlay-color': '#66bb6a', 'underlay-opacity': 0.6, 'underlay-padding': 8 } },
    // An investigator's note: a purple ring on a node, "note" on a link (a mark, not a colour alone).
    {
      selector: 'node.noted',
      style: { 'outline-color': '#6a1b9a', 'outline-width': 4, 'outline-offset': 3, 'outline-style': 'double' },
    },
    { selector: 'edge.noted', style: { 'source-label': '✎ note', 'source-text-offset': 24, color: '#6a1b9a' } },
  ];
}

// The explorer's looks for kinds and link types: column order, colours, shapes, line styles. Labels come from the vocabulary.
import {
  LINK_TYPES,
  LINK_TYPE_NAMES,
  NODE_KINDS,
  ORGANIZATION_KIND_NAMES,
  isOneOf,
  type LinkType,
  type NodeKind,
} from '../../vocabulary/index.js';

/** Left to right: where work comes from to where its results go. */
export const KIND_ORDER = [
  'task',
  'worker-pool',
  'platform',
  'vendor',
  'undisclosed',
  'other',
  'client',
  'end-customer',
  'ai-product',
] as const satisfies readonly NodeKind[];

export interface KindLook {
  label: string;
  color: string;
  shape: string;
}
/** A link type's look: never its colour alone; each type has its own pair of line style and arrowhead (a test holds this). */
export interface LinkLook {
  label: string;
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
  width: number;
  arrow: ArrowShape;
}
export type ArrowShape =
  | 'triangle'
  | 'vee'
  | 'chevron'
  | 'circle-triangle'
  | 'diamond'
  | 'triangle-tee'
  | 'square'
  | 'circle'
  | 'none'
  | 'tee'
  | 'triangle-cross'
  | 'triangle-backcurve';

const KIND_STYLE: Record<NodeKind, Omit<KindLook, 'label'>> = {
  task: { color: '#8d6e63', shape: 'tag' },
  'worker-pool': { color: '#2e7d32', shape: 'round-rectangle' },
  platform: { color: '#1565c0', shape: 'hexagon' },
  vendor: { color: '#6a1b9a', shape: 'diamond' },
  undisclosed: { color: '#424242', shape: 'octagon' },
  other: { color: '#607d8b', shape: 'ellipse' },
  client: { color: '#ef6c00', shape: 'rectangle' },
  'end-customer': { color: '#c62828', shape: 'star' },
  'ai-product': { color: '#00838f', shape: 'triangle' },
};

const LINK_STYLE: Record<LinkType, Omit<LinkLook, 'label'>> = {
  RECRUITED_VIA: { color: '#2e7d32', style: 'dotted', width: 2, arrow: 'chevron' },
  CONTRACTED_BY: { color: '#2e7d32', style: 'solid', width: 3, arrow: 'triangle' },
  WORKS_ON: { color: '#2e7d32', style: 'dashed', width: 2, arrow: 'circle' },
  SUBCONTRACTS_FOR: { color: '#37474f', style: 'solid', width: 3, arrow: 'vee' },
  PERFORMED_BY: { color: '#8d6e63', style: 'solid', width: 1.5, arrow: 'circle-triangle' },
  EXECUTED_ON: { color: '#8d6e63', style: 'dashed', width: 1.5, arrow: 'square' },
  ORDERED_BY: { color: '#ef6c00', style: 'solid', width: 1.5, arrow: 'diamond' },
  FEEDS: { color: '#00838f', style: 'solid', width: 2, arrow: 'triangle-tee' },
  OWNED_BY: { color: '#00838f', style: 'dotted', width: 1.5, arrow: 'tee' },
  PART_OF: { color: '#558b2f', style: 'dotted', width: 2.5, arrow: 'triangle-cross' },
  OVERLAPS_WITH: { color: '#9e9d24', style: 'dashed', width: 2.5, arrow: 'none' },
  CONTROLLED_BY: { color: '#4527a0', style: 'dashed', width: 3.5, arrow: 'triangle-backcurve' },
};

export const KIND_LOOK: Record<NodeKind, KindLook> = Object.fromEntries(
  (Object.keys(KIND_STYLE) as NodeKind[]).map((k) => [k, { label: NODE_KINDS[k].label, ...KIND_STYLE[k] }]),
) as Record<NodeKind, KindLook>;

export const LINK_LOOK: Record<LinkType, LinkLook> = Object.fromEntries(
  LINK_TYPE_NAMES.map((t) => [t, { label: LINK_TYPES[t].label, ...LINK_STYLE[t] }]),
) as Record<LinkType, LinkLook>;

/** How a kind or link type the explorer does not know (a newer server) is drawn: neutral, never dropped. */
export const UNKNOWN_KIND_LOOK: KindLook = { label: 'Unknown kind', color: '#9e9e9e', shape: 'ellipse' };
export const UNKNOWN_LINK_LOOK: LinkLook = {
  label: 'Other link',
  color: '#9e9e9e',
  style: 'solid',
  width: 1.5,
  arrow: 'triangle',
};

export const LINK_TYPES_SHOWN = LINK_TYPE_NAMES;
export const ORG_KINDS = ORGANIZATION_KIND_NAMES;

export function kindLook(kind: string): KindLook {
  return isOneOf(Object.keys(KIND_LOOK) as NodeKind[], kind) ? KIND_LOOK[kind] : { ...UNKNOWN_KIND_LOOK, label: kind };
}
export function linkLook(type: string): LinkLook {
  return isOneOf(LINK_TYPE_NAMES, type) ? LINK_LOOK[type] : { ...UNKNOWN_LINK_LOOK, label: type };
}
export function isKnownLinkType(type: string): type is LinkType {
  return isOneOf(LINK_TYPE_NAMES, type);
}

export function columnOf(kind: string): number {
  const i = (KIND_ORDER as readonly string[]).indexOf(kind);
  return i === -1 ? KIND_ORDER.indexOf('other') : i;
}

// The explorer's vocabulary for kinds and link types: column order, colours, shapes, line styles, legend text.

/** Left to right: where work comes from to where its results go. */
export const KIND_ORDER = ['task', 'worker-pool', 'platform', 'vendor', 'undisclosed', 'other', 'client', 'end-customer', 'ai-product'] as const;

export const KIND_LOOK: Record<string, { label: string; color: string; shape: string }> = {
  task: { label: 'Task', color: '#8d6e63', shape: 'tag' },
  'worker-pool': { label: 'Worker pool (a group)', color: '#2e7d32', shape: 'round-rectangle' },
  platform: { label: 'Platform', color: '#1565c0', shape: 'hexagon' },
  vendor: { label: 'Vendor', color: '#6a1b9a', shape: 'diamond' },
  undisclosed: { label: 'Undisclosed party', color: '#424242', shape: 'octagon' },
  other: { label: 'Other organisation', color: '#607d8b', shape: 'ellipse' },
  client: { label: 'Client', color: '#ef6c00', shape: 'rectangle' },
  'end-customer': { label: 'End customer', color: '#c62828', shape: 'star' },
  'ai-product': { label: 'AI product', color: '#00838f', shape: 'triangle' },
};

export const LINK_LOOK: Record<string, { label: string; color: string; style: 'solid' | 'dashed' | 'dotted'; width: number }> = {
  RECRUITED_VIA: { label: 'recruited via', color: '#2e7d32', style: 'dotted', width: 2 },
  CONTRACTED_BY: { label: 'contracted by', color: '#2e7d32', style: 'solid', width: 3 },
  WORKS_ON: { label: 'works on', color: '#2e7d32', style: 'dashed', width: 2 },
  SUBCONTRACTS_FOR: { label: 'subcontracts for', color: '#37474f', style: 'solid', width: 3 },
  PERFORMED_BY: { label: 'performed by', color: '#8d6e63', style: 'solid', width: 1.5 },
  EXECUTED_ON: { label: 'executed on', color: '#8d6e63', style: 'dashed', width: 1.5 },
  ORDERED_BY: { label: 'ordered by', color: '#ef6c00', style: 'solid', width: 1.5 },
  FEEDS: { label: 'feeds (AI use)', color: '#00838f', style: 'solid', width: 2 },
  OWNED_BY: { label: 'owned by', color: '#00838f', style: 'dotted', width: 1.5 },
};

export const LINK_TYPES = Object.keys(LINK_LOOK);
export const ORG_KINDS = ['platform', 'vendor', 'client', 'end-customer', 'undisclosed', 'other'];

export function columnOf(kind: string): number {
  const i = (KIND_ORDER as readonly string[]).indexOf(kind);
  return i === -1 ? KIND_ORDER.indexOf('other') : i;
}

// The deep-labour/v1 vocabulary: what each section holds and which link joins which kinds of node.

export const FORMAT = 'deep-labour/v1';

export const SOURCE_TYPES = [
  'report', 'hearing', 'press', 'interview', 'terms-of-service', 'self-declaration', 'registry', 'other',
] as const;
export const ORGANIZATION_KINDS = ['platform', 'vendor', 'client', 'end-customer', 'undisclosed', 'other'] as const;
export const TASK_KINDS = [
  'annotation', 'transcription', 'moderation', 'survey', 'data-collection', 'verification', 'other',
] as const;
export const AI_USES = ['training', 'verification', 'imitation'] as const;

/** The node sections that links and claims may point at, with the graph label each becomes. */
export const ENTITY_SECTIONS = {
  organizations: 'Organization',
  workerPools: 'WorkerPool',
  tasks: 'Task',
  aiProducts: 'AIProduct',
} as const;
export type EntitySection = keyof typeof ENTITY_SECTIONS;
export type EntityLabel = (typeof ENTITY_SECTIONS)[EntitySection];

/** Each link type read as a sentence from `from` to `to`, with the kinds of node it joins. */
export const LINK_TYPES = {
  RECRUITED_VIA: { from: 'workerPools', to: 'organizations', reads: 'the workers were recruited via' },
  CONTRACTED_BY: { from: 'workerPools', to: 'organizations', reads: 'the workers are contracted by' },
  WORKS_ON: { from: 'workerPools', to: 'organizations', reads: 'the workers do the work on' },
  SUBCONTRACTS_FOR: { from: 'organizations', to: 'organizations', reads: 'does work for' },
  PERFORMED_BY: { from: 'tasks', to: 'workerPools', reads: 'is performed by' },
  EXECUTED_ON: { from: 'tasks', to: 'organizations', reads: 'is executed on' },
  ORDERED_BY: { from: 'tasks', to: 'organizations', reads: 'is ordered by' },
  FEEDS: { from: 'tasks', to: 'aiProducts', reads: 'feeds' },
  OWNED_BY: { from: 'aiProducts', to: 'organizations', reads: 'is owned by' },
} as const satisfies Record<string, { from: EntitySection; to: EntitySection; reads: string }>;
export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];

export type SourceType = (typeof SOURCE_TYPES)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type AIUse = (typeof AI_USES)[number];

export interface Source {
  id: string;
  title: string;
  type: SourceType;
  url?: string;
  date?: string;
  publisher?: string;
}

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  country?: string;
  aliases?: string[];
  sources?: string[];
}

export interface WorkerPool {
  id: string;
  name: string;
  country?: string;
  size?: number;
  sources?: string[];
}

export interface Task {
  id: string;
  name: string;
  kind: TaskKind;
  unitPayEur?: number;
  minutesPerUnit?: number;
  sources?: string[];
}

export interface AIProduct {
  id: string;
  name: string;
  marketedAsFullyAutomated?: boolean;
  sources?: string[];
}

export interface Link {
  id: string; // always set after validation: given, or `type:from->to`
  type: LinkType;
  from: string;
  to: string;
  since?: string;
  until?: string;
  disclosedToWorkers?: boolean;
  pricePerUnitEur?: number;
  use?: AIUse;
  confidence?: number;
  sources?: string[];
}

export interface Claim {
  id: string;
  by: string;
  subject: string;
  kind: string;
  text: string;
  date?: string;
  params?: Record<string, unknown>;
  sources?: string[];
}

export interface Dataset {
  format: typeof FORMAT;
  name: string;
  description?: string;
  sources: Source[];
  organizations: Organization[];
  workerPools: WorkerPool[];
  tasks: Task[];
  aiProducts: AIProduct[];
  links: Link[];
  claims: Claim[];
}

/** The sections in the order they are written: every node before the links and claims that use it. */
export const SECTIONS = ['sources', 'organizations', 'workerPools', 'tasks', 'aiProducts', 'links', 'claims'] as const;
export type Section = (typeof SECTIONS)[number];

/** The key a link without an id gets, so that re-imports find it again. */
export function linkKey(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** Each section's fields in their documented order (validation, CSV columns and export follow it). */
export const SECTION_FIELDS = {
  sources: ['id', 'title', 'type', 'url', 'date', 'publisher'],
  organizations: ['id', 'name', 'kind', 'country', 'aliases', 'sources'],
  workerPools: ['id', 'name', 'country', 'size', 'sources'],
  tasks: ['id', 'name', 'kind', 'unitPayEur', 'minutesPerUnit', 'sources'],
  aiProducts: ['id', 'name', 'marketedAsFullyAutomated', 'sources'],
  links: ['id', 'type', 'from', 'to', 'since', 'until', 'disclosedToWorkers', 'pricePerUnitEur', 'use', 'confidence', 'sources'],
  claims: ['id', 'by', 'subject', 'kind', 'text', 'date', 'params', 'sources'],
} as const satisfies Record<Section, readonly string[]>;

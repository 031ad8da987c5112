// The deep-labour/v1 format: what each section holds. Link types and kinds come from the one vocabulary.

import schema from '../schema/deep-labour-v1.schema.json' with { type: 'json' };
import {
  AI_USE_NAMES,
  ORGANIZATION_KIND_NAMES,
  SOURCE_TYPE_NAMES,
  TASK_KIND_NAMES,
  type AIUse,
  type LinkType,
  type OrganizationKind,
  type SourceType,
  type TaskKind,
} from '../vocabulary/index.js';
import type { PayReporter, PayUnit, WageKind } from '../vocabulary/pay.js';

export const FORMAT = 'deep-labour/v1';

export {
  ENTITY_SECTIONS,
  LINK_TYPES,
  LINK_TYPE_NAMES,
  type AIUse,
  type EntityLabel,
  type EntitySection,
  type LinkType,
  type OrganizationKind,
  type SourceType,
  type TaskKind,
} from '../vocabulary/index.js';

/** The values each enumerated field takes, in the vocabulary's order. */
export const SOURCE_TYPES = SOURCE_TYPE_NAMES;
export const ORGANIZATION_KINDS = ORGANIZATION_KIND_NAMES;
export const TASK_KINDS = TASK_KIND_NAMES;
export const AI_USES = AI_USE_NAMES;

export interface Source {
  id: string;
  title: string;
  type: SourceType;
  url?: string;
  date?: string;
  publisher?: string;
  /** Where in the document the facts are: "question 2", "section 'Pay', paras 4-7". */
  locator?: string;
  /** When the document at `url` was retrieved (read or saved), as the format's other dates. */
  retrievedOn?: string;
  /** An archived copy of the document (a web archive's snapshot), for when `url` moves or goes. */
  archiveUrl?: string;
  /** The SHA-256 of the document as retrieved, 64 lower-case hexadecimal digits: says later whether it changed. */
  documentSha256?: string;
}

/** An identifier of an organisation in another dataset or register: LEI, a national register, Open Supply Hub, Wikidata… */
export interface Identifier {
  /** Upper-case letters, digits and hyphens, as org-id.guide writes register codes: LEI, FR-SIREN, GB-COH, OSHUB, WIKIDATA. */
  scheme: string;
  id: string;
}

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  country?: string;
  aliases?: string[];
  identifiers?: Identifier[];
  /** `undisclosed` organisations: why the party is not known (a BODS unspecifiedReason code). */
  undisclosedReason?: string;
  /** What the sources state about it, in the dataset's own words. */
  note?: string;
  sources?: string[];
}

/** "SCHEME:id": how an identifier is written in CSV, stored and looked up. */
export function identifierKey(i: Identifier): string {
  return `${i.scheme}:${i.id}`;
}
/** An identifier from "SCHEME:id", or null when it is not written so. */
export function parseIdentifier(key: string): Identifier | null {
  const m = /^([A-Z][A-Z0-9-]{1,31}):(\S.*)$/.exec(key);
  return m ? { scheme: m[1]!, id: m[2]! } : null;
}

export interface WorkerPool {
  id: string;
  name: string;
  country?: string;
  size?: number;
  /** What the sources state about it, in the dataset's own words. */
  note?: string;
  sources?: string[];
}

export interface Task {
  id: string;
  name: string;
  kind: TaskKind;
  unitPayEur?: number;
  minutesPerUnit?: number;
  /** What the sources state about it, in the dataset's own words. */
  note?: string;
  sources?: string[];
}

export interface AIProduct {
  id: string;
  name: string;
  marketedAsFullyAutomated?: boolean;
  /** What the sources state about it, in the dataset's own words. */
  note?: string;
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
  /** What the source actually says, for a reading of it (confidence below 1) or any remark on the link. */
  note?: string;
  /** CONTROLLED_BY links: how control is held (BODS interest types), the share held in percent (a range), directly or not. */
  interests?: string[];
  shareMin?: number;
  shareMax?: number;
  directOrIndirect?: string;
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
  /** What the source actually says about who made the claim and when, or any remark. */
  note?: string;
  sources?: string[];
}

/** A reported range such as tasks done an hour or hours worked a month: min = max for one figure. */
export interface NumberRange {
  min: number;
  max: number;
}

/** Pay as one source reports it for a worker pool (optionally for one task): kept as reported, never averaged with others. */
export interface PayReport {
  id: string;
  /** The worker pool paid. */
  pool: string;
  /** The task the pay is for, when the source says. */
  task?: string;
  min: number;
  max: number;
  /** ISO 4217. */
  currency: string;
  unit: PayUnit;
  /** The period observed (partial dates). */
  since?: string;
  until?: string;
  reportedBy: PayReporter;
  /** Tasks done an hour, as reported: what turns a per-task rate into an hourly one. */
  tasksPerHour?: NumberRange;
  /** Hours worked per `unit` (a day, week, month or year), as reported. */
  hoursPerUnit?: NumberRange;
  /** True when the figure is a full-time wage. */
  fullTime?: boolean;
  note?: string;
  sources?: string[];
}

/**
 * The right of reply: findings put to an organisation before publishing, and its answer. Who asked and when, about
 * which claims and links, the deadline, and the answer (its day, a summary, the source it brought). Whether it is
 * still awaited or went unanswered is not stored: it follows from the deadline and the day of reading (replyStatus).
 */
export interface Reply {
  id: string;
  /** The organisation asked. */
  organization: string;
  /** The day it was asked (YYYY-MM-DD). */
  askedOn: string;
  /** Who asked: the editor (their token's name) when left out of an edit. */
  askedBy: string;
  /** The claims and links the findings are about (ids). */
  claims?: string[];
  links?: string[];
  /** The day an answer is due by (YYYY-MM-DD). */
  deadline: string;
  /** The day the answer came (YYYY-MM-DD); absent while none has. */
  answeredOn?: string;
  /** What the answer says, in a few lines. */
  answer?: string;
  /** The source that holds the answer (a letter, a statement): it then counts like any source. */
  answerSource?: string;
  note?: string;
}

/** A reference wage of a country and year: a legal minimum, a living wage or a median, from its source. */
export interface WageReferenceRecord {
  id: string;
  country: string;
  year: number;
  kind: WageKind;
  amount: number;
  currency: string;
  unit: PayUnit;
  /** The hours per `unit` the amount assumes, where the source or the law states it. */
  hoursBasis?: number;
  gross?: boolean;
  scope?: string;
  note?: string;
  sources?: string[];
}

/** A yearly average exchange rate: how many units of `currency` one US dollar bought in `year`. */
export interface ExchangeRateRecord {
  id: string;
  currency: string;
  year: number;
  unitsPerUsd: number;
  kind?: string;
  note?: string;
  sources?: string[];
}

export interface Dataset {
  format: typeof FORMAT;
  /** Who owns the records in a store: always set after validation (given, or a slug of `name`). */
  id: string;
  name: string;
  description?: string;
  /**
   * An export's ledger head (the last sealed change's seq and hash when it was made), so that a reader can ask
   * `deep-labour verify` whether the store still passes through it; ignored on import.
   */
  ledger?: { seq: number; hash: string };
  sources: Source[];
  organizations: Organization[];
  workerPools: WorkerPool[];
  tasks: Task[];
  aiProducts: AIProduct[];
  links: Link[];
  claims: Claim[];
  /** The pay sections: absent when the dataset holds none (validation and export leave empty ones out). */
  payReports?: PayReport[];
  wageReferences?: WageReferenceRecord[];
  exchangeRates?: ExchangeRateRecord[];
  /** The right of reply: absent when the dataset holds none. */
  replies?: Reply[];
}

/** The sections of pay, written only when they hold something. */
export const PAY_SECTIONS = ['payReports', 'wageReferences', 'exchangeRates'] as const;
/** The sections written only when they hold something: pay, and the right of reply. */
export const OPTIONAL_SECTIONS = [...PAY_SECTIONS, 'replies'] as const;

/** The sections in the order they are written: every node before the links and claims that use it. */
export const SECTIONS = [
  'sources',
  'organizations',
  'workerPools',
  'tasks',
  'aiProducts',
  'links',
  'claims',
  'payReports',
  'wageReferences',
  'exchangeRates',
  'replies',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Where a reply stands on day `today` (YYYY-MM-DD): answered, no answer by a deadline that has passed, or awaited. Pure. */
export type ReplyStatus = 'ANSWERED' | 'NO_ANSWER' | 'AWAITING';
export function replyStatus(reply: Pick<Reply, 'answeredOn' | 'deadline'>, today: string): ReplyStatus {
  if (reply.answeredOn) return 'ANSWERED';
  return reply.deadline < today ? 'NO_ANSWER' : 'AWAITING';
}

/** A dataset's id from its name when the file gives none: lower case, words joined by hyphens ("DiPLab, France 2019" → "diplab-france-2019"). */
export function datasetSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'dataset';
}

/** What a dataset id may look like: it names the dataset on the command line and in the store. */
export const DATASET_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The key a link without an id gets, so that re-imports find it again. */
export function linkKey(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** A node of the JSON Schema, as far as the format reads it. */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
}

/** `node` with its `$ref` (to `#/$defs/…`) followed. */
export function resolveSchema(node: SchemaNode): SchemaNode {
  return node.$ref ? resolveSchema((schema.$defs as Record<string, SchemaNode>)[node.$ref.split('/').pop()!]!) : node;
}

/** The JSON Schema of one item of a section (`#/$defs/link` for `links`). */
export function sectionItemSchema(section: Section): SchemaNode {
  return resolveSchema((schema.properties as Record<string, SchemaNode>)[section]!.items!);
}

/**
 * Each section's fields in their documented order: the properties of its item in the JSON Schema, read from the
 * schema so that a field is listed once (validation, CSV columns and cells, the store's rows and export follow it).
 */
export const SECTION_FIELDS = {} as Record<Section, readonly string[]>;
for (const section of SECTIONS) SECTION_FIELDS[section] = Object.keys(sectionItemSchema(section).properties ?? {});

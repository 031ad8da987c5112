// The one vocabulary of the project: link types, kinds, uses and source types, each with its label and the sentence it reads as.
// Server and client both import it; the JSON Schema, schema.graphql and the Cypher files are checked against it by a test.

/** The dataset sections whose records are entities (nodes that links and claims may point at), with their graph labels. */
export const ENTITY_SECTIONS = {
  organizations: 'Organization',
  workerPools: 'WorkerPool',
  tasks: 'Task',
  aiProducts: 'AIProduct',
} as const;
export type EntitySection = keyof typeof ENTITY_SECTIONS;
export type EntityLabel = (typeof ENTITY_SECTIONS)[EntitySection];

interface LinkTypeEntry {
  /** The kinds of node it joins. */
  from: EntitySection;
  to: EntitySection;
  /** Short words for legends and filters. */
  label: string;
  /** What it says between the names of its two ends: "<from> reads <to>". */
  reads: string;
  /** What a `from` → `to` link means, for the documentation. */
  meaning: string;
}

/** Every link type. Adding one here makes the compiler and the vocabulary test name every other place to change. */
export const LINK_TYPES = {
  RECRUITED_VIA: {
    from: 'workerPools',
    to: 'organizations',
    label: 'recruited via',
    reads: 'is recruited via',
    meaning: 'where the workers were recruited',
  },
  CONTRACTED_BY: {
    from: 'workerPools',
    to: 'organizations',
    label: 'contracted by',
    reads: 'is contracted by',
    meaning: 'who holds their contract',
  },
  WORKS_ON: {
    from: 'workerPools',
    to: 'organizations',
    label: 'works on',
    reads: 'works on',
    meaning: 'the execution platform or tool',
  },
  SUBCONTRACTS_FOR: {
    from: 'organizations',
    to: 'organizations',
    label: 'subcontracts for',
    reads: 'subcontracts for',
    meaning: '`from` does work for `to`',
  },
  PERFORMED_BY: {
    from: 'tasks',
    to: 'workerPools',
    label: 'performed by',
    reads: 'is performed by',
    meaning: 'who does the task',
  },
  EXECUTED_ON: {
    from: 'tasks',
    to: 'organizations',
    label: 'executed on',
    reads: 'is executed on',
    meaning: 'where the task is done',
  },
  ORDERED_BY: {
    from: 'tasks',
    to: 'organizations',
    label: 'ordered by',
    reads: 'is ordered by',
    meaning: 'the client that commissioned the task',
  },
  FEEDS: {
    from: 'tasks',
    to: 'aiProducts',
    label: 'feeds (AI use)',
    reads: 'feeds',
    meaning: 'the AI product the task trains, verifies or imitates',
  },
  OWNED_BY: {
    from: 'aiProducts',
    to: 'organizations',
    label: 'owned by',
    reads: 'is owned by',
    meaning: 'who sells the AI product',
  },
  PART_OF: {
    from: 'workerPools',
    to: 'workerPools',
    label: 'part of (nested estimate)',
    reads: 'is part of',
    meaning: 'everyone counted in `from` is counted in `to`: totals count them once',
  },
  OVERLAPS_WITH: {
    from: 'workerPools',
    to: 'workerPools',
    label: 'overlaps with (estimates)',
    reads: 'overlaps with',
    meaning: 'the two estimates may count the same people: totals become a range',
  },
  CONTROLLED_BY: {
    from: 'organizations',
    to: 'organizations',
    label: 'controlled by (ownership)',
    reads: 'is controlled by',
    meaning: '`to` owns or controls `from` (BODS interests, share range, direct or indirect): ownership, not labour',
  },
} as const satisfies Record<string, LinkTypeEntry>;
export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];

/** The links from a worker pool to the organisation that recruits, contracts or hosts it. */
export const POOL_LINK_TYPES = ['RECRUITED_VIA', 'CONTRACTED_BY', 'WORKS_ON'] as const satisfies readonly LinkType[];

export const ORGANIZATION_KINDS = {
  platform: { label: 'Platform' },
  vendor: { label: 'Vendor' },
  client: { label: 'Client' },
  'end-customer': { label: 'End customer' },
  undisclosed: { label: 'Undisclosed party' },
  other: { label: 'Other organisation' },
} as const;
export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;
export const ORGANIZATION_KIND_NAMES = Object.keys(ORGANIZATION_KINDS) as OrganizationKind[];

/** The API's `kind` of every node: an organisation's own kind, or what the node is. */
export const NODE_KINDS = {
  task: { label: 'Task' },
  'worker-pool': { label: 'Worker pool (a group)' },
  ...ORGANIZATION_KINDS,
  'ai-product': { label: 'AI product' },
} as const;
export type NodeKind = keyof typeof NODE_KINDS;
export const NODE_KIND_NAMES = Object.keys(NODE_KINDS) as NodeKind[];

/** The node kind of an entity that is not an organisation. */
export const SECTION_KIND = {
  workerPools: 'worker-pool',
  tasks: 'task',
  aiProducts: 'ai-product',
} as const satisfies Record<Exclude<EntitySection, 'organizations'>, NodeKind>;

export const TASK_KINDS = {
  annotation: { label: 'annotation' },
  transcription: { label: 'transcription' },
  moderation: { label: 'moderation' },
  survey: { label: 'survey' },
  'data-collection': { label: 'data collection' },
  verification: { label: 'verification' },
  other: { label: 'other' },
} as const;
export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_KIND_NAMES = Object.keys(TASK_KINDS) as TaskKind[];

/** How one organisation controls another, as BODS 0.4 names the interests (codelist interestType). */
export const INTEREST_TYPES = [
  'shareholding',
  'votingRights',
  'appointmentOfBoard',
  'otherInfluenceOrControl',
  'seniorManagingOfficial',
  'settlor',
  'trustee',
  'protector',
  'beneficiaryOfLegalArrangement',
  'rightsToSurplusAssetsOnDissolution',
  'rightsToProfitOrIncome',
  'rightsGrantedByContract',
  'conditionalRightsGrantedByContract',
  'controlViaCompanyRulesOrArticles',
  'controlByLegalFramework',
  'boardMember',
  'boardChair',
  'unknownInterest',
  'unpublishedInterest',
  'enjoymentAndUseOfAssets',
  'rightToProfitOrIncomeFromAssets',
  'nominee',
  'nominator',
] as const;
export type InterestType = (typeof INTEREST_TYPES)[number];
/** Why a party is not disclosed, as BODS 0.4 says it (codelist unspecifiedReason): for `undisclosed` organisations. */
export const UNDISCLOSED_REASONS = [
  'noBeneficialOwners',
  'subjectUnableToConfirmOrIdentifyBeneficialOwner',
  'interestedPartyHasNotProvidedInformation',
  'subjectExemptFromDisclosure',
  'interestedPartyExemptFromDisclosure',
  'unknown',
  'informationUnknownToPublisher',
] as const;

/** Whether control is held directly or through others (BODS directOrIndirect). */
export const DIRECTNESS = ['direct', 'indirect', 'unknown'] as const;

/** The three uses of micro-work for AI. */
export const AI_USES = {
  training: { label: 'training', reads: 'trains' },
  verification: { label: 'verification', reads: 'verifies the output of' },
  imitation: { label: 'imitation', reads: 'does by hand what is sold as' },
} as const;
export type AIUse = keyof typeof AI_USES;
export const AI_USE_NAMES = Object.keys(AI_USES) as AIUse[];

export const SOURCE_TYPES = {
  report: { label: 'report' },
  hearing: { label: 'hearing' },
  press: { label: 'press' },
  interview: { label: 'interview' },
  'terms-of-service': { label: 'terms of service' },
  'self-declaration': { label: 'self-declaration' },
  registry: { label: 'registry' },
  other: { label: 'other' },
} as const;
export type SourceType = keyof typeof SOURCE_TYPES;
export const SOURCE_TYPE_NAMES = Object.keys(SOURCE_TYPES) as SourceType[];

/** True when `value` is one of `names` (narrows unknown strings arriving from files or the API). */
export function isOneOf<T extends string>(names: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (names as readonly string[]).includes(value);
}

/** "<from> <reads> <to>": a link read as a sentence; an unknown type is read by its name. */
export function linkSentence(type: string, from: string, to: string): string {
  const reads = isOneOf(LINK_TYPE_NAMES, type) ? LINK_TYPES[type].reads : type;
  return `${from} ${reads} ${to}`;
}

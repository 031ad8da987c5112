// The API's shapes that Cypher rows are turned into: what resolvers, audits and the CLI share.
import type { Link } from '../../format/model.js';

export interface SourceModel {
  id: string;
  title: string;
  type: string;
  url: string | null;
  date: string | null;
  publisher: string | null;
  /** Where in the document the facts are. */
  locator: string | null;
  retrievedOn: string | null;
  archiveUrl: string | null;
  documentSha256: string | null;
}

export type EntityTypename = 'Organization' | 'WorkerPool' | 'Task' | 'AIProduct';

/** An entity ready for GraphQL: `kind` as the API defines it, the task's own kind as `taskKind`. */
export interface EntityModel {
  __typename: EntityTypename;
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  /** An organisation's identifiers in other registers and datasets. */
  identifiers: { scheme: string; id: string }[];
  /** Undisclosed organisations: why the party is not known. */
  undisclosedReason: string | null;
  size: number | null;
  taskKind: string | null;
  unitPayEur: number | null;
  minutesPerUnit: number | null;
  marketedAsFullyAutomated: boolean | null;
  /** What the sources state about it, in the dataset's own words. */
  note: string | null;
  sources: SourceModel[];
  /** A small pool's size withheld (small-groups.ts). */
  sizeSuppressed: boolean;
  /** A task's pay withheld because only small pools perform it. */
  paySuppressed: boolean;
  /** For a task: the sizes of the pools that perform it (not in the API; decides paySuppressed). */
  performerSizes: (number | null)[];
  /** As recorded (recordedAt): the sizes of the pools that performed it then; its pay is withheld if either list is all small. */
  performerSizesThen?: (number | null)[];
  /** Read as recorded just after this change (recordedAt): a worker pool's pay reports are read as of it too. */
  recordedSeq?: number;
}

/** A link's own values (the format's fields after `id`, `type`, `from`, `to`), each null when absent; lists empty. */
type LinkValues = Omit<Link, 'id' | 'type' | 'from' | 'to' | 'interests' | 'sources'>;

/**
 * A link ready for GraphQL: every field of the format's `Link`, so a field added to the format (and the schema) is
 * served without being listed here; `toLink` fills it from the schema's field list.
 */
export type LinkModel = { [K in keyof LinkValues]-?: Exclude<LinkValues[K], undefined> | null } & {
  id: string;
  type: string;
  from: string;
  to: string;
  /** CONTROLLED_BY links: BODS interest types; empty otherwise. */
  interests: string[];
  sources: SourceModel[];
  /** The price of a small pool's contract withheld. */
  priceSuppressed: boolean;
};

export interface GraphNodeModel {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  taskKind: string | null;
  size: number | null;
  sizeSuppressed: boolean;
}

export interface ClaimModel {
  id: string;
  kind: string;
  text: string;
  date: string | null;
  by: EntityModel;
  subject: EntityModel;
  params: string | null;
  note: string | null;
  sources: LinkModel['sources'];
}

export interface SubgraphModel {
  nodes: GraphNodeModel[];
  edges: LinkModel[];
  truncated: boolean;
  totalNodes: number | null;
  edgesTruncated: boolean;
}

export interface ClaimAuditModel {
  claim: ClaimModel;
  verdict: 'SUPPORTED' | 'CONTRADICTED' | 'UNVERIFIABLE';
  explanation: string;
  /** The deciding links drawn, with their ends and sources; null when the audit was read without the links' properties. */
  evidence: SubgraphModel | null;
  /** The deciding links' ids, in the rule's order. */
  evidenceIds: string[];
  unsourcedEvidence: number;
  /**
   * Asked as recorded (`recordedAt`, `audit --recorded-at`): the change it is read as of and that moment, so that its
   * replies and the kept verdict's date are read as they stood then; absent: now.
   */
  recorded?: { seq: number; at: string };
}

/** A scorecard as audit-service.ts builds it; its `pay` is resolved apart, by its own query, only when selected. */
export interface ScorecardModel {
  organization: EntityModel;
  asOf: string;
  /** Asked with `recordedAt`: the seq of the change the store is read as of (its pay indicator reads the same links); none: now. */
  seq?: number;
  indicators: IndicatorModel[];
  audits: ClaimAuditModel[];
}

export interface IndicatorModel {
  id: string;
  label: string;
  value: string;
  evidenceLinks: number;
  evidence: SubgraphModel;
}

// The API's shapes that Cypher rows are turned into: what resolvers, audits and the CLI share.

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
}

export interface LinkModel {
  id: string;
  type: string;
  from: string;
  to: string;
  since: string | null;
  until: string | null;
  disclosedToWorkers: boolean | null;
  pricePerUnitEur: number | null;
  use: string | null;
  confidence: number | null;
  note: string | null;
  /** CONTROLLED_BY links: BODS interest types, share range in percent, direct or indirect. */
  interests: string[];
  shareMin: number | null;
  shareMax: number | null;
  directOrIndirect: string | null;
  sources: SourceModel[];
  /** The price of a small pool's contract withheld. */
  priceSuppressed: boolean;
}

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
  evidence: SubgraphModel;
  unsourcedEvidence: number;
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

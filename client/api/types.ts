// The API's answers as the explorer uses them (a subset of the GraphQL schema).

export interface Source {
  id: string;
  title: string;
  type: string;
  url: string | null;
  date: string | null;
  publisher: string | null;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  taskKind: string | null;
  size: number | null;
}

export interface Link {
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
  sources: Source[];
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: Link[];
  truncated: boolean;
  totalNodes?: number | null;
}

export interface Entity {
  __typename: 'Organization' | 'WorkerPool' | 'Task' | 'AIProduct';
  id: string;
  name: string;
  kind: string;
  country?: string | null;
  aliases?: string[];
  size?: number | null;
  taskKind?: string;
  unitPayEur?: number | null;
  minutesPerUnit?: number | null;
  marketedAsFullyAutomated?: boolean | null;
  sources: Source[];
}

export interface ValueChain {
  workerPool: { id: string; name: string };
  hops: Link[];
  workerPayPerUnitEur: number | null;
  clientPricePerUnitEur: number | null;
  workerShare: number | null;
}

export interface Provenance {
  task: { id: string; name: string };
  workerPools: { id: string; name: string }[];
  executionPlatforms: { id: string; name: string }[];
  clients: { id: string; name: string }[];
  endCustomers: { id: string; name: string }[];
  aiProducts: { product: { id: string; name: string }; use: string; owner: { id: string; name: string } | null }[];
  roles: { workerPool: { id: string }; recruitedVia: { id: string }[]; contractedBy: { id: string }[]; worksOn: { id: string }[] }[];
  depth: number;
  roleSplit: boolean;
  undisclosedHops: number;
  subgraph: Subgraph;
}

export interface ClaimAudit {
  claim: { id: string; kind: string; text: string; date: string | null; by: { name: string }; sources: Source[] };
  verdict: 'SUPPORTED' | 'CONTRADICTED' | 'UNVERIFIABLE';
  explanation: string;
  unsourcedEvidence: number;
  evidence: Subgraph;
}

export interface Indicator {
  id: string;
  label: string;
  value: string;
  evidence: Subgraph;
}

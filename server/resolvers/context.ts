// What every resolver receives, and the shapes the Cypher rows are turned into.
import type { Database } from '../db/index.js';

export interface Context {
  db: Database;
  /** Today's date as YYYY-MM-DD: the default `asOf`. */
  today: string;
}

export interface SourceModel {
  id: string;
  title: string;
  type: string;
  url: string | null;
  date: string | null;
  publisher: string | null;
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
  size: number | null;
  taskKind: string | null;
  unitPayEur: number | null;
  minutesPerUnit: number | null;
  marketedAsFullyAutomated: boolean | null;
  sources: SourceModel[];
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
  sources: SourceModel[];
}

export interface GraphNodeModel {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  taskKind: string | null;
  size: number | null;
}

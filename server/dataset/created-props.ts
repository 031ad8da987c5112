// What a record or link that an import creates holds once written (its properties, the dataset that owns it, the change
// that made it) and the `h` of that content (docs/versioning.md, "The ledger is the spine"): written with the element,
// the seal of the import's transaction reads it back, finds it right and writes nothing more. Pure.
import { linkHash, recordHash } from '../history/evidence-hash.js';

/** A record's labels, as cypher/create-records.cypher gives them (and the offline importer's CSV files). */
export const RECORD_LABELS: Readonly<Record<string, readonly string[]>> = {
  Source: ['Record', 'Source'],
  Organization: ['Record', 'Organization', 'Entity'],
  WorkerPool: ['Record', 'WorkerPool', 'Entity'],
  Task: ['Record', 'Task', 'Entity'],
  AIProduct: ['Record', 'AIProduct', 'Entity'],
  Claim: ['Record', 'Claim'],
  PayReport: ['Record', 'PayReport'],
  WageReference: ['Record', 'WageReference'],
  ExchangeRate: ['Record', 'ExchangeRate'],
  Reply: ['Record', 'Reply'],
};

/** The labels of a record of kind `label`; an unknown kind is a programming error, said so. */
export function recordLabels(label: string): readonly string[] {
  const labels = RECORD_LABELS[label];
  if (!labels) throw new Error(`created-props: no labels known for records of kind "${label}"`);
  return labels;
}

/**
 * A new record's properties as create-records.cypher stores them (`id` and its own, `datasets` = [dataset], `recFrom` =
 * seq), with their `h`.
 */
export function createdRecordProps(
  label: string,
  id: string,
  props: Record<string, unknown>,
  dataset: string,
  seq: number,
): Record<string, unknown> {
  const stored = { id, ...props, datasets: [dataset], recFrom: seq };
  return { ...stored, h: recordHash(recordLabels(label), stored) };
}

/** A new link's properties as create-links.cypher stores them (its own, `datasets` = [dataset], `recFrom` = seq), with their `h`. */
export function createdLinkProps(
  link: { type: string; from: string; to: string; props: Record<string, unknown> },
  dataset: string,
  seq: number,
): Record<string, unknown> {
  const stored = { ...link.props, datasets: [dataset], recFrom: seq };
  return { ...stored, h: linkHash(link.type, link.from, link.to, stored) };
}

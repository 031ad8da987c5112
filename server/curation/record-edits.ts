// Pure edits of one record in a dataset document, and the mapping of validation problems back to the edit's own fields.
import { linkKey, type Dataset, type Section } from '../dataset/index.js';
import type { Problem } from '../dataset/index.js';

export type Item = Record<string, unknown>;

/** One dataset's version of one record: which section it is in and its fields. */
export interface RecordState {
  section: Section;
  item: Item;
}

/** The id a record has or will have once validated (a link without one gets `type:from->to`). */
export function recordId(section: Section, item: Item): string {
  if (typeof item.id === 'string' && item.id !== '') return item.id;
  if (section === 'links') return linkKey(String(item.type), String(item.from), String(item.to));
  return '';
}

/** The record with `id` in the dataset, with its section and position; undefined when the dataset does not hold it. */
export function findRecord(doc: Dataset, id: string): (RecordState & { index: number }) | undefined {
  for (const section of [
    'sources',
    'organizations',
    'workerPools',
    'tasks',
    'aiProducts',
    'links',
    'claims',
    'replies',
  ] as const) {
    const items = (doc[section] ?? []) as unknown as Item[];
    const index = items.findIndex((x) => x.id === id);
    if (index >= 0) return { section, item: items[index]!, index };
  }
  return undefined;
}

/**
 * The document with `id` set to `state` (replacing its earlier version, wherever it was, or appended) or taken out
 * (`state` null), and where the new version sits. Pure: `doc` is left as it was.
 */
export function withRecord(doc: Dataset, id: string, state: RecordState | null): { doc: Dataset; at?: string } {
  const next = { ...doc } as unknown as Record<Section, Item[]>;
  const old = findRecord(doc, id);
  if (old) next[old.section] = next[old.section].filter((_, i) => i !== old.index);
  if (!state) return { doc: next as unknown as Dataset };
  const list = [...(next[state.section] ?? [])];
  const index = old && old.section === state.section ? old.index : list.length;
  list.splice(index, 0, state.item);
  next[state.section] = list;
  return { doc: next as unknown as Dataset, at: `${state.section}[${index}]` };
}

/**
 * Problems found in the edited document, said about the edit: `links[4].until` becomes `link.until` when the edit was
 * `links[4]` and its argument is `link`; problems elsewhere name the dataset (they were there before the edit).
 */
export function problemsOfEdit(
  problems: Problem[],
  at: string | undefined,
  argument: string,
  dataset: string,
): Problem[] {
  return problems.map((p) => {
    if (at && (p.path === at || p.path.startsWith(`${at}.`)))
      return { path: argument + p.path.slice(at.length), message: p.message };
    return { path: `dataset "${dataset}": ${p.path}`, message: p.message };
  });
}

// Saved investigations in the store: an investigator's work, not evidence (no history, no store version change).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/index.js';
import { allows, type Caller } from '../curation/roles.js';
import type { InvestigationDraft } from './investigation-input.js';

export interface InvestigationModel {
  id: string;
  name: string;
  owner: string;
  view: string;
  notes: string | null;
  itemNotes: { id: string; text: string }[];
  createdAt: string;
  updatedAt: string;
}

/** An investigation as stored (item notes as JSON text) as the API gives it. Pure. */
export function toInvestigation(value: unknown): InvestigationModel {
  const v = value as Record<string, unknown>;
  return {
    id: String(v.id), name: String(v.name), owner: String(v.owner), view: String(v.view), notes: (v.notes as string | null) ?? null,
    itemNotes: typeof v.itemNotes === 'string' ? JSON.parse(v.itemNotes) as InvestigationModel["itemNotes"] : [],
    createdAt: String(v.createdAt), updatedAt: String(v.updatedAt),
  };
}

/** Saves a checked draft; null when its id names someone else's investigation. */
export async function saveInvestigation(db: Database, caller: Caller, draft: InvestigationDraft): Promise<InvestigationModel | null> {
  const { rows } = await db.write('investigation-save', {
    id: draft.id || randomUUID(), owner: caller.name, admin: allows(caller.role, 'admin'), name: draft.name.trim(), view: draft.view,
    notes: draft.notes?.trim() || null, itemNotes: JSON.stringify(draft.itemNotes ?? []),
  });
  return rows[0] ? toInvestigation(rows[0].investigation) : null;
}

export async function findInvestigation(db: Database, id: string): Promise<InvestigationModel | null> {
  const [row] = await db.read('investigation', { id });
  return row ? toInvestigation(row.investigation) : null;
}

export async function listInvestigations(db: Database, caller: Caller, first: number): Promise<InvestigationModel[]> {
  return (await db.read('investigations', { owner: caller.name, all: allows(caller.role, 'admin'), first })).map((r) => toInvestigation(r.investigation));
}

/** Deletes one; `found` false when there is none, `allowed` false when it is someone else's. */
export async function deleteInvestigation(db: Database, caller: Caller, id: string): Promise<{ found: boolean; allowed: boolean }> {
  const { rows } = await db.write('investigation-delete', { id, owner: caller.name, admin: allows(caller.role, 'admin') });
  return { found: Boolean(rows[0]?.found), allowed: Boolean(rows[0]?.allowed) };
}

// Saved investigations in the store: an investigator's work, not evidence (no history, no store version change).
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/index.js';
import { allows, type Caller } from '../auth/roles.js';
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
    id: String(v.id),
    name: String(v.name),
    owner: String(v.owner),
    view: String(v.view),
    notes: (v.notes as string | null) ?? null,
    itemNotes: typeof v.itemNotes === 'string' ? (JSON.parse(v.itemNotes) as InvestigationModel['itemNotes']) : [],
    createdAt: String(v.createdAt),
    updatedAt: String(v.updatedAt),
  };
}

/** How many investigations one token (its name) may keep, and how many bytes they may hold together. */
export interface InvestigationQuota {
  count: number;
  bytes: number;
}

/** What a save did: saved, refused as someone else's, or refused as over the owner's quota (with the owner's other investigations). */
export type SaveOutcome =
  | { saved: InvestigationModel }
  | { forbidden: true }
  | { overQuota: { others: number; otherBytes: number; bytes: number } };

/** The bytes a draft takes in the store (UTF-8: name, view, notes and item notes as stored). Pure. */
export function investigationBytes(stored: {
  name: string;
  view: string;
  notes: string | null;
  itemNotes: string;
}): number {
  return (
    Buffer.byteLength(stored.name) +
    Buffer.byteLength(stored.view) +
    Buffer.byteLength(stored.notes ?? '') +
    Buffer.byteLength(stored.itemNotes)
  );
}

/** Saves a checked draft, unless it names someone else's investigation or would take its owner past `quota`. */
export async function saveInvestigation(
  db: Database,
  caller: Caller,
  draft: InvestigationDraft,
  quota: InvestigationQuota,
): Promise<SaveOutcome> {
  const stored = {
    name: draft.name.trim(),
    view: draft.view,
    notes: draft.notes?.trim() || null,
    itemNotes: JSON.stringify(draft.itemNotes ?? []),
  };
  const bytes = investigationBytes(stored);
  const { rows } = await db.write('investigation-save', {
    id: draft.id || randomUUID(),
    owner: caller.name,
    admin: allows(caller.role, 'admin'),
    ...stored,
    bytes,
    maxCount: quota.count,
    maxBytes: quota.bytes,
  });
  const row = rows[0];
  if (!row) return { forbidden: true };
  if (row.investigation) return { saved: toInvestigation(row.investigation) };
  return { overQuota: { others: Number(row.others), otherBytes: Number(row.otherBytes), bytes } };
}

export async function findInvestigation(db: Database, id: string): Promise<InvestigationModel | null> {
  const [row] = await db.read('investigation', { id });
  return row ? toInvestigation(row.investigation) : null;
}

/** Where a page of investigations starts: after the one saved at `time` with id `id` (they are listed newest first, then by id). */
export interface InvestigationCursor {
  time: string;
  id: string;
}

/** A page's cursor for an investigation. Pure. */
export function encodeInvestigationCursor(i: { updatedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify(['investigation', i.updatedAt, i.id]), 'utf8').toString('base64url');
}

/** The position a cursor names; null when it is not one that encodeInvestigationCursor made. Pure. */
export function decodeInvestigationCursor(cursor: string): InvestigationCursor | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      !Array.isArray(v) ||
      v.length !== 3 ||
      v[0] !== 'investigation' ||
      typeof v[1] !== 'string' ||
      typeof v[2] !== 'string'
    )
      return null;
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v[1]) || v[2].length > 200) return null;
    const position = { time: v[1], id: v[2] };
    return encodeInvestigationCursor({ updatedAt: position.time, id: position.id }) === cursor ? position : null;
  } catch {
    return null;
  }
}

/** The caller's investigations (an admin's: everyone's), newest first, after `after` when given; at most `first`. */
export async function listInvestigations(
  db: Database,
  caller: Caller,
  first: number,
  after: InvestigationCursor | null = null,
): Promise<InvestigationModel[]> {
  const rows = await db.read('investigations', {
    owner: caller.name,
    all: allows(caller.role, 'admin'),
    first,
    afterTime: after?.time ?? null,
    afterId: after?.id ?? null,
  });
  return rows.map((r) => toInvestigation(r.investigation));
}

/** Deletes one; `found` false when there is none, `allowed` false when it is someone else's. */
export async function deleteInvestigation(
  db: Database,
  caller: Caller,
  id: string,
): Promise<{ found: boolean; allowed: boolean }> {
  const { rows } = await db.write('investigation-delete', {
    id,
    owner: caller.name,
    admin: allows(caller.role, 'admin'),
  });
  return { found: Boolean(rows[0]?.found), allowed: Boolean(rows[0]?.allowed) };
}

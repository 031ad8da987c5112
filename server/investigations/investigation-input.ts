// What a saved investigation may hold, checked before it is stored. Pure.
import { isMoment } from '../../vocabulary/dates.js';
import { freeTextProblem, idProblem, nameProblem } from '../../format/safe-text.js';
import type { Problem } from '../dataset/index.js';

export const INVESTIGATION_LIMITS = { view: 4000, itemNotes: 500 } as const;

export interface InvestigationDraft {
  id?: string | null;
  name: string;
  view: string;
  notes?: string | null;
  itemNotes?: { id: string; text: string }[] | null;
}

/** Every problem with a draft, by path (`investigation.itemNotes[2].text`); empty when it may be saved. */
export function investigationProblems(draft: InvestigationDraft): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string | null) => {
    if (message) problems.push({ path: `investigation.${path}`, message });
  };
  if (draft.id) at('id', idProblem(draft.id));
  if (draft.name.trim() === '') at('name', 'must not be empty: name the investigation so that you find it again');
  else at('name', nameProblem(draft.name));
  if (!draft.view.startsWith('?') || draft.view.length > INVESTIGATION_LIMITS.view || /[\s#]/.test(draft.view)) {
    at(
      'view',
      `must be the explorer's URL query, starting with "?" and at most ${INVESTIGATION_LIMITS.view} characters, such as "?root=ex-nexa&depth=2"`,
    );
  } else {
    // The store's moment is what makes a shared investigation show what its author saw: a wrong one is refused, not dropped.
    const recordedAt = new URLSearchParams(draft.view).get('recordedAt');
    if (recordedAt !== null && !isMoment(recordedAt))
      at(
        'view',
        `holds recordedAt=${JSON.stringify(recordedAt)}: the moment the evidence is read as recorded must be an ISO 8601 date and time with an offset, such as "2026-12-04T15:00:00Z"`,
      );
  }
  if (draft.notes) at('notes', freeTextProblem(draft.notes));
  const notes = draft.itemNotes ?? [];
  if (notes.length > INVESTIGATION_LIMITS.itemNotes)
    at('itemNotes', `holds ${notes.length} notes; at most ${INVESTIGATION_LIMITS.itemNotes}`);
  const seen = new Set<string>();
  notes.forEach((n, i) => {
    at(`itemNotes[${i}].id`, n.id === '' ? 'must not be empty' : idProblem(n.id));
    if (seen.has(n.id)) at(`itemNotes[${i}].id`, `"${n.id}" has two notes; keep one`);
    seen.add(n.id);
    at(
      `itemNotes[${i}].text`,
      n.text.trim() === '' ? 'must not be empty (delete the note instead)' : freeTextProblem(n.text),
    );
  });
  return problems;
}

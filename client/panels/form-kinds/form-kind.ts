// What every edit form's submission gets from the edit panel, and the small readers of its fields they share.
import type { Action } from '../../state/explorer-state.js';
import type { Change, FormValues } from '../../ui/edit-forms.js';

export type Result = { change: Change; warnings?: { path: string; message: string }[] };

export interface Submission {
  form: HTMLFormElement;
  data: FormData;
  /** Why, as the user wrote it (the panel has checked it is there). */
  reason: string;
  needsReview: boolean;
  /** What the form held when it opened, and the version of the record it was filled from. */
  opened: { values: FormValues; version: string | null };
  dispatch: (a: Action) => void;
  /** After a change: say what was done, redraw from the store. */
  done: (result: Result, extra?: string) => Promise<void>;
  /** The sources ticked, plus a new one written first when its title is filled in. */
  chosenSources: () => Promise<string[]>;
}

/** A form kind's submission: sends its mutation and calls `done`; an error it throws is shown on the form. */
export type SubmitForm = (s: Submission) => Promise<void>;

export const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
// A field the form does not send (disabled: a withheld value) is left out, so the server keeps it; an empty one is null, which removes it.
export const num = (data: FormData, name: string) =>
  !data.has(name) ? undefined : text(data, name) === '' ? null : Number(text(data, name));
export const yesNo = (data: FormData, name: string) =>
  !data.has(name) ? undefined : text(data, name) === '' ? null : text(data, name) === 'yes';

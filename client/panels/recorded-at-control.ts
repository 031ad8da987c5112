// "As recorded on": the moment whose store the view shows (UTC, to the second); "Now" returns to the store as it is.
// A banner over the graph says it while it is set, so that nobody takes a past store for today's.
import { isMoment, momentInWords } from '../../vocabulary/dates.js';
import type { Action } from '../state/explorer-state.js';
import { escapeHtml as h } from '../ui/escape-html.js';

/** What the datetime-local input holds (UTC, `YYYY-MM-DDTHH:MM[:SS]`) as a moment, or null when it is empty or no time. Pure. */
export function inputToMoment(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/.exec(value.trim());
  if (!m) return null;
  const text = `${m[1]}${m[2] ?? ':00'}Z`;
  return isMoment(text) ? new Date(Date.parse(text)).toISOString() : null;
}

/** A moment as the input shows it (UTC, to the second). Pure. */
export function momentToInput(moment: string): string {
  return new Date(Date.parse(moment)).toISOString().slice(0, 19);
}

/** The banner's words for a moment (HTML). Pure. */
export function recordedBannerHtml(moment: string): string {
  return `Evidence as recorded on <strong>${h(momentInWords(moment))}</strong>: later imports, edits and removals are left out. <button type="button" data-recorded-now>Show as recorded now</button>`;
}

export interface RecordedAtControl {
  sync(recordedAt: string | null): void;
}

export function mountRecordedAtControl(
  el: { form: HTMLFormElement; input: HTMLInputElement; now: HTMLButtonElement; banner: HTMLElement },
  dispatch: (a: Action) => void,
  status: { show(html: string, tone?: 'info' | 'warn' | 'error'): void },
): RecordedAtControl {
  el.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (el.input.value.trim() === '') {
      dispatch({ type: 'set-recorded-at', recordedAt: null });
      return;
    }
    const moment = inputToMoment(el.input.value);
    if (!moment) {
      status.show('Give the moment as a date and a time (UTC), or press Now for the store as it is.', 'warn');
      return;
    }
    // A moment still to come is the store as it is now.
    dispatch({ type: 'set-recorded-at', recordedAt: Date.parse(moment) >= Date.now() ? null : moment });
  });
  const now = () => dispatch({ type: 'set-recorded-at', recordedAt: null });
  el.now.addEventListener('click', now);
  el.banner.addEventListener('click', (ev) => {
    if ((ev.target as HTMLElement).closest('[data-recorded-now]')) now();
  });
  return {
    sync(recordedAt) {
      el.input.max = momentToInput(new Date().toISOString());
      el.input.value = recordedAt ? momentToInput(recordedAt) : '';
      el.now.disabled = recordedAt === null;
      el.banner.hidden = recordedAt === null;
      el.banner.innerHTML = recordedAt ? recordedBannerHtml(recordedAt) : '';
    },
  };
}

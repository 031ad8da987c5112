// The search box: suggestions as you type, arrow keys and Enter to choose, `/` to focus from anywhere.
import { graphql } from '../api/graphql-client.js';
import { SEARCH } from '../api/operations.js';
import { kindLook } from '../graph/roles.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { momentInWords } from '../../vocabulary/dates.js';
import { latestAnswerFor } from '../state/latest-answer.js';
import type { Action } from '../state/explorer-state.js';
import type { StatusLine } from './status-line.js';

export interface Suggestion {
  __typename: string;
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
}

export function mountSearchBox(
  input: HTMLInputElement,
  list: HTMLUListElement,
  status: StatusLine,
  dispatch: (a: Action) => void,
  /** The store's moment the explorer shows (a saved view's `recordedAt`): names are searched as they were then. */
  recordedAt: () => string | null = () => null,
): void {
  // A task opens its provenance, anything else its cascade.
  const choose = (s: Suggestion) =>
    dispatch({ type: 'open', view: s.__typename === 'Task' ? 'provenance' : 'cascade', root: s.id });
  let suggestions: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** An answer counts only for the text in the box when it arrives (not after the box was cleared or changed). */
  const ask = latestAnswerFor(() => input.value.trim());

  const show = () => {
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    list.innerHTML = suggestions
      .map(
        (s, i) =>
          `<li role="option" id="opt-${i}" data-i="${i}" aria-selected="${i === active}">${h(s.name)}<span class="kind">${h(kindLook(s.kind).label)}${s.aliases?.length ? ` · ${h(s.aliases.join(', '))}` : ''}</span></li>`,
      )
      .join('');
    if (active >= 0) input.setAttribute('aria-activedescendant', `opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const s = suggestions[i];
    if (!s) return;
    suggestions = [];
    show();
    input.value = s.name;
    choose(s);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === '') {
      suggestions = [];
      show();
      return;
    }
    timer = setTimeout(async () => {
      const at = recordedAt();
      try {
        const { value: data, latest } = await ask(
          graphql<{ search: Suggestion[] }>(SEARCH, { text, ...(at ? { recordedAt: at } : {}) }),
          text,
        );
        if (!latest) return; // the box holds other text now, or a newer search counted
        suggestions = data.search;
        active = suggestions.length ? 0 : -1;
        show();
        if (!suggestions.length)
          status.show(
            at
              ? `Nothing matched “${h(text)}” in the store as recorded on ${h(momentInWords(at))}. Try part of a name or an alias it had then, or show the store as recorded now.`
              : `Nothing matches “${h(text)}”. Try part of a name or an alias.`,
            'warn',
          );
        else status.show('');
      } catch (error) {
        status.error(error);
      }
    }, 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      active = Math.min(active + 1, suggestions.length - 1);
      show();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp') {
      active = Math.max(active - 1, 0);
      show();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      pick(active);
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      suggestions = [];
      show();
    }
  });
  list.addEventListener('mousedown', (ev) => {
    const li = (ev.target as HTMLElement).closest('li[data-i]') as HTMLElement | null;
    if (li) {
      ev.preventDefault();
      pick(Number(li.dataset.i));
    }
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== input) {
      ev.preventDefault();
      input.focus();
    }
  });
}

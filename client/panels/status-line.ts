// The status line: one message at a time, with its tone; and what to tell people about an error.
import { ApiError } from '../api/graphql-client.js';
import { escapeHtml as h } from '../ui/escape-html.js';

export type Tone = 'info' | 'warn' | 'error';

export interface StatusLine {
  /** `html` must already be escaped. */
  show(html: string, tone?: Tone): void;
  error(error: unknown): void;
}

/** A message for people: what went wrong and what to do. Pure. */
export function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'DATABASE_UNAVAILABLE')
      return 'The database is not answering. Check that Neo4j is running (npm start starts it), then try again.';
    if (error.code === 'NOT_FOUND') return `${h(error.message)}. Search for it by name above.`;
    if (error.code === 'QUERY_TIMEOUT')
      return 'That view is too large to compute in time. Lower the depth or filter it.';
    return h(error.message);
  }
  return 'Something went wrong in the page. Reload it; if it persists, report it.';
}

export function mountStatusLine(el: HTMLElement): StatusLine {
  const show = (html: string, tone: Tone = 'info') => {
    el.innerHTML = html ? `<span class="msg ${tone}">${html}</span>` : '';
  };
  return { show, error: (e) => show(explain(e), 'error') };
}

// The welcome page's starting points: one list, so that a dataset's entry points are added as one line each.
import { escapeHtml as h } from './escape-html.js';

export interface StartingPoint {
  /** The view it opens (provenance, cascade, …) and the record at its root. */
  view: 'provenance' | 'cascade';
  root: string;
  label: string;
  /** Where it comes from, shown beside it: a dataset and its source, or "fictional names". */
  from: string;
  /** The day the view opens on (YYYY-MM-DD), when the relations it shows held at another time than today. */
  asOf?: string;
}

export const STARTING_POINTS: readonly StartingPoint[] = [
  {
    view: 'provenance',
    root: 'ex-task-voice-transcription',
    label: 'Trace an illustrative task from its workers to its end customer',
    from: 'fictional names',
  },
  {
    view: 'cascade',
    root: 'ex-pool-mg-annotators',
    label: 'Who an illustrative Madagascar team works for',
    from: 'fictional names',
  },
  {
    view: 'cascade',
    root: 'pool-fr-on-international-platforms',
    label: 'Documented: providers in France on international platforms',
    from: 'DiPLab, Senate hearing, 16 Oct 2019',
  },
  {
    view: 'provenance',
    root: 'task-openai-toxicity-text-labelling',
    label: 'Documented: who labelled the texts that made ChatGPT less toxic (January 2022)',
    from: 'public reporting: TIME, 18 Jan 2023, and others',
    asOf: '2022-01-15',
  },
  {
    view: 'cascade',
    root: 'org-google',
    label: 'Documented: the raters behind Google Search, Bard and Gemini',
    from: 'public reporting: The Washington Post, WIRED and others',
  },
  {
    view: 'provenance',
    root: 'task-just-walk-out-video-review',
    label: 'Documented: people behind a checkout sold as automatic (Just Walk Out)',
    from: 'public reporting: Axios and The Information, Apr 2024',
  },
  {
    view: 'provenance',
    root: 'task-deep-labour-ai-projects',
    label: 'Documented: « travail profond » (deep labor), recruiting, contracting and execution split',
    from: 'DiPLab, Senate hearing, question 5; parties not named',
  },
];

/** The list items of the welcome page, escaped. Pure. */
export function startingPointsHtml(points: readonly StartingPoint[]): string {
  return points
    .map(
      (
        p,
      ) => `<li><button type="button" data-open="${h(`${p.view}:${p.root}`)}"${p.asOf ? ` data-as-of="${h(p.asOf)}"` : ''}>${h(p.label)}</button>
            <span class="muted small">(${h(p.from)})</span></li>`,
    )
    .join('');
}

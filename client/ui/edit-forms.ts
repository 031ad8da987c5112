// The editing forms as HTML, and what they need to know: which link types join two nodes, where an error belongs, a
// new record's id, a change's line in a history. Pure string builders and functions; edit-panel.ts wires them.
import {
  AI_USE_NAMES,
  DIRECTNESS,
  INTEREST_TYPES,
  LINK_TYPES,
  NODE_KINDS,
  ORGANIZATION_KIND_NAMES,
  SOURCE_TYPE_NAMES,
  TASK_KIND_NAMES,
  UNDISCLOSED_REASONS,
  type LinkType,
} from '../../vocabulary/index.js';
import { momentInWords } from '../../vocabulary/dates.js';
import type { FieldSpec } from '../../format/field-specs.js';
import type { GraphNode, Link, Source } from '../api/types.js';
import { otherLinkFieldSpecs } from './link-field-specs.js';
import type { ChangeFieldsFragment } from '../api/generated-operations.js';
import { escapeHtml as h } from './escape-html.js';

export type Change = ChangeFieldsFragment;
export interface FieldProblem {
  path: string;
  message: string;
}

/** The dataset section of a node kind: what the vocabulary's link rules are written in. */
export function sectionOfKind(kind: string): string {
  if ((ORGANIZATION_KIND_NAMES as readonly string[]).includes(kind)) return 'organizations';
  return { 'worker-pool': 'workerPools', task: 'tasks', 'ai-product': 'aiProducts' }[kind] ?? 'unknown';
}

/** The link types the vocabulary allows from a node of kind `from` to one of kind `to`, in its order. */
export function linkTypesBetween(from: string, to: string): LinkType[] {
  const [a, b] = [sectionOfKind(from), sectionOfKind(to)];
  return (Object.keys(LINK_TYPES) as LinkType[]).filter((t) => LINK_TYPES[t].from === a && LINK_TYPES[t].to === b);
}

/**
 * The server's problems by the form field they concern (`link.until` → `until`, `entity.taskKind` → `taskKind`,
 * `link.sources[0]` → `sources`); problems about no field of `argument` go under `''`.
 */
export function problemsByField(problems: FieldProblem[], argument: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const m = new RegExp(`^${argument}\\.(\\w+)`).exec(p.path);
    const field = m ? m[1]! : '';
    out.set(field, [...(out.get(field) ?? []), field ? p.message : `${p.path}: ${p.message}`]);
  }
  return out;
}

/** An id for a new record: a readable slug of its name and a random suffix, so two editors never collide. */
export function newRecordId(name: string, random: () => number = Math.random): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'record';
  return `cur-${slug}-${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
}

const options = (
  values: readonly string[],
  selected: string | null | undefined,
  label: (v: string) => string = (v) => v,
) => values.map((v) => `<option value="${h(v)}"${v === selected ? ' selected' : ''}>${h(label(v))}</option>`).join('');

/** A labelled input with the place its errors go (`aria-describedby`, so a screen reader reads them with the field). */
function field(name: string, label: string, control: string, hint = ''): string {
  return (
    `<div class="field" data-field="${name}"><label for="edit-${name}">${h(label)}</label>${control}` +
    `${hint ? `<span class="muted small">${h(hint)}</span>` : ''}<span class="field-error" id="edit-${name}-error" role="alert"></span></div>`
  );
}
const input = (name: string, value: unknown, type = 'text', extra = '') =>
  `<input id="edit-${name}" name="${name}" type="${type}" value="${value === null || value === undefined ? '' : h(String(value))}" aria-describedby="edit-${name}-error" ${extra}>`;
const select = (name: string, inner: string, extra = '') =>
  `<select id="edit-${name}" name="${name}" aria-describedby="edit-${name}-error" ${extra}>${inner}</select>`;

/** The reason and review fields every change ends with. */
function reasonFields(): string {
  return (
    field(
      'reason',
      'Why (kept in the history with your name)',
      `<textarea id="edit-reason" name="reason" rows="2" required aria-describedby="edit-reason-error"></textarea>`,
    ) +
    `<label class="check"><input type="checkbox" name="needsReview" id="edit-needsReview"> Ask an admin to review it before it is published</label>`
  );
}

function form(kind: string, title: string, body: string, submit: string): string {
  return (
    `<form class="edit-form" data-form="${kind}" novalidate><h2 id="edit-title">${h(title)}</h2>` +
    `<p class="form-error" role="alert"></p>${body}<div class="form-actions"><button type="submit">${h(submit)}</button>` +
    `<button type="button" data-close>Cancel</button></div></form>`
  );
}

export function signInHtml(): string {
  return form(
    'sign-in',
    'Sign in to edit',
    field(
      'token',
      'Your token',
      input('token', '', 'password', 'autocomplete="off" spellcheck="false"'),
      'As an admin printed it (deep-labour token create). Kept for this tab only.',
    ),
    'Sign in',
  );
}

export interface EntityDraft {
  id?: string;
  name?: string;
  kind?: string;
  country?: string | null;
  aliases?: string[] | null;
  size?: number | null;
  identifiers?: { scheme: string; id: string }[] | null;
  undisclosedReason?: string | null;
  taskKind?: string | null;
  unitPayEur?: number | null;
  minutesPerUnit?: number | null;
  marketedAsFullyAutomated?: boolean | null;
  note?: string | null;
  sources?: string[];
  /** Fields withheld to protect a small group: shown disabled and not sent, so the store keeps them. */
  withheld?: string[];
}

/** Adding (no id) or correcting an organisation, worker pool, task or AI product. */
export function entityFormHtml(draft: EntityDraft, sources: Source[]): string {
  const kinds = Object.keys(NODE_KINDS);
  const editing = Boolean(draft.id);
  const withheld = (name: string) =>
    draft.withheld?.includes(name) ? 'disabled placeholder="withheld: a small group; kept as it is"' : '';
  return form(
    'entity',
    editing ? `Correct ${draft.name ?? draft.id}` : 'Add an organisation, worker pool, task or AI product',
    (editing ? `<input type="hidden" name="id" value="${h(draft.id!)}">` : '') +
      field(
        'kind',
        'What it is',
        select(
          'kind',
          options(kinds, draft.kind ?? 'platform', (k) => NODE_KINDS[k as keyof typeof NODE_KINDS].label),
          editing ? 'disabled' : '',
        ),
      ) +
      field(
        'name',
        'Name',
        input('name', draft.name, 'text', 'required'),
        'A worker pool is a group: never name a person.',
      ) +
      field('country', 'Country (ISO code, e.g. FR)', input('country', draft.country, 'text', 'maxlength="2"')) +
      field('aliases', 'Also known as (organisations; separated by ;)', input('aliases', draft.aliases?.join('; '))) +
      field(
        'identifiers',
        'Identifiers (organisations; SCHEME:id separated by ;, e.g. LEI:…; FR-SIREN:…)',
        input('identifiers', draft.identifiers?.map((i) => `${i.scheme}:${i.id}`).join('; ')),
      ) +
      field(
        'undisclosedReason',
        'Why it is not disclosed (undisclosed parties)',
        select(
          'undisclosedReason',
          `<option value=""></option>${options(UNDISCLOSED_REASONS, draft.undisclosedReason)}`,
        ),
      ) +
      field(
        'size',
        'Workers (worker pools)',
        input('size', draft.size, 'number', `min="0" step="1" ${withheld('size')}`),
      ) +
      field(
        'taskKind',
        'Kind of work (tasks)',
        select('taskKind', `<option value=""></option>${options(TASK_KIND_NAMES, draft.taskKind)}`),
      ) +
      field(
        'unitPayEur',
        'Pay per unit, € (tasks)',
        input('unitPayEur', draft.unitPayEur, 'number', `min="0" step="any" ${withheld('unitPayEur')}`),
      ) +
      field(
        'minutesPerUnit',
        'Minutes per unit (tasks)',
        input('minutesPerUnit', draft.minutesPerUnit, 'number', 'min="0" step="any"'),
      ) +
      field(
        'marketedAsFullyAutomated',
        'Sold as fully automated (AI products)',
        select(
          'marketedAsFullyAutomated',
          options(
            ['', 'yes', 'no'],
            draft.marketedAsFullyAutomated == null ? '' : draft.marketedAsFullyAutomated ? 'yes' : 'no',
          ),
        ),
      ) +
      field(
        'note',
        'What the sources say, in your own words',
        `<textarea id="edit-note" name="note" rows="2" aria-describedby="edit-note-error">${h(draft.note ?? '')}</textarea>`,
      ) +
      sourceFields(draft.sources ?? [], sources) +
      reasonFields(),
    editing ? 'Save the correction' : 'Add it',
  );
}

/** What a source is found by in the picker's search box: its title, publisher and locator (records of one document differ by it), lower case. Pure. */
export function sourceSearchText(s: Pick<Source, 'title' | 'publisher'> & { locator?: string | null }): string {
  return `${s.title} ${s.publisher ?? ''} ${s.locator ?? ''}`.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word typed is in the source's title or publisher (any order); an empty query matches all. Pure. */
export function sourceMatches(searchText: string, query: string): boolean {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => searchText.includes(w));
}

/**
 * Attach existing sources, or a new one. The list scrolls and a search box filters it by title or publisher (hundreds of
 * sources stay usable); ticked sources always stay shown.
 */
function sourceFields(chosen: string[], sources: Source[]): string {
  const list = sources.length
    ? `<div class="source-search"><label for="edit-sourceFilter">Find a source by title, publisher or place in it</label>` +
      `<input id="edit-sourceFilter" type="search" autocomplete="off" aria-controls="edit-source-list" aria-describedby="edit-sourceFilter-count">` +
      `<span class="muted small" id="edit-sourceFilter-count" aria-live="polite">${sources.length} source${sources.length === 1 ? '' : 's'}</span></div>` +
      `<div class="source-list" id="edit-source-list">${sources
        .map(
          (s) =>
            `<label class="check" data-search="${h(sourceSearchText(s))}"><input type="checkbox" name="sources" value="${h(s.id)}"${chosen.includes(s.id) ? ' checked' : ''}> ${h(s.title)}` +
            `${s.publisher || s.date || s.locator ? ` <span class="muted small">(${h([s.publisher, s.date, s.locator].filter(Boolean).join(', '))})</span>` : ''}</label>`,
        )
        .join('')}</div>`
    : '<p class="muted small">No source on screen yet: add one below.</p>';
  return (
    `<fieldset class="field" data-field="sources"><legend>Sources</legend>${list}<span class="field-error" id="edit-sources-error" role="alert"></span>` +
    `<details><summary>Add a new source</summary>` +
    field('sourceTitle', 'Title', input('sourceTitle', '')) +
    field('sourceType', 'Type', select('sourceType', options(SOURCE_TYPE_NAMES, 'report'))) +
    field('sourceUrl', 'Web address', input('sourceUrl', '', 'url')) +
    field('sourceDate', 'Date (YYYY, YYYY-MM or YYYY-MM-DD)', input('sourceDate', '')) +
    field('sourcePublisher', 'Publisher', input('sourcePublisher', '')) +
    field('sourceLocator', 'Where in it (question, section, paragraph, page)', input('sourceLocator', '')) +
    field('sourceRetrievedOn', 'Retrieved on (YYYY-MM-DD), if you know it', input('sourceRetrievedOn', '')) +
    field('sourceArchiveUrl', 'Archived copy (web address), if there is one', input('sourceArchiveUrl', '', 'url')) +
    field(
      'sourceDocumentSha256',
      'SHA-256 of the document (as sha256sum prints it), if taken',
      input('sourceDocumentSha256', ''),
    ) +
    `</details><p class="muted small">Without a source the record is kept and shown as unsourced.</p></fieldset>`
  );
}

/** Drawing (no `link`) or correcting a link between two nodes on screen; the type offered follows the two ends. */
export function linkFormHtml(
  nodes: GraphNode[],
  link: Link | null,
  sources: Source[],
  ends: { from?: string | null; to?: string | null } = {},
): string {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name));
  const nodeOptions = (selected: string | null | undefined) =>
    `<option value=""></option>${sorted.map((n) => `<option value="${h(n.id)}"${n.id === selected ? ' selected' : ''}>${h(n.name)} (${h(NODE_KINDS[n.kind as keyof typeof NODE_KINDS]?.label ?? n.kind)})</option>`).join('')}`;
  const editing = link !== null;
  const from = link?.from ?? ends.from ?? null;
  const to = link?.to ?? ends.to ?? null;
  return form(
    'link',
    editing ? 'Correct this link' : 'Draw a link',
    (editing ? `<input type="hidden" name="id" value="${h(link.id)}">` : '') +
      field('from', 'From', select('from', nodeOptions(from), editing ? 'disabled' : '')) +
      field('to', 'To', select('to', nodeOptions(to), editing ? 'disabled' : '')) +
      field(
        'type',
        'Type',
        select(
          'type',
          link ? options([link.type], link.type, (t) => LINK_TYPES[t as LinkType]?.reads ?? t) : '',
          editing ? 'disabled' : '',
        ),
        editing ? '' : 'Only the types the vocabulary allows between the two ends are offered.',
      ) +
      field('since', 'Valid since (YYYY, YYYY-MM or YYYY-MM-DD)', input('since', link?.since)) +
      field('until', 'Valid until', input('until', link?.until)) +
      field(
        'disclosedToWorkers',
        'Known to the workers',
        select(
          'disclosedToWorkers',
          options(['', 'yes', 'no'], link?.disclosedToWorkers == null ? '' : link.disclosedToWorkers ? 'yes' : 'no'),
        ),
      ) +
      field(
        'pricePerUnitEur',
        'Price per unit, €',
        input('pricePerUnitEur', link?.pricePerUnitEur, 'number', 'min="0" step="any"'),
      ) +
      field(
        'use',
        'AI use (feeds links)',
        select('use', `<option value=""></option>${options(AI_USE_NAMES, link?.use)}`),
      ) +
      field(
        'confidence',
        'Confidence (below 1: a reading of the sources)',
        input('confidence', link?.confidence, 'number', 'min="0" max="1" step="0.05"'),
      ) +
      field(
        'note',
        'What the sources say',
        `<textarea id="edit-note" name="note" rows="2" aria-describedby="edit-note-error">${h(link?.note ?? '')}</textarea>`,
      ) +
      `<fieldset class="field control-fields" data-field="interests"><legend>Control (controlled by links)</legend>` +
      field(
        'interests',
        'How control is held (BODS interest types; Ctrl or Shift to choose several)',
        select('interests', options(INTEREST_TYPES, null), 'multiple size="4"').replace(
          /<option value="([^"]+)"/g,
          (m, v: string) => (link?.interests?.includes(v) ? `${m} selected` : m),
        ),
      ) +
      field(
        'shareMin',
        'Share held, at least (%)',
        input('shareMin', link?.shareMin, 'number', 'min="0" max="100" step="any"'),
      ) +
      field(
        'shareMax',
        'Share held, at most (%)',
        input('shareMax', link?.shareMax, 'number', 'min="0" max="100" step="any"'),
      ) +
      field(
        'directOrIndirect',
        'Direct or through others',
        select('directOrIndirect', `<option value=""></option>${options(DIRECTNESS, link?.directOrIndirect)}`),
      ) +
      '</fieldset>' +
      otherLinkInputs(link) +
      sourceFields(link?.sources.map((s) => s.id) ?? [], sources) +
      reasonFields(),
    editing ? 'Save the correction' : 'Draw it',
  );
}

/**
 * Inputs for the link fields the form does not lay out by hand, each from its spec in the schema (a choice for
 * enumerated values, yes/no for a boolean, a number within the schema's bounds, one value a line for a list, text
 * otherwise), labelled with the schema's title and hinted with its description. Pure.
 */
export function otherLinkInputs(link: Link | null, specs: readonly FieldSpec[] = otherLinkFieldSpecs()): string {
  return specs
    .map((f) => {
      const value = link ? (link as Record<string, unknown>)[f.name] : null;
      return field(f.name, f.label, specInput(f, value), f.description ?? '');
    })
    .join('');
}

function specInput(f: FieldSpec, value: unknown): string {
  if (f.shape === 'list' && f.values) {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    return select(
      f.name,
      f.values.map((v) => `<option value="${h(v)}"${chosen.includes(v) ? ' selected' : ''}>${h(v)}</option>`).join(''),
      `multiple size="${Math.min(f.values.length, 4)}"`,
    );
  }
  if (f.shape === 'list') {
    const lines = Array.isArray(value) ? value.map(String).join('\n') : '';
    return `<textarea id="edit-${f.name}" name="${f.name}" rows="2" aria-describedby="edit-${f.name}-error">${h(lines)}</textarea>`;
  }
  if (f.values) return select(f.name, `<option value=""></option>${options(f.values, value as string | null)}`);
  if (f.shape === 'boolean')
    return select(
      f.name,
      options(['', 'yes', 'no'], value === null || value === undefined ? '' : value ? 'yes' : 'no'),
    );
  if (f.shape === 'number') {
    const bounds = `${f.minimum !== null ? ` min="${f.minimum}"` : ''}${f.maximum !== null ? ` max="${f.maximum}"` : ''}`;
    return input(f.name, value, 'number', `step="any"${bounds}`);
  }
  return input(f.name, value);
}

export function typeOptionsHtml(types: LinkType[]): string {
  return types.length
    ? options(types, types[0], (t) => `${LINK_TYPES[t as LinkType].reads} (${t})`)
    : '<option value="">No link type joins these two kinds</option>';
}

export function retractFormHtml(id: string, name: string): string {
  return form(
    'retract',
    `Retract ${name}`,
    `<input type="hidden" name="id" value="${h(id)}">` +
      '<p>It leaves every view and verdict, in every dataset, and later imports leave it out; it stays in the history, and a revert brings it back.</p>' +
      reasonFields(),
    'Retract it',
  );
}

export function revertFormHtml(change: Change): string {
  return form(
    'revert',
    `${change.status === 'pending' ? 'Reject' : 'Revert'} ${change.id}`,
    `<input type="hidden" name="changeId" value="${h(change.id)}">` +
      `<p>${h(change.summary)} — ${h(change.author)}</p>` +
      field(
        'reason',
        'Why (kept in the history with your name)',
        `<textarea id="edit-reason" name="reason" rows="2" required aria-describedby="edit-reason-error"></textarea>`,
      ),
    change.status === 'pending' ? 'Reject it' : 'Revert it',
  );
}

export function acceptFormHtml(change: Change): string {
  return form(
    'accept',
    `Accept ${change.id}`,
    `<input type="hidden" name="changeId" value="${h(change.id)}">` +
      `<p>${h(change.summary)} — ${h(change.author)}${change.reason ? `: “${h(change.reason)}”` : ''}</p>` +
      field(
        'reason',
        'What you checked (kept in the history with your name)',
        `<textarea id="edit-reason" name="reason" rows="2" required aria-describedby="edit-reason-error"></textarea>`,
      ),
    'Accept and publish',
  );
}

const STATUS_WORDS: Record<string, string> = {
  applied: '',
  pending: 'waiting for review',
  accepted: 'reviewed and accepted',
  rejected: 'rejected',
  reverted: 'reverted',
};

/** One change as a line people read: when, who, what, why; with a revert button when allowed. */
export function changeHtml(c: Change, canRevert: boolean): string {
  const when = c.at.slice(0, 16).replace('T', ' ');
  const status = STATUS_WORDS[c.status] ? ` <span class="badge">${h(STATUS_WORDS[c.status]!)}</span>` : '';
  const revertable =
    canRevert &&
    (c.status === 'applied' || c.status === 'accepted') &&
    ['upsert', 'retract', 'revert'].includes(c.action);
  return (
    `<li><span class="muted small">${h(when)} UTC · ${h(c.id)}</span><br>${h(c.summary)}${status}<br><span class="small">by ${h(c.author)}` +
    `${c.dataset ? ` in ${h(c.dataset)}` : ''}${c.reason ? ` — “${h(c.reason)}”` : ''}</span>` +
    `${revertable ? ` <button type="button" class="link" data-edit="revert" data-change="${h(c.id)}">Revert</button>` : ''}</li>`
  );
}

/**
 * A record's history; in a view as recorded (`recordedAt`), the changes made by then, each with its review status then,
 * and no Revert (what was applied then may be reverted since: today's view shows it as it stands).
 */
export function historyHtml(changes: Change[], canRevert: boolean, recordedAt: string | null = null): string {
  const heading = recordedAt
    ? `<h3>History as recorded on ${h(momentInWords(recordedAt))}</h3><p class="muted small">Changes made since then show once the view is shown as recorded now.</p>`
    : '<h3>History</h3>';
  if (!changes.length)
    return `${heading}<p class="muted small">No change recorded ${recordedAt ? 'by then ' : ''}since it was imported.</p>`;
  return `${heading}<ol class="history">${changes.map((c) => changeHtml(c, canRevert && !recordedAt)).join('')}</ol>`;
}

/** The recent changes; for an admin, those waiting for review come first with Accept and Reject. */
export function changesHtml(changes: Change[], admin: boolean): string {
  const waiting = changes.filter((c) => c.status === 'pending');
  const rest = changes.filter((c) => c.status !== 'pending');
  const review = waiting
    .map(
      (c) =>
        `<li>${changeHtml(c, false).replace(/^<li>|<\/li>$/g, '')}<div class="form-actions">` +
        (admin
          ? `<button type="button" data-edit="accept" data-change="${h(c.id)}">Accept and publish</button>` +
            `<button type="button" data-edit="revert" data-change="${h(c.id)}">Reject</button>`
          : '<span class="muted small">An admin reviews it.</span>') +
        '</div></li>',
    )
    .join('');
  return (
    `<div class="edit-form"><h2 id="edit-title">Changes to the evidence</h2>` +
    (waiting.length ? `<h3>Waiting for review</h3><ol class="history">${review}</ol>` : '') +
    `<h3>Recent</h3>${rest.length ? `<ol class="history">${rest.map((c) => changeHtml(c, true)).join('')}</ol>` : '<p>No change yet.</p>'}` +
    '<div class="form-actions"><button type="button" data-close>Close</button></div></div>'
  );
}

/** A form's values by field name (checkboxes and multiple selects give several), as read when it opened and when sent. */
export type FormValues = Map<string, string>;

/** The values of a form's entries (`new FormData(form)`), by name. Pure. */
export function formValues(entries: Iterable<[string, unknown]>): FormValues {
  const all = new Map<string, string[]>();
  for (const [name, value] of entries) all.set(name, [...(all.get(name) ?? []), String(value)]);
  return new Map([...all].map(([name, values]) => [name, JSON.stringify(values)]));
}

/**
 * The fields of `input` the user changed since the form opened (a new source typed in changes `sources`), plus the
 * `keep` ones that say which record it is: a correction sends only those, so it never writes back a value someone else
 * changed in the meantime (and the server refuses it if the record changed since it was read). Pure.
 */
export function changedOnly<T extends Record<string, unknown>>(
  input: T,
  opened: FormValues,
  now: FormValues,
  keep: readonly string[],
): Partial<T> {
  const changed = new Set(
    [...new Set([...opened.keys(), ...now.keys()])].filter((name) => opened.get(name) !== now.get(name)),
  );
  if (changed.has('sourceTitle') && (now.get('sourceTitle') ?? '[""]') !== '[""]') changed.add('sources');
  return Object.fromEntries(
    Object.entries(input).filter(([key]) => keep.includes(key) || changed.has(key)),
  ) as Partial<T>;
}

/** A request for reply already recorded, as the form lists it. */
export interface ReplyChoice {
  id: string;
  summary: string;
  status: string;
}

/**
 * The right of reply for organisation `organization`: a new request (the day asked, the deadline, the claims it is
 * about) or the answer to one already recorded (its day, what it says, where to read it: that address becomes a source).
 */
export function replyFormHtml(
  organization: { id: string; name: string },
  claims: readonly { id: string; text: string }[],
  replies: readonly ReplyChoice[],
  today: string,
): string {
  const which = select(
    'request',
    `<option value="">A new request</option>${replies
      .map((r) => `<option value="${h(r.id)}">Answer to: ${h(r.summary)}</option>`)
      .join('')}`,
  );
  const claimBoxes = claims.length
    ? claims
        .map(
          (c) => `<label class="check"><input type="checkbox" name="claims" value="${h(c.id)}"> “${h(c.text)}”</label>`,
        )
        .join('')
    : '<p class="muted small">No claim by or about it is recorded.</p>';
  return form(
    'reply',
    `Right of reply: ${organization.name}`,
    `<input type="hidden" name="organization" value="${h(organization.id)}">` +
      field('request', 'Request', which, 'A new request, or the answer to one already recorded.') +
      `<fieldset class="field" data-field="claims"><legend>New request: about these claims</legend>${claimBoxes}<span class="field-error" id="edit-claims-error" role="alert"></span></fieldset>` +
      field('askedOn', 'New request: asked on', input('askedOn', today, 'date')) +
      field('deadline', 'New request: answer due by', input('deadline', '', 'date')) +
      field('answeredOn', 'Answered on (empty while none has come)', input('answeredOn', '', 'date')) +
      field(
        'answer',
        'What the answer says',
        `<textarea id="edit-answer" name="answer" rows="2" aria-describedby="edit-answer-error"></textarea>`,
      ) +
      field(
        'answerUrl',
        'Where to read the answer (web address)',
        input('answerUrl', '', 'url'),
        'It becomes a source, cited like any other.',
      ) +
      reasonFields(),
    'Record it',
  );
}

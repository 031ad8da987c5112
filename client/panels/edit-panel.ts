// Editing in the explorer: sign in with a token (kept for the tab), add and correct records, draw links, attach sources,
// retract, see a record's history and revert, and (admins) review. Every change goes through the API's mutations, each form
// kind in its own module (form-kinds/); the view is redrawn from the store afterwards, and errors are shown next to the field they concern.
import { ApiError, graphql } from '../api/graphql-client.js';
import { ENTITY, HISTORY, RECENT_CHANGES, RECORD_VERSION, REPLY_FORM_DATA, UPSERT_SOURCE } from '../api/operations.js';
import { ORGANIZATION_KIND_NAMES } from '../../vocabulary/index.js';
import type { Entity, GraphNode, Link, Source } from '../api/types.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { latestAnswerFor } from '../state/latest-answer.js';
import { createSignedIn } from '../state/signed-in.js';
import {
  replyFormHtml,
  acceptFormHtml,
  entityFormHtml,
  formValues,
  historyHtml,
  linkFormHtml,
  linkTypesBetween,
  newRecordId,
  problemsByField,
  retractFormHtml,
  changesHtml,
  revertFormHtml,
  signInHtml,
  sourceMatches,
  typeOptionsHtml,
  type Change,
  type EntityDraft,
  type FormValues,
} from '../ui/edit-forms.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import type { Scene } from '../views/scene.js';
import { FORM_KINDS, text, type Result } from './form-kinds/index.js';
import type { StatusLine } from './status-line.js';
import { explain } from './status-line.js';

export interface EditPanel {
  /** Shows the tools and history for what is selected. */
  show(state: ViewState, scene: Scene): void;
  /** Opens the sign-in form; `then` runs once signed in. */
  signIn(then?: () => void): void;
}

export interface EditElements {
  signIn: HTMLButtonElement;
  who: HTMLElement;
  add: HTMLButtonElement;
  addLink: HTMLButtonElement;
  review: HTMLButtonElement;
  dialog: HTMLDialogElement;
  tools: HTMLElement;
}

export function mountEditPanel(
  el: EditElements,
  dispatch: (a: Action) => void,
  current: () => { state: ViewState; scene: Scene },
  status: StatusLine,
  changed: () => Promise<void>,
  quiet: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): EditPanel {
  const auth = createSignedIn();
  let shownFor = '';
  let afterSignIn: (() => void) | null = null;
  const canEdit = auth.canEdit;

  const sync = () => {
    const caller = auth.caller();
    el.signIn.textContent = caller ? 'Sign out' : 'Sign in to edit';
    el.who.textContent = caller ? `${caller.name} (${caller.role})` : '';
    el.who.hidden = !caller;
    el.add.hidden = !canEdit();
    el.addLink.hidden = !canEdit();
    el.review.hidden = !canEdit();
    shownFor = '';
    const { state, scene } = current();
    panel.show(state, scene);
  };

  /** What a correction form held when it opened, and the version of the record it was filled from. */
  let opened: { values: FormValues; version: string | null } = { values: new Map(), version: null };
  const open = (html: string, version: string | null = null) => {
    el.dialog.innerHTML = html;
    const form = el.dialog.querySelector('form');
    opened = { values: form ? formValues(new FormData(form)) : new Map(), version };
    if (!el.dialog.open) el.dialog.showModal();
    el.dialog
      .querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea, button')
      ?.focus();
  };
  const close = () => {
    if (el.dialog.open) el.dialog.close();
    el.dialog.innerHTML = '';
  };

  /** Shows an API error next to the fields it names, the rest at the top of the form. */
  const showErrors = (form: HTMLFormElement, error: unknown, argument: string) => {
    form.querySelectorAll('.field-error').forEach((e) => {
      e.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const top = form.querySelector<HTMLElement>('.form-error')!;
    // Someone changed the record since the form opened: the message says what to do (reopen it), no field is wrong.
    if (!(error instanceof ApiError) || error.problems.length === 0 || error.code === 'CONFLICT') {
      top.innerHTML = explain(error);
      return;
    }
    const general: string[] = [];
    for (const [name, messages] of problemsByField(error.problems, argument)) {
      const slot = name ? form.querySelector<HTMLElement>(`#edit-${name}-error`) : null;
      if (slot) {
        slot.textContent = messages.join(' ');
        form.querySelector(`[name="${name}"]`)?.setAttribute('aria-invalid', 'true');
      } else general.push(...messages.map((m) => (name ? `${name}: ${m}` : m)));
    }
    top.textContent = general.length ? general.join(' ') : 'Nothing was saved: correct the fields marked below.';
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  /** After a change: say what was done (with the history's id), redraw from the store. */
  const done = async (result: Result, extra = '') => {
    close();
    const warnings = result.warnings?.length
      ? ` Warnings: ${result.warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}`
      : '';
    // Redraw first: drawing the scene writes its own status line, which this message follows.
    await changed();
    status.show(
      `${h(result.change.status === 'pending' ? 'Sent for review' : 'Saved')}: ${h(result.change.summary)} (${h(result.change.id)}).${h(extra)}${h(warnings)}`,
      warnings ? 'warn' : 'info',
    );
    shownFor = '';
    const { state, scene } = current();
    panel.show(state, scene);
  };

  const sourcesOnScreen = (): Source[] => {
    const seen = new Map<string, Source>();
    for (const e of current().scene.subgraph.edges) for (const s of e.sources) seen.set(s.id, s);
    return [...seen.values()].sort((a, b) => a.title.localeCompare(b.title));
  };

  /** The sources ticked, plus a new one written first when its title is filled in (its own change in the history). */
  const chosenSources = async (data: FormData, reason: string): Promise<string[]> => {
    const ids = data.getAll('sources').map(String);
    const title = text(data, 'sourceTitle');
    if (!title) return ids;
    const source = {
      id: newRecordId(title),
      title,
      type: text(data, 'sourceType'),
      url: text(data, 'sourceUrl') || null,
      date: text(data, 'sourceDate') || null,
      publisher: text(data, 'sourcePublisher') || null,
      locator: text(data, 'sourceLocator') || null,
      retrievedOn: text(data, 'sourceRetrievedOn') || null,
      archiveUrl: text(data, 'sourceArchiveUrl') || null,
      documentSha256: text(data, 'sourceDocumentSha256') || null,
    };
    try {
      await graphql(UPSERT_SOURCE, { source, reason, needsReview: false });
    } catch (e) {
      if (e instanceof ApiError)
        throw new ApiError(
          e.code,
          e.message,
          e.problems.map((p) => ({
            ...p,
            path: p.path.replace(/^source\.(\w)/, (_m, c: string) => `form.source${c.toUpperCase()}`),
          })),
        );
      throw e;
    }
    return [...ids, source.id];
  };

  async function submit(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const reason = text(data, 'reason');
    const needsReview = data.get('needsReview') === 'on';
    const kind = form.dataset.form;
    const argument = kind === 'entity' ? 'entity' : kind === 'link' ? 'link' : kind === 'reply' ? 'reply' : 'form';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled = true;
    try {
      if (kind === 'sign-in') {
        const me = await auth.signIn(text(data, 'token'));
        close();
        sync();
        status.show(
          `Signed in as ${h(me.name)} (${h(me.role)}).${me.role === 'reader' ? ' A reader token reads and saves investigations; ask an admin for an editor token to change the evidence.' : ''}`,
        );
        const then = afterSignIn;
        afterSignIn = null;
        then?.();
        return;
      }
      if (!reason && kind !== 'sign-in') {
        throw new ApiError(
          'BAD_USER_INPUT',
          'Say why',
          [
            {
              path: `${argument}.reason`,
              message: 'Say why: the history keeps it with your name, for whoever checks this later.',
            },
          ].map((p) => ({ ...p, path: `${argument}.reason` })),
        );
      }
      const submitKind = FORM_KINDS[kind ?? ''];
      if (!submitKind) throw new Error(`no edit form of kind "${kind}"`);
      // The form's writes and the redraw after them are this page's own: the store-version poll stays quiet meanwhile.
      await quiet(() =>
        submitKind({
          form,
          data,
          reason,
          needsReview,
          opened,
          dispatch,
          done,
          chosenSources: () => chosenSources(data, reason),
        }),
      );
    } catch (error) {
      showErrors(form, error, argument);
    } finally {
      const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
      if (button) button.disabled = false;
    }
  }

  /** Keeps the link form's type list to what the vocabulary allows between the two ends chosen. */
  const syncLinkTypes = (form: HTMLFormElement) => {
    const nodes = new Map(current().scene.subgraph.nodes.map((n) => [n.id, n]));
    const from = nodes.get(form.querySelector<HTMLSelectElement>('#edit-from')!.value);
    const to = nodes.get(form.querySelector<HTMLSelectElement>('#edit-to')!.value);
    const type = form.querySelector<HTMLSelectElement>('#edit-type')!;
    type.innerHTML =
      from && to
        ? typeOptionsHtml(linkTypesBetween(from.kind, to.kind))
        : '<option value="">Choose both ends first</option>';
    syncControl(form);
  };
  /** The control fields show only for a controlled-by link. */
  const syncControl = (form: HTMLFormElement) => {
    const fieldset = form.querySelector<HTMLElement>('.control-fields');
    if (fieldset) fieldset.hidden = form.querySelector<HTMLSelectElement>('#edit-type')?.value !== 'CONTROLLED_BY';
  };

  el.dialog.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit(ev.target as HTMLFormElement);
  });
  el.dialog.addEventListener('change', (ev) => {
    const target = ev.target as HTMLElement;
    const form = target.closest('form');
    if (form?.dataset.form === 'link' && (target.id === 'edit-from' || target.id === 'edit-to')) syncLinkTypes(form);
    if (form?.dataset.form === 'link' && target.id === 'edit-type') syncControl(form);
  });
  // The source picker's search box: shows the sources whose title or publisher hold every word typed (ticked ones stay).
  el.dialog.addEventListener('input', (ev) => {
    const box = ev.target as HTMLInputElement;
    if (box.id !== 'edit-sourceFilter') return;
    const labels = [...el.dialog.querySelectorAll<HTMLLabelElement>('#edit-source-list label[data-search]')];
    let shown = 0;
    for (const label of labels) {
      label.hidden =
        !label.querySelector<HTMLInputElement>('input')!.checked &&
        !sourceMatches(label.dataset.search ?? '', box.value);
      if (!label.hidden) shown += 1;
    }
    el.dialog.querySelector('#edit-sourceFilter-count')!.textContent = box.value.trim()
      ? `${shown} of ${labels.length} sources shown`
      : `${labels.length} source${labels.length === 1 ? '' : 's'}`;
  });
  // Enter in the search box filters; it does not send the form.
  el.dialog.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.target as HTMLElement).id === 'edit-sourceFilter') ev.preventDefault();
  });
  el.dialog.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest('[data-close]')) {
      close();
      return;
    }
    const button = target.closest<HTMLButtonElement>('button[data-edit]');
    if (button) void decide(button.dataset.edit!, button.dataset.change!);
  });
  el.dialog.addEventListener('close', () => {
    el.dialog.innerHTML = '';
  });

  let listed: Change[] = [];
  async function decide(what: string, changeId: string): Promise<void> {
    const change = listed.find((c) => c.id === changeId) ?? history.find((c) => c.id === changeId);
    if (!change) return;
    open(what === 'accept' ? acceptFormHtml(change) : revertFormHtml(change));
  }

  el.signIn.addEventListener('click', () => {
    if (auth.caller()) {
      auth.signOut();
      sync();
      status.show('Signed out.');
      return;
    }
    open(signInHtml());
  });
  el.add.addEventListener('click', () => open(entityFormHtml({}, sourcesOnScreen())));
  el.addLink.addEventListener('click', () => {
    const { state, scene } = current();
    const selected = scene.subgraph.nodes.find((n) => n.id === state.selected);
    open(linkFormHtml(scene.subgraph.nodes, null, sourcesOnScreen(), { from: selected?.id ?? null }));
    syncLinkTypes(el.dialog.querySelector('form')!);
  });
  el.review.addEventListener('click', async () => {
    try {
      const { changes } = await graphql<{ changes: { edges: { node: Change }[] } }>(RECENT_CHANGES);
      listed = changes.edges.map((e) => e.node);
      open(changesHtml(listed, auth.caller()?.role === 'admin'));
    } catch (error) {
      status.error(error);
    }
  });

  // The tools under the details: correct, retract, history and revert.
  let history: Change[] = [];
  /** An answer counts only for the selection when it arrives (client/state/latest-answer.ts). */
  const askHistory = latestAnswerFor(() => current().state.selected);
  el.tools.addEventListener('click', async (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-edit]');
    if (!button) return;
    const { state, scene } = current();
    const id = state.selected;
    if (!id) return;
    const link = scene.subgraph.edges.find((e) => e.id === id) as Link | undefined;
    const node = scene.subgraph.nodes.find((n) => n.id === id);
    try {
      switch (button.dataset.edit) {
        case 'correct': {
          // The version is read before the record: a change in between then shows as a conflict, never as lost.
          const version = await recordVersion(id);
          if (link) {
            open(linkFormHtml(scene.subgraph.nodes, link, sourcesOnScreen()), version);
            syncControl(el.dialog.querySelector('form')!);
          } else {
            const { entity } = await graphql<{ entity: Entity | null }>(ENTITY, { id });
            open(
              entityFormHtml(draftOf(entity, node), mergeSources(sourcesOnScreen(), entity?.sources ?? [])),
              version,
            );
          }
          break;
        }
        case 'retract':
          open(retractFormHtml(id, link ? 'this link' : (node?.name ?? id)), await recordVersion(id));
          break;
        case 'revert':
          void decide('revert', button.dataset.change!);
          break;
        case 'reply': {
          // The organisation's claims and the requests already put to it: a new request, or the answer to one.
          const data = await graphql<{
            claimPage: { edges: { node: { id: string; text: string } }[] };
            replies: { edges: { node: { id: string; status: string; summary: string } }[] };
          }>(REPLY_FORM_DATA, { id });
          open(
            replyFormHtml(
              { id, name: node?.name ?? id },
              data.claimPage.edges.map((e) => e.node),
              data.replies.edges.map((e) => e.node),
              new Date().toISOString().slice(0, 10),
            ),
          );
          break;
        }
      }
    } catch (error) {
      status.error(error);
    }
  });

  const panel: EditPanel = {
    signIn(then) {
      afterSignIn = then ?? null;
      open(signInHtml());
    },
    show(state) {
      const id = state.selected;
      const recordedAt = state.recordedAt;
      const key = JSON.stringify([id, auth.caller()?.role ?? null, recordedAt]);
      if (key === shownFor) return;
      shownFor = key;
      if (!id) {
        el.tools.innerHTML = '';
        return;
      }
      const kind = current().scene.subgraph.nodes.find((n) => n.id === id)?.kind ?? '';
      const isOrganization = (ORGANIZATION_KIND_NAMES as readonly string[]).includes(kind);
      const tools = canEdit()
        ? `<div class="form-actions"><button type="button" data-edit="correct">Correct…</button><button type="button" data-edit="retract">Retract…</button>${isOrganization ? '<button type="button" data-edit="reply">Right of reply…</button>' : ''}</div>`
        : '';
      el.tools.innerHTML = `${tools}<div class="history-list" aria-live="polite"><p class="muted small">Loading its history…</p></div>`;
      void (async () => {
        try {
          const { value, latest } = await askHistory(
            graphql<{ historyPage: { edges: { node: Change }[] } }>(HISTORY, { id, recordedAt }),
            id,
          );
          if (!latest) return;
          history = value.historyPage.edges.map((e) => e.node);
          el.tools.querySelector('.history-list')!.innerHTML = historyHtml(history, canEdit(), recordedAt);
        } catch (error) {
          if (current().state.selected === id)
            el.tools.querySelector('.history-list')!.innerHTML = `<p class="no-source">${explain(error)}</p>`;
        }
      })();
    },
  };

  // A token kept from earlier in this tab: check it is still good.
  if (auth.kept()) {
    void auth.restore().then((restored) => {
      sync();
      if (!restored) status.show('Your token is no longer valid; sign in again.', 'warn');
    });
  } else sync();
  return panel;
}

async function recordVersion(id: string): Promise<string> {
  return (await graphql<{ recordVersion: string }>(RECORD_VERSION, { id })).recordVersion;
}

function mergeSources(a: Source[], b: Source[]): Source[] {
  const seen = new Map([...a, ...b].map((s) => [s.id, s]));
  return [...seen.values()];
}

/** The form's starting values for a stored entity. */
function draftOf(entity: Entity | null, node: GraphNode | undefined): EntityDraft {
  if (!entity) return { id: node?.id ?? '', name: node?.name ?? '', kind: node?.kind ?? 'platform' };
  const base: EntityDraft = {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    note: entity.note,
    sources: entity.sources.map((s) => s.id),
  };
  switch (entity.__typename) {
    case 'Organization':
      return {
        ...base,
        country: entity.country,
        aliases: entity.aliases,
        identifiers: entity.identifiers,
        undisclosedReason: entity.undisclosedReason,
      };
    case 'WorkerPool':
      return { ...base, country: entity.country, size: entity.size, withheld: entity.sizeSuppressed ? ['size'] : [] };
    case 'Task':
      return {
        ...base,
        taskKind: entity.taskKind,
        unitPayEur: entity.unitPayEur,
        minutesPerUnit: entity.minutesPerUnit,
        withheld: entity.paySuppressed ? ['unitPayEur'] : [],
      };
    case 'AIProduct':
      return { ...base, marketedAsFullyAutomated: entity.marketedAsFullyAutomated };
  }
}

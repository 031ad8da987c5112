// Saved investigations in the explorer: notes on the investigation and on any node or link (a marker on the graph and
// in the details), saved on the server with the tab's token, reopened by URL (?investigation=ID), and a self-contained
// HTML report of what is on screen.
import { ApiError, graphql } from '../api/graphql-client.js';
import { ENTITY_SOURCES, INVESTIGATION, LEDGER_HEAD, REPORT_SCORECARD, SAVE_INVESTIGATION } from '../api/operations.js';
import type { InvestigationFieldsFragment, LedgerHeadQuery } from '../api/generated-operations.js';
import { sessionToken } from '../api/session.js';
import type { ClaimAudit, ScorecardPay, Source } from '../api/types.js';
import type { GraphCanvas } from '../graph/graph-canvas.js';
import type { Action, ViewState } from '../state/explorer-state.js';
import { decodeState, encodeState } from '../state/url-state.js';
import { escapeHtml as h } from '../ui/escape-html.js';
import { investigationReportHtml } from '../ui/investigation-report.js';
import { poolPayOf, type PoolPay } from '../ui/view-tables.js';
import { VIEW_IDS } from '../views/index.js';
import { timeVariables } from '../views/view.js';
import type { Scene } from '../views/scene.js';
import { download } from './download.js';
import type { StatusLine } from './status-line.js';
import { explain } from './status-line.js';
import { todayIso } from './time-slider.js';
import { momentInWords } from '../../vocabulary/dates.js';

type Investigation = InvestigationFieldsFragment;

/**
 * The view as saved or shared, both times pinned: a view of today is pinned to `moment`'s day (UTC), and of the store as
 * it is now to `moment`, so that whoever opens it later sees what its author saw, not the links of another day or what
 * was recorded since ("Today" and "Now" then show the newest). Pure.
 */
export function pinned(state: ViewState, moment: string): ViewState {
  return { ...state, asOf: state.asOf ?? moment.slice(0, 10), recordedAt: state.recordedAt ?? moment };
}

/** Both times of a view in words: "links valid on 2020-01-01, as recorded on 4 December 2026, 15:00:02 UTC". Pure. */
export function timesText(state: Pick<ViewState, 'asOf' | 'recordedAt'>): string {
  return `links valid on ${state.asOf ?? `today (${todayIso()})`}, ${state.recordedAt ? `as recorded on ${momentInWords(state.recordedAt)}` : 'as recorded now'}`;
}

/** What the save form says of the store's moment. Pure. */
function pinnedText(state: ViewState): string {
  return state.recordedAt
    ? `The evidence is kept as recorded on ${momentInWords(state.recordedAt)}.`
    : `The evidence is kept as recorded at the moment you save${state.asOf ? '' : ', and the links as valid today'}: whoever opens it later sees what you see now (Today and Now beside the date then show what changed since).`;
}

export interface InvestigationPanel {
  /** Shows the note of what is selected, and marks every noted element on the graph. */
  show(state: ViewState): void;
  /** Opens a saved investigation by id (from the URL). */
  open(id: string): Promise<void>;
}

export interface InvestigationElements {
  save: HTMLButtonElement;
  report: HTMLButtonElement;
  dialog: HTMLDialogElement;
  tools: HTMLElement;
  title: HTMLElement;
}

/** The most audits one report asks for (one request per organisation in view). */
const REPORT_AUDITS = 40;

export function mountInvestigationPanel(
  el: InvestigationElements,
  dispatch: (a: Action) => void,
  current: () => { state: ViewState; scene: Scene },
  canvas: GraphCanvas,
  status: StatusLine,
  signIn: () => void,
): InvestigationPanel {
  let saved: { id: string; owner: string } | null = null;
  let name = '';
  let notes = '';
  const itemNotes = new Map<string, string>();

  const close = () => {
    if (el.dialog.open) el.dialog.close();
  };
  const shareUrl = (id: string) => `${location.origin}/?investigation=${encodeURIComponent(id)}`;

  const mark = () => canvas.markNoted([...itemNotes.keys()]);
  /** The investigation's name, both times it was saved with, and its notes above the view, while one is open. */
  const showTitle = (title: string, view: ViewState) => {
    el.title.innerHTML = `Investigation: ${h(title)}<span class="muted small investigation-times"><br>Saved with ${h(timesText(view))}.</span>${notes.trim() ? `<span class="muted small investigation-notes"><br>${h(notes.trim()).replaceAll('\n', '<br>')}</span>` : ''}`;
    el.title.hidden = false;
  };

  const panel: InvestigationPanel = {
    show(state) {
      mark();
      const id = state.selected;
      if (!id) {
        el.tools.innerHTML = '';
        return;
      }
      const note = itemNotes.get(id);
      el.tools.innerHTML =
        `${note ? `<h3>Your note</h3><blockquote class="item-note">${h(note).replaceAll('\n', '<br>')}</blockquote>` : ''}` +
        `<div class="form-actions"><button type="button" data-note="${h(id)}">${note ? 'Edit the note…' : 'Add a note…'}</button></div>`;
    },
    async open(id) {
      if (!sessionToken()) {
        status.show('This link opens a saved investigation: sign in with your token to see it.', 'warn');
        signIn();
        return;
      }
      try {
        const { investigation } = await graphql<{ investigation: Investigation | null }>(INVESTIGATION, { id });
        if (!investigation) {
          status.show(
            `No saved investigation has id ${h(id)}: it may have been deleted. Ask whoever sent the link.`,
            'warn',
          );
          return;
        }
        saved = { id: investigation.id, owner: investigation.owner };
        name = investigation.name;
        notes = investigation.notes ?? '';
        itemNotes.clear();
        for (const n of investigation.itemNotes) itemNotes.set(n.id, n.text);
        const view = decodeState(investigation.view, VIEW_IDS);
        dispatch({ type: 'restore', state: view });
        showTitle(investigation.name, view);
        status.show(
          `Opened the investigation “${h(investigation.name)}” by ${h(investigation.owner)}, saved ${h(investigation.updatedAt.slice(0, 10))}: ${h(timesText(view))}.${notes ? ` Its notes: ${h(notes)}` : ''}`,
        );
        panel.show(current().state);
      } catch (error) {
        status.error(error);
      }
    },
  };

  function openSaveForm(): void {
    if (!sessionToken()) {
      status.show('Sign in with your token to save the investigation on the server.', 'warn');
      signIn();
      return;
    }
    el.dialog.innerHTML = `<form class="edit-form" data-form="investigation" novalidate><h2 id="investigation-title">${saved ? 'Save the investigation' : 'Save as an investigation'}</h2>
      <p class="form-error" role="alert"></p>
      <div class="field"><label for="inv-name">Name</label><input id="inv-name" name="name" required value="${h(name)}" aria-describedby="inv-name-error"><span class="field-error" id="inv-name-error" role="alert"></span></div>
      <div class="field"><label for="inv-notes">Notes</label><textarea id="inv-notes" name="notes" rows="5" aria-describedby="inv-notes-error">${h(notes)}</textarea><span class="field-error" id="inv-notes-error" role="alert"></span></div>
      <p class="muted small">Saved: this view as it is now (date, filters, expansions, selection, highlighted evidence) and ${itemNotes.size} note${itemNotes.size === 1 ? '' : 's'} on nodes and links. ${h(pinnedText(current().state))}</p>
      <div class="form-actions"><button type="submit">Save</button>${saved ? '<button type="button" data-save-as-new>Save as a new one</button>' : ''}<button type="button" data-close>Cancel</button></div></form>`;
    el.dialog.showModal();
    el.dialog.querySelector<HTMLInputElement>('#inv-name')!.focus();
  }

  async function save(form: HTMLFormElement, asNew: boolean): Promise<void> {
    const data = new FormData(form);
    name = String(data.get('name') ?? '').trim();
    notes = String(data.get('notes') ?? '');
    const view = pinned(current().state, new Date().toISOString());
    const investigation = {
      ...(saved && !asNew ? { id: saved.id } : {}),
      name,
      view: encodeState(view) || '?',
      notes: notes.trim() || null,
      itemNotes: [...itemNotes].map(([id, text]) => ({ id, text })),
    };
    try {
      const { saveInvestigation } = await graphql<{ saveInvestigation: Investigation }>(SAVE_INVESTIGATION, {
        investigation,
      });
      saved = { id: saveInvestigation.id, owner: saveInvestigation.owner };
      close();
      showTitle(saveInvestigation.name, view);
      const url = shareUrl(saveInvestigation.id);
      status.show(
        `Saved “${h(saveInvestigation.name)}”: ${h(timesText(view))}. Reopen it, or share it with a colleague who has a token: <a href="${h(url)}" id="investigation-link">${h(url)}</a>`,
      );
    } catch (error) {
      const top = form.querySelector<HTMLElement>('.form-error')!;
      top.innerHTML = explain(error);
      if (error instanceof ApiError) {
        for (const p of error.problems) {
          const slot = form.querySelector<HTMLElement>(`#inv-${p.path.replace('investigation.', '')}-error`);
          if (slot) slot.textContent = p.message;
        }
      }
    }
  }

  function openNoteForm(id: string): void {
    const note = itemNotes.get(id) ?? '';
    el.dialog.innerHTML = `<form class="edit-form" data-form="note" novalidate><h2 id="investigation-title">A note on this ${canvas.isEdge(id) ? 'link' : 'node'}</h2>
      <input type="hidden" name="id" value="${h(id)}">
      <div class="field"><label for="note-text">Note (empty: remove it)</label><textarea id="note-text" name="text" rows="4">${h(note)}</textarea></div>
      <p class="muted small">Kept with the investigation when you save it; shown as a purple ring on the graph.</p>
      <div class="form-actions"><button type="submit">Keep the note</button><button type="button" data-close>Cancel</button></div></form>`;
    el.dialog.showModal();
    el.dialog.querySelector<HTMLTextAreaElement>('#note-text')!.focus();
  }

  async function report(): Promise<void> {
    const { state, scene } = current();
    if (!state.root) {
      status.show('Open a view first: the report is of what is on screen.', 'warn');
      return;
    }
    status.show('Making the report…');
    try {
      // The evidence the report is read from, asked first: a reader can later ask whether it still holds.
      const { ledger } = await graphql<LedgerHeadQuery>(LEDGER_HEAD);
      const madeAt = new Date().toISOString();
      const shown = canvas.shown(scene.subgraph);
      const ids = shown.nodes.map((n) => n.id);
      const { entities } = await graphql<{ entities: ({ id: string; sources: Source[] } & Partial<PoolPay>)[] }>(
        ENTITY_SOURCES,
        { ids },
      );
      const organisations = shown.nodes
        .filter((n) => !['worker-pool', 'task', 'ai-product'].includes(n.kind))
        .slice(0, REPORT_AUDITS);
      const audits: ClaimAudit[] = [];
      const pay: { organization: string; pay: ScorecardPay }[] = [];
      for (const o of organisations) {
        const { scorecard } = await graphql<{ scorecard: { audits: ClaimAudit[]; pay: ScorecardPay } }>(
          REPORT_SCORECARD,
          { id: o.id, ...timeVariables(state) },
        );
        audits.push(...scorecard.audits);
        if (scorecard.pay.pools) pay.push({ organization: o.name, pay: scorecard.pay });
      }
      const unique = [...new Map(audits.map((a) => [a.claim.id, a])).values()];
      const picture = await new Promise<string>((done) => {
        const r = new FileReader();
        r.onload = () => done(String(r.result));
        r.readAsDataURL(canvas.png());
      });
      const html = investigationReportHtml({
        name: name || 'Deep Labour Explorer view',
        notes: notes.trim() || null,
        itemNotes,
        asOf: state.asOf ?? todayIso(),
        recordedAt: state.recordedAt,
        madeAt,
        ledger: ledger ?? null,
        title: document.getElementById('view-title')?.textContent ?? '',
        // A link to the view as it is now would show later evidence: it names the moment the report was made.
        url: saved ? shareUrl(saved.id) : `${location.origin}${location.pathname}${encodeState(pinned(state, madeAt))}`,
        picture,
        nodes: shown.nodes,
        edges: shown.edges,
        entitySources: new Map(entities.map((e) => [e.id, e.sources])),
        poolPay: poolPayOf(entities),
        audits: unique,
        pay,
      });
      const slug =
        (name || 'view')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'view';
      download(`investigation-${slug}.html`, new Blob([html], { type: 'text/html' }));
      status.show(
        `The report is downloaded: ${shown.nodes.length} entities, ${shown.edges.length} links, ${unique.length} claims judged${organisations.length === REPORT_AUDITS ? ` (the first ${REPORT_AUDITS} organisations' claims)` : ''}.`,
      );
    } catch (error) {
      status.error(error);
    }
  }

  el.save.addEventListener('click', openSaveForm);
  el.report.addEventListener('click', () => void report());
  el.tools.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-note]');
    if (button) openNoteForm(button.dataset.note!);
  });
  el.dialog.addEventListener('click', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.closest('[data-close]')) close();
    if (target.closest('[data-save-as-new]')) void save(target.closest('form')!, true);
  });
  el.dialog.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    if (form.dataset.form === 'investigation') {
      void save(form, false);
      return;
    }
    const data = new FormData(form);
    const id = String(data.get('id'));
    const text = String(data.get('text') ?? '').trim();
    if (text) itemNotes.set(id, text);
    else itemNotes.delete(id);
    close();
    panel.show(current().state);
    status.show(
      text
        ? `Note kept${saved ? '; save the investigation to keep it on the server' : '; save the investigation to keep it'}.`
        : 'Note removed.',
    );
  });
  return panel;
}

// HTML for the details panel: an entity, a link, a provenance summary. Pure string builders.
import type { FieldSpec } from '../../format/field-specs.js';
import { otherLinkFieldSpecs } from './link-field-specs.js';
import type { Entity, Link, Provenance, Source, ValueChain } from '../api/types.js';
import { formatEur } from '../graph/to-elements.js';
import { kindLook, linkLook } from '../graph/roles.js';
import { payCells } from './view-tables.js';
import { escapeHtml as h } from './escape-html.js';
import { payHtml } from './pay-html.js';
import { momentInWords } from '../../vocabulary/dates.js';

/** True for an absolute http(s) URL. */
export function isWebUrl(url: string | null): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function sourcesHtml(sources: Source[], what: string): string {
  if (sources.length === 0)
    return `<p class="no-source">No source is given for this ${h(what)}. Treat it as unverified.</p>`;
  const items = sources
    .map((s) => {
      // Only web addresses become links, whatever the store holds (data imported before validation refused the rest).
      const title = isWebUrl(s.url)
        ? `<a href="${h(s.url)}" target="_blank" rel="noopener noreferrer">${h(s.title)}</a>`
        : h(s.title);
      // Who published it and when, always said (a reviewer weighs a source by both), and where in it the facts are.
      const meta = [s.type, s.publisher ?? 'publisher not given', s.date ?? 'date not given']
        .filter(Boolean)
        .map(h)
        .join(' · ');
      const locator = s.locator ? `<br><span class="small locator">at: ${h(s.locator)}</span>` : '';
      return `<li>${title}${archivedCopy(s)}<br><span class="muted small">${meta}</span>${locator}${keptHtml(s)}</li>`;
    })
    .join('');
  return `<h3>Sources</h3><ol class="sources">${items}</ol>`;
}

/** The archived copy, next to the original: what a reader opens when the original has moved or gone. */
function archivedCopy(s: Source): string {
  if (!isWebUrl(s.archiveUrl ?? null)) return '';
  return ` <span class="small">(<a class="archived-copy" href="${h(s.archiveUrl!)}" target="_blank" rel="noopener noreferrer">archived copy</a>)</span>`;
}

/** When the document was retrieved and its SHA-256 (shortened; the whole digest in the tooltip, to compare with a copy). */
function keptHtml(s: Source): string {
  const parts = [
    s.retrievedOn ? `retrieved on ${h(s.retrievedOn)}` : '',
    s.documentSha256
      ? `<span class="document-hash" title="SHA-256 of the document as retrieved: ${h(s.documentSha256)}">SHA-256 ${h(s.documentSha256.slice(0, 12))}…</span>`
      : '',
  ].filter(Boolean);
  return parts.length ? `<br><span class="muted small kept">${parts.join(' · ')}</span>` : '';
}

function fields(rows: [string, unknown][]): string {
  const shown = rows.filter(
    ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return `<dl class="fields">${shown.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(Array.isArray(v) ? v.join(', ') : v)}</dd>`).join('')}</dl>`;
}

const WITHHELD_SIZE = 'withheld: a small group of workers, protected';

/** BODS's reasons for an undisclosed party, as people read them. */
const UNDISCLOSED_WORDS: Record<string, string> = {
  noBeneficialOwners: 'there is no beneficial owner to disclose',
  subjectUnableToConfirmOrIdentifyBeneficialOwner: 'the company could not confirm or identify who it is',
  interestedPartyHasNotProvidedInformation: 'the party did not provide the information',
  subjectExemptFromDisclosure: 'the company is exempt from disclosing it',
  interestedPartyExemptFromDisclosure: 'the party is exempt from disclosure',
  unknown: 'the reason is not known',
  informationUnknownToPublisher: 'the publisher of the data does not know it',
};
const WITHHELD_PAY = 'withheld: what a small group of workers is paid';

/** The fields each kind of entity has, in the order people read them. Pure. */
function entityFields(e: Entity): [string, unknown][] {
  switch (e.__typename) {
    case 'Organization':
      return [
        ['id', e.id],
        ['country', e.country],
        ['also known as', e.aliases],
        ['identifiers', e.identifiers.map((i) => `${i.scheme}: ${i.id}`)],
        [
          'why not disclosed',
          e.undisclosedReason ? (UNDISCLOSED_WORDS[e.undisclosedReason] ?? e.undisclosedReason) : null,
        ],
      ];
    case 'WorkerPool':
      return [
        ['id', e.id],
        ['country', e.country],
        ['workers', e.sizeSuppressed ? WITHHELD_SIZE : e.size],
      ];
    case 'Task': {
      const hourly =
        e.unitPayEur != null && e.minutesPerUnit
          ? `${formatEur((e.unitPayEur * 60) / e.minutesPerUnit)} an hour at the stated pace`
          : null;
      return [
        ['id', e.id],
        ['work', e.taskKind],
        ['pay per unit', e.paySuppressed ? WITHHELD_PAY : e.unitPayEur != null ? formatEur(e.unitPayEur) : null],
        ['minutes per unit', e.minutesPerUnit],
        ['hourly', hourly],
      ];
    }
    case 'AIProduct':
      return [
        ['id', e.id],
        [
          'sold as fully automated',
          e.marketedAsFullyAutomated == null ? null : e.marketedAsFullyAutomated ? 'yes' : 'no',
        ],
      ];
  }
}

/**
 * `connectTo`: the view's root, offered as the other end of a connections view; `recordedAt`: the moment the view reads
 * the store at (a saved view's), said under the name so that no one takes it for the entity as it is now.
 */
export function entityHtml(
  e: Entity,
  connectTo: { id: string; name: string } | null = null,
  recordedAt: string | null = null,
): string {
  const kindLabel = kindLook(e.kind).label;
  const actions: string[] = [
    `<button type="button" data-action="center" data-id="${h(e.id)}">Centre the view here</button>`,
  ];
  if (e.__typename === 'Task')
    actions.push(
      `<button type="button" data-action="provenance" data-id="${h(e.id)}">Trace provenance</button>`,
      `<button type="button" data-action="money-flow" data-id="${h(e.id)}">Where the money goes</button>`,
    );
  if (e.__typename === 'WorkerPool')
    actions.push(`<button type="button" data-action="who" data-id="${h(e.id)}">Who does it work for?</button>`);
  if (e.__typename === 'Organization')
    actions.push(`<button type="button" data-action="workforce" data-id="${h(e.id)}">Workforce behind it</button>`);
  if (connectTo && connectTo.id !== e.id) {
    actions.push(
      `<button type="button" data-action="connect" data-id="${h(e.id)}" data-root="${h(connectTo.id)}">How is it connected to ${h(connectTo.name)}?</button>`,
    );
  }
  return `<h2>${h(e.name)}</h2>
    <p><span class="badge">${h(kindLabel)}</span>${e.kind === 'undisclosed' ? '<span class="badge bad">identity hidden</span>' : ''}</p>
    ${recordedAt ? `<p class="recorded-note small">As the store recorded it on ${h(momentInWords(recordedAt))}: its name, figures and sources then${e.__typename === 'WorkerPool' ? ', and its pay reports; the reference wages they are compared with as they are now' : ''}.</p>` : ''}
    ${fields(entityFields(e))}
    ${e.note ? `<h3>What the sources say</h3><p class="entity-note">${h(e.note)}</p>` : ''}
    ${e.__typename === 'WorkerPool' ? '<p class="muted small">A group of workers, never an individual.</p>' : ''}
    ${e.__typename === 'WorkerPool' ? payHtml(e) : ''}
    <div class="actions">${actions.join('')}</div>
    ${sourcesHtml(e.sources, kindLabel.toLowerCase())}`;
}

export function linkHtml(link: Link, names: (id: string) => string): string {
  const reads = linkLook(link.type).label;
  const validity =
    link.since || link.until
      ? `valid ${link.since ? `from ${link.since}` : ''}${link.since && link.until ? ' ' : ''}${link.until ? `until ${link.until}` : ''}`
      : 'no dates: valid at every date';
  const disclosed =
    link.disclosedToWorkers === null ? null : link.disclosedToWorkers ? 'yes' : 'no — workers are not told';
  return `<h2>${h(names(link.from))} <span class="muted">${h(reads)}</span> ${h(names(link.to))}</h2>
    ${fields([
      ['link', link.type],
      ['validity', validity],
      ['disclosed to workers', disclosed],
      [
        'price per unit',
        link.priceSuppressed ? WITHHELD_PAY : link.pricePerUnitEur != null ? formatEur(link.pricePerUnitEur) : null,
      ],
      ['AI use', link.use],
      [
        'confidence',
        link.confidence != null
          ? `${Math.round(link.confidence * 100)}%${link.confidence < 1 ? ' — a reading of the sources, not stated in so many words' : ''}`
          : null,
      ],
      ['held through', link.interests?.length ? link.interests.join(', ') : null],
      ['share held', shareText(link.shareMin ?? null, link.shareMax ?? null)],
      ['direct or indirect', link.directOrIndirect ?? null],
      ...otherLinkFields(link),
      ['what the sources say', link.note],
      ['id', link.id],
    ])}
    ${sourcesHtml(link.sources, 'link')}`;
}

/** A value as a details row shows it: yes or no, a number in English digits, a list joined; null when absent. Pure. */
export function shownValue(v: unknown): string | null {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v.toLocaleString('en', { maximumFractionDigits: 6 });
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

/**
 * The link's fields this panel does not lay out by hand, labelled with the schema's title, in the schema's order: a
 * field added to the format (and selected by the explorer's fragment) is shown without code here. Pure.
 */
export function otherLinkFields(
  link: Link,
  specs: readonly FieldSpec[] = otherLinkFieldSpecs(),
): [string, string | null][] {
  return specs.map((f) => [f.label, shownValue((link as Record<string, unknown>)[f.name])]);
}

/** A share range in percent, as people read it: "51%", "25–50%", "at least 25%", "at most 10%". Pure. */
export function shareText(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null) return min === max ? `${min}%` : `${min}–${max}%`;
  return min !== null ? `at least ${min}%` : `at most ${max}%`;
}

/** Said under a share when other chains as short lead to the client: the one shown is one of them. Pure. */
export function asShortNote(chainsAsShort: number): string {
  return chainsAsShort > 1
    ? `<p class="muted small" data-as-short="${chainsAsShort}">One of ${chainsAsShort} chains as short to the client (the first by link id); another may give another share.</p>`
    : '';
}

export function provenanceHtml(p: Provenance, chains: ValueChain[]): string {
  const names = (xs: { name: string }[]) =>
    xs.length ? xs.map((x) => h(x.name)).join(', ') : '<span class="muted">none known</span>';
  const shares = chains
    .map((c) => {
      const share = c.paySuppressed
        ? '<p class="muted">Withheld: this is a small group of workers, whose pay is not shown.</p>'
        : c.workerShare === null
          ? `<p class="muted">Unknown: ${c.clientPricePerUnitEur === null ? "the client's price is not documented" : "the workers' pay is not documented"}.</p>`
          : `<p><span class="share">${formatEur(c.workerShare)}</span> of each €1 the client pays reaches these workers
         (${formatEur(c.workerPayPerUnitEur!)} of ${formatEur(c.clientPricePerUnitEur!)} a unit, through ${c.hops.length} subcontracting hop${c.hops.length === 1 ? '' : 's'}).</p>${asShortNote(c.chainsAsShort)}`;
      return `<h3>${h(c.workerPool.name)}</h3>${share}`;
    })
    .join('');
  const pay = p.workerPools
    .map((pool) => {
      const { pay: reported, minimum } = payCells('worker-pool', pool);
      const body =
        pool.paySuppressed || !pool.pay.length
          ? `<span class="muted">${h(reported)}</span>`
          : `${h(reported)}<br><span class="small">Against the legal minimum: ${h(minimum)}</span>`;
      return `<dt>${h(pool.name)}</dt><dd data-pool-pay="${h(pool.id)}">${body}</dd>`;
    })
    .join('');
  return `<h2>Provenance of “${h(p.task.name)}”</h2>
    <p>${
      p.roleSplit
        ? '<span class="badge bad">roles split</span> recruiting, contracting and execution are done by different companies'
        : '<span class="badge good">one company</span> recruits, contracts and hosts the work'
    }</p>
    <p><span class="badge">${p.depth} organisation${p.depth === 1 ? '' : 's'} deep</span>
       <span class="badge ${p.undisclosedHops ? 'bad' : 'good'}">${p.undisclosedHops} undisclosed hop${p.undisclosedHops === 1 ? '' : 's'}</span></p>
    <dl class="fields"><dt>worker pools</dt><dd>${names(p.workerPools)}</dd>
      <dt>executed on</dt><dd>${names(p.executionPlatforms)}</dd>
      <dt>client</dt><dd>${names(p.clients)}</dd>
      <dt>end customer</dt><dd>${names(p.endCustomers)}</dd>
      <dt>feeds</dt><dd>${p.aiProducts.length ? p.aiProducts.map((a) => `${h(a.product.name)} (${h(a.use)}${a.owner ? `, owned by ${h(a.owner.name)}` : ''})`).join('; ') : '<span class="muted">no AI product known</span>'}</dd></dl>
    <h3>What the workers are paid</h3>${pay ? `<dl class="fields pool-pay">${pay}</dl>` : '<p class="muted">No worker pool is known for this task.</p>'}
    <h3>How much of the client's euro reaches the worker</h3>${shares || '<p class="muted">No worker pool is known for this task.</p>'}`;
}

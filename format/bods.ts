// BODS 0.4 (Open Ownership's Beneficial Ownership Data Standard), both ways, for ownership and control between
// organisations. Pure.
//
// Out: every organisation is an entity statement (an undisclosed one an anonymousEntity, or an unknownEntity when the
// reason is that nothing is known, with its unspecifiedEntityDetails), every CONTROLLED_BY link a relationship
// statement (subject: the controlled organisation; interested party: the controller), its interests, share range,
// directness and dates. Labour links are not ownership and are not written.
// In: the latest statement of each record wins; entities become organisations (anonymous and unknown ones undisclosed,
// with the reason); person statements are skipped and counted (this tool never models individuals); an unspecified
// interested party becomes an undisclosed organisation with the reason; an indirect relationship without its
// components gets an undisclosed intermediate; a closed record ends its link at the closing statement's date.
import { parseJsonRecords } from './json-records.js';
import { endOfDate, startOfDate } from '../vocabulary/dates.js';
import { isPartialDate } from './partial-date.js';
import { DIRECTNESS, INTEREST_TYPES, ORGANIZATION_KIND_NAMES, UNDISCLOSED_REASONS } from '../vocabulary/index.js';
import { FORMAT, type Dataset, type Source, type SourceType } from './model.js';
import { ftmId } from './ftm.js';

export type Statement = Record<string, unknown> & {
  statementId: string;
  recordId: string;
  recordType: string;
  statementDate: string;
  recordDetails: Record<string, unknown>;
};

const SOURCE_TO_BODS: Record<SourceType, string> = {
  registry: 'officialRegister',
  'self-declaration': 'selfDeclaration',
  'terms-of-service': 'selfDeclaration',
  interview: 'primaryResearch',
  report: 'thirdParty',
  hearing: 'thirdParty',
  press: 'thirdParty',
  other: 'thirdParty',
};
const BODS_TO_SOURCE: Record<string, SourceType> = {
  officialRegister: 'registry',
  selfDeclaration: 'self-declaration',
  primaryResearch: 'interview',
  thirdParty: 'other',
  verified: 'registry',
};

const countryName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};
/** A statement id BODS accepts (32 to 64 characters), stable for the same record and version. */
const statementId = (kind: string, id: string, version: string) => `${ftmId(kind, `${id}@${version}`).slice(3)}-dl`;

/** The dataset's organisations and CONTROLLED_BY links as BODS 0.4 statements, declared on `date` (YYYY-MM-DD). */
export function datasetToBods(d: Dataset, date: string): Statement[] {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const publicationDetails = { publicationDate: date, bodsVersion: '0.4', publisher: { name: 'Deep Labour Explorer' } };
  const sourceOf = (ids: string[] | undefined) => {
    const cited = (ids ?? []).map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
    if (!cited.length) return undefined;
    // BODS's source has one URL and one retrieval time: those of the first cited source with a URL (else the first).
    // retrievedAt is a full day or a time, so a retrieval known only to the month or year is not written. BODS has no
    // field for where in a document the facts are (the locator follows the title in the description), for an
    // archived copy or for the document's hash (neither is written).
    const main = cited.find((s) => s.url) ?? cited[0]!;
    return {
      type: [...new Set(cited.map((s) => SOURCE_TO_BODS[s.type]))],
      description: cited.map((s) => (s.locator ? `${s.title} (${s.locator})` : s.title)).join('; '),
      ...(main.url ? { url: main.url } : {}),
      ...(main.retrievedOn && /^\d{4}-\d{2}-\d{2}$/.test(main.retrievedOn) ? { retrievedAt: main.retrievedOn } : {}),
    };
  };
  const out: Statement[] = [];
  for (const o of d.organizations) {
    const undisclosed = o.kind === 'undisclosed';
    const source = sourceOf(o.sources);
    out.push({
      statementId: statementId('entity', o.id, date),
      statementDate: date,
      publicationDetails,
      ...(source ? { source } : {}),
      // What the sources state about it: a BODS annotation commenting on the whole statement.
      ...(o.note
        ? { annotations: [{ statementPointerTarget: '/recordDetails', motivation: 'commenting', description: o.note }] }
        : {}),
      declarationSubject: o.id,
      recordId: o.id,
      recordType: 'entity',
      recordStatus: 'new',
      recordDetails: {
        isComponent: false,
        entityType: {
          type: undisclosed
            ? o.undisclosedReason === 'informationUnknownToPublisher' || o.undisclosedReason === 'unknown'
              ? 'unknownEntity'
              : 'anonymousEntity'
            : 'registeredEntity',
          details: `deep-labour kind: ${o.kind}`,
        },
        ...(undisclosed
          ? { unspecifiedEntityDetails: { reason: o.undisclosedReason ?? 'unknown', description: o.name } }
          : {}),
        name: o.name,
        ...(o.aliases?.length ? { alternateNames: o.aliases } : {}),
        ...(o.country ? { jurisdiction: { name: countryName(o.country), code: o.country } } : {}),
        ...(o.identifiers?.length ? { identifiers: o.identifiers.map((i) => ({ id: i.id, scheme: i.scheme })) } : {}),
      },
    });
  }
  for (const l of d.links.filter((x) => x.type === 'CONTROLLED_BY')) {
    const share =
      l.shareMin !== undefined && l.shareMin === l.shareMax
        ? { exact: l.shareMin }
        : {
            ...(l.shareMin !== undefined ? { minimum: l.shareMin } : {}),
            ...(l.shareMax !== undefined ? { maximum: l.shareMax } : {}),
          };
    const source = sourceOf(l.sources);
    out.push({
      statementId: statementId('relationship', l.id, date),
      statementDate: date,
      publicationDetails,
      ...(source ? { source } : {}),
      declarationSubject: l.from,
      recordId: l.id,
      recordType: 'relationship',
      recordStatus: 'new',
      recordDetails: {
        isComponent: false,
        subject: l.from,
        interestedParty: l.to,
        interests: (l.interests?.length ? l.interests : ['unknownInterest']).map((type) => ({
          type,
          directOrIndirect: l.directOrIndirect ?? 'unknown',
          beneficialOwnershipOrControl: false,
          ...(Object.keys(share).length ? { share } : {}),
          ...(l.since ? { startDate: startOfDate(l.since) } : {}),
          ...(l.until ? { endDate: endOfDate(l.until) } : {}),
        })),
      },
    });
  }
  return out;
}

export interface BodsImport {
  doc: Record<string, unknown>;
  skippedPeople: number;
  /** What could not be read, with why: said, and left out. */
  notes: string[];
}

type Item = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const dateOf = (v: unknown) => {
  const t = text(v)?.slice(0, 10);
  return t && isPartialDate(t) ? t : undefined;
};

/** The statement's commenting annotations' descriptions, one paragraph each (how our export writes a note). */
function commentOf(s: Statement): string | undefined {
  const notes = (Array.isArray(s.annotations) ? (s.annotations as Item[]) : [])
    .filter((a) => a.motivation === 'commenting')
    .map((a) => text(a.description))
    .filter((d) => d !== undefined);
  return notes.length ? notes.join('\n\n') : undefined;
}

/** The kind we wrote in `entityType.details` ("deep-labour kind: vendor"), when the statement is ours. */
function ownKind(r: Item): string | undefined {
  const m = /^deep-labour kind: ([a-z-]+)$/.exec(String((r.entityType as Item | undefined)?.details ?? ''));
  return m && (ORGANIZATION_KIND_NAMES as readonly string[]).includes(m[1]!) && m[1] !== 'undisclosed'
    ? m[1]
    : undefined;
}

/** BODS 0.4 statements (in any order) as a deep-labour/v1 document, still to be validated like any other. */
export function bodsToDataset(
  statements: Statement[],
  options: { id: string; name: string; kinds?: Record<string, string>; defaultKind?: string },
): BodsImport {
  const notes: string[] = [];
  // The latest statement of each record wins (by statement date; later in the file on a tie).
  const latest = new Map<string, { s: Statement; closedAt?: string }>();
  statements.forEach((s) => {
    const before = latest.get(s.recordId);
    if (!before || String(s.statementDate) >= String(before.s.statementDate))
      latest.set(s.recordId, { s, ...(s.recordStatus === 'closed' ? { closedAt: dateOf(s.statementDate) } : {}) });
  });
  const organizations: Item[] = [];
  const links: Item[] = [];
  const sources = new Map<string, Item>();
  const people = new Set<string>();
  let skippedPeople = 0;
  const sourceOf = (s: Statement): string[] => {
    const src = s.source as Item | undefined;
    if (!src) return [];
    const types = Array.isArray(src.type) ? src.type.map(String) : [];
    const title = text(src.description) ?? text(src.url) ?? `BODS statement ${s.statementId}`;
    const id = ftmId('bods-source', JSON.stringify([types, title, src.url ?? null])).slice(3, 23);
    if (!sources.has(id)) {
      sources.set(id, {
        id: `bods-${id}`,
        title: title.split('\n')[0]!.slice(0, 300),
        type: BODS_TO_SOURCE[types.find((t) => t !== 'verified') ?? types[0] ?? ''] ?? 'other',
        ...(text(src.url) && /^https?:\/\//.test(String(src.url)) ? { url: src.url } : {}),
        // When the information was retrieved, not when the document was published.
        ...(dateOf(src.retrievedAt) ? { retrievedOn: dateOf(src.retrievedAt) } : {}),
      });
    }
    return [`bods-${id}`];
  };
  for (const { s } of latest.values()) {
    if (s.recordType === 'person') {
      people.add(s.recordId);
      skippedPeople += 1;
      continue;
    }
    if (s.recordType !== 'entity') continue;
    const r = s.recordDetails;
    const type = String((r.entityType as Item | undefined)?.type ?? '');
    const unspecified = r.unspecifiedEntityDetails as Item | undefined;
    const undisclosed = type === 'anonymousEntity' || type === 'unknownEntity';
    const reason = text(unspecified?.reason);
    const code = text((r.jurisdiction as Item | undefined)?.code);
    const identifiers = (Array.isArray(r.identifiers) ? (r.identifiers as Item[]) : [])
      .filter((i) => text(i.scheme) && text(i.id))
      .map((i) => ({ scheme: String(i.scheme).toUpperCase(), id: String(i.id).replace(/\s+/g, '') }));
    organizations.push(
      Object.fromEntries(
        Object.entries({
          id: s.recordId,
          name:
            text(r.name) ??
            (undisclosed ? `Undisclosed party (${reason ?? 'no reason given'})` : `Unnamed entity ${s.recordId}`),
          kind: undisclosed
            ? 'undisclosed'
            : (ownKind(r) ?? options.kinds?.[s.recordId] ?? options.defaultKind ?? 'other'),
          country: code && /^[A-Z]{2}$/.test(code) ? code : undefined,
          aliases:
            Array.isArray(r.alternateNames) && r.alternateNames.length ? r.alternateNames.map(String) : undefined,
          identifiers: identifiers.length ? identifiers : undefined,
          undisclosedReason: undisclosed
            ? (UNDISCLOSED_REASONS as readonly string[]).includes(reason ?? '')
              ? reason
              : 'unknown'
            : undefined,
          note: commentOf(s),
          sources: sourceOf(s),
        }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
      ),
    );
  }
  const components = new Set<string>();
  for (const { s } of latest.values())
    for (const c of (s.recordDetails.componentRecords as string[] | undefined) ?? []) components.add(c);
  for (const { s, closedAt } of latest.values()) {
    if (s.recordType !== 'relationship') continue;
    const r = s.recordDetails;
    const subject = typeof r.subject === 'string' ? r.subject : null;
    if (!subject) {
      notes.push(`relationship ${s.recordId}: its subject is not specified; left out`);
      continue;
    }
    let party = typeof r.interestedParty === 'string' ? r.interestedParty : null;
    if (party && people.has(party)) {
      notes.push(
        `relationship ${s.recordId}: its interested party is a person; left out (this tool never models individuals)`,
      );
      continue;
    }
    if (!party) {
      const reason = text((r.interestedParty as Item | undefined)?.reason);
      party = `${s.recordId}-unspecified`;
      organizations.push({
        id: party,
        name: `Unspecified party (${reason ?? 'no reason given'})`,
        kind: 'undisclosed',
        undisclosedReason: (UNDISCLOSED_REASONS as readonly string[]).includes(reason ?? '') ? reason : 'unknown',
        sources: sourceOf(s),
      });
    }
    const interests = Array.isArray(r.interests) ? (r.interests as Item[]) : [];
    const types = [
      ...new Set(interests.map((i) => String(i.type)).filter((t) => (INTEREST_TYPES as readonly string[]).includes(t))),
    ];
    const direct =
      interests
        .map((i) => String(i.directOrIndirect ?? 'unknown'))
        .find((d) => (DIRECTNESS as readonly string[]).includes(d)) ?? 'unknown';
    const share = interests.map((i) => i.share as Item | undefined).find((x) => x);
    const pct = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 100 ? v : undefined);
    const given = [
      share?.exact,
      share?.minimum,
      share?.maximum,
      share?.exclusiveMinimum,
      share?.exclusiveMaximum,
    ].filter((v) => v !== undefined);
    if (given.some((v) => pct(v) === undefined))
      notes.push(
        `relationship ${s.recordId}: share ${JSON.stringify(share)} is not a percentage from 0 to 100; the share is left out`,
      );
    const shareMin = pct(share?.exact) ?? pct(share?.minimum) ?? pct(share?.exclusiveMinimum);
    const shareMax = pct(share?.exact) ?? pct(share?.maximum) ?? pct(share?.exclusiveMaximum);
    const starts = interests
      .map((i) => dateOf(i.startDate))
      .filter((x): x is string => x !== undefined)
      .sort();
    const ends = interests.map((i) => dateOf(i.endDate));
    const until = closedAt ?? (ends.length && ends.every((e) => e) ? (ends as string[]).sort().at(-1) : undefined);
    const base = {
      type: 'CONTROLLED_BY',
      ...(types.length ? { interests: types } : {}),
      ...(shareMin !== undefined ? { shareMin } : {}),
      ...(shareMax !== undefined ? { shareMax } : {}),
      ...(starts[0] ? { since: starts[0] } : {}),
      ...(until ? { until } : {}),
      sources: sourceOf(s),
    };
    const hasComponents = Array.isArray(r.componentRecords) && r.componentRecords.length > 0;
    if (hasComponents && !components.has(s.recordId)) {
      // The components say the chain link by link; the primary relationship would count it twice.
      continue;
    }
    if (direct === 'indirect' && !hasComponents && !components.has(s.recordId)) {
      const middle = `${s.recordId}-intermediate`;
      organizations.push({
        id: middle,
        name: 'Undisclosed intermediate (an indirect interest with no component given)',
        kind: 'undisclosed',
        undisclosedReason: 'informationUnknownToPublisher',
        sources: sourceOf(s),
      });
      links.push({ ...base, id: `${s.recordId}-1`, from: subject, to: middle, directOrIndirect: 'unknown' });
      links.push({ ...base, id: `${s.recordId}-2`, from: middle, to: party, directOrIndirect: 'unknown' });
      continue;
    }
    links.push({ ...base, id: s.recordId, from: subject, to: party, directOrIndirect: direct });
  }
  return {
    doc: { format: FORMAT, id: options.id, name: options.name, sources: [...sources.values()], organizations, links },
    skippedPeople,
    notes,
  };
}

/** BODS statements from text: a JSON array, or one statement per line. Null when it is not BODS. */
export function parseBods(text: string): Statement[] | null {
  const isStatement = (v: unknown): v is Statement =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Statement).statementId === 'string' &&
    typeof (v as Statement).recordType === 'string' &&
    typeof (v as Statement).recordId === 'string' &&
    typeof (v as Statement).recordDetails === 'object';
  return parseJsonRecords(text, isStatement);
}

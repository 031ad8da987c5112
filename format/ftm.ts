// FollowTheMoney (FtM), the entity model of Aleph and OpenSanctions, both ways. Pure.
//
// Out: organisations are Company (Organization when undisclosed), worker pools Organization (a group, never a Person),
// tasks Project, AI products Asset, sources Document, claims Note; links are the interval schemata that fit (Ownership,
// ProjectParticipant) or UnknownLink, with role "deep-labour:<TYPE>", startDate/endDate and description. An entity's
// note is FtM's `notes` (every Thing has it). Entity sources are also Documentation entities, so FtM tools see them.
// A source's retrieval date is Document's `retrievedAt`. What FtM has no property for (kinds, confidence, disclosure,
// price, use, claims' parties and parameters, a source's locator: Document has no field for where in it the facts are;
// its archived copy: Document has no such URL; its document's SHA-256: `contentHash` is the SHA-1 of the file Aleph
// holds; our ids) is kept as JSON in `summary`, which FtM allows on every schema used: export → import gives the same dataset.
// In: our own files come back exactly; foreign FtM data maps by schema, Person entities are skipped and counted (we
// never model individuals), other unmapped schemata are reported and skipped.
// Pure and free of Node's modules: the explorer's export menu uses it too.
import {
  datasetSlug,
  FORMAT,
  LINK_TYPE_NAMES,
  SECTION_FIELDS,
  type Dataset,
  type Link,
  type LinkType,
  type OrganizationKind,
} from './model.js';
import { parseJsonRecords } from './json-records.js';

/** The FtM version the schemata and properties used here are checked against (npm @alephdata/followthemoney). */
export const FTM_VERSION = '3.8.4';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const MARK = 'deep-labour/v1 ';
type Extra = Record<string, unknown>;

/**
 * A stable FtM id for one of our records: a hash (64-bit FNV-1a, twice with different seeds), as our ids may hold
 * characters FtM ids should not (link keys hold ":" and ">").
 */
export function ftmId(kind: string, id: string): string {
  const text = `${kind}:${id}`;
  const fnv = (seed: bigint) => {
    let hash = seed;
    for (const byte of new TextEncoder().encode(text))
      hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return hash.toString(16).padStart(16, '0');
  };
  return `dl-${fnv(0xcbf29ce484222325n)}${fnv(0x84222325cbf29ce4n)}`;
}

const summary = (extra: Extra) => [MARK + JSON.stringify(extra)];
/** The link fields FtM has a property for; every other field of a link travels in its summary. */
const LINK_FTM_PROPERTY = { since: 'startDate', until: 'endDate', note: 'description' } as const;
const some = (v: string | undefined | null): string[] => (v === undefined || v === null || v === '' ? [] : [v]);

/** Schemata for link types where FtM has a fitting one; every other type is an UnknownLink. */
const LINK_SCHEMA: Partial<Record<LinkType, { schema: string; from: string; to: string }>> = {
  OWNED_BY: { schema: 'Ownership', from: 'asset', to: 'owner' },
  CONTROLLED_BY: { schema: 'Ownership', from: 'asset', to: 'owner' },
  PERFORMED_BY: { schema: 'ProjectParticipant', from: 'project', to: 'participant' },
  EXECUTED_ON: { schema: 'ProjectParticipant', from: 'project', to: 'participant' },
  ORDERED_BY: { schema: 'ProjectParticipant', from: 'project', to: 'participant' },
};

/** A dataset as FtM entities, in a stable order: sources, entities, their documentation, links, claims. */
export function datasetToFtm(d: Dataset): FtmEntity[] {
  const out: FtmEntity[] = [];
  const entity = (id: string, schema: string, properties: Record<string, string[]>) => {
    out.push({
      id,
      schema,
      properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length > 0)),
    });
  };
  const refs = new Map<string, string>();
  for (const s of d.sources) {
    const id = ftmId('source', s.id);
    refs.set(s.id, id);
    entity(id, 'Document', {
      name: [s.title],
      title: [s.title],
      fileName: [s.id],
      sourceUrl: some(s.url),
      publisher: some(s.publisher),
      publishedAt: some(s.date),
      retrievedAt: some(s.retrievedOn),
      summary: summary({
        dataset: d.id,
        section: 'sources',
        id: s.id,
        type: s.type,
        locator: s.locator,
        archiveUrl: s.archiveUrl,
        documentSha256: s.documentSha256,
      }),
    });
  }
  const documented: [string, string][] = [];
  const things: [string, { id: string; sources?: string[] }][] = [];
  for (const o of d.organizations) {
    const id = ftmId('entity', o.id);
    refs.set(o.id, id);
    things.push([id, o]);
    const scheme = (s: string) => (o.identifiers ?? []).filter((i) => i.scheme === s).map((i) => i.id);
    entity(id, o.kind === 'undisclosed' ? 'Organization' : 'Company', {
      name: [o.name],
      alias: o.aliases ?? [],
      country: some(o.country?.toLowerCase()),
      leiCode: scheme('LEI'),
      wikidataId: scheme('WIKIDATA'),
      notes: some(o.note),
      summary: summary({
        section: 'organizations',
        id: o.id,
        kind: o.kind,
        identifiers: o.identifiers,
        undisclosedReason: o.undisclosedReason,
        sources: o.sources ?? [],
      }),
    });
  }
  for (const p of d.workerPools) {
    const id = ftmId('entity', p.id);
    refs.set(p.id, id);
    things.push([id, p]);
    entity(id, 'Organization', {
      name: [p.name],
      country: some(p.country?.toLowerCase()),
      description: ['A group of workers (a deep-labour worker pool), never an individual.'],
      notes: some(p.note),
      summary: summary({ section: 'workerPools', id: p.id, size: p.size, sources: p.sources ?? [] }),
    });
  }
  for (const t of d.tasks) {
    const id = ftmId('entity', t.id);
    refs.set(t.id, id);
    things.push([id, t]);
    entity(id, 'Project', {
      name: [t.name],
      notes: some(t.note),
      summary: summary({
        section: 'tasks',
        id: t.id,
        kind: t.kind,
        unitPayEur: t.unitPayEur,
        minutesPerUnit: t.minutesPerUnit,
        sources: t.sources ?? [],
      }),
    });
  }
  for (const a of d.aiProducts) {
    const id = ftmId('entity', a.id);
    refs.set(a.id, id);
    things.push([id, a]);
    entity(id, 'Asset', {
      name: [a.name],
      notes: some(a.note),
      summary: summary({
        section: 'aiProducts',
        id: a.id,
        marketedAsFullyAutomated: a.marketedAsFullyAutomated,
        sources: a.sources ?? [],
      }),
    });
  }
  for (const [id, item] of things) for (const s of item.sources ?? []) documented.push([id, s]);
  for (const [thing, source] of documented) {
    entity(ftmId('documentation', `${thing}:${source}`), 'Documentation', {
      document: [refs.get(source)!],
      entity: [thing],
      role: ['deep-labour:source'],
    });
  }
  for (const l of d.links) {
    const fit = LINK_SCHEMA[l.type] ?? { schema: 'UnknownLink', from: 'subject', to: 'object' };
    entity(ftmId('link', `${l.type}:${l.id}`), fit.schema, {
      [fit.from]: [refs.get(l.from)!],
      [fit.to]: [refs.get(l.to)!],
      role: [`deep-labour:${l.type}`],
      startDate: some(l.since),
      endDate: some(l.until),
      description: some(l.note),
      percentage: l.shareMin !== undefined && l.shareMin === l.shareMax ? [String(l.shareMin)] : [],
      // Every field FtM has no property for, as the schema lists them: a new link field travels without a line here.
      summary: summary({
        section: 'links',
        ...Object.fromEntries(
          SECTION_FIELDS.links.filter((f) => !(f in LINK_FTM_PROPERTY)).map((f) => [f, (l as unknown as Extra)[f]]),
        ),
        sources: l.sources ?? [],
      }),
    });
  }
  for (const c of d.claims) {
    entity(ftmId('claim', c.id), 'Note', {
      name: [c.text.split('\n')[0]!.slice(0, 200)],
      description: [c.text],
      entity: [refs.get(c.subject)!],
      summary: summary({
        section: 'claims',
        id: c.id,
        by: c.by,
        subject: c.subject,
        kind: c.kind,
        text: c.text,
        date: c.date,
        params: c.params,
        note: c.note,
        sources: c.sources ?? [],
      }),
    });
  }
  return out;
}

export interface FtmImport {
  /** A deep-labour/v1 document, still to be validated like any other. */
  doc: Record<string, unknown>;
  /** Person entities left out: this tool never models individuals. */
  skippedPeople: number;
  /** Entities of schemata with no mapping, by schema: left out. */
  unmapped: Record<string, number>;
}

export interface FtmImportOptions {
  /** The dataset's id and name (from the file name when absent). */
  id: string;
  name: string;
  /** The organisation kind of each foreign Company or Organization, by FtM id; default `defaultKind`. */
  kinds?: Record<string, string>;
  defaultKind?: OrganizationKind;
}

const ORG_SCHEMATA = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);
const SOURCE_SCHEMATA = new Set([
  'Document',
  'Article',
  'Pages',
  'Page',
  'PlainText',
  'HyperText',
  'Image',
  'Video',
  'Audio',
  'Email',
  'Message',
  'Table',
  'Workbook',
  'Package',
  'Folder',
]);

/** The JSON we keep in `summary`, if the entity carries it. */
function extraOf(e: FtmEntity): Extra | null {
  const text = e.properties.summary?.find((s) => s.startsWith(MARK));
  if (!text) return null;
  try {
    return JSON.parse(text.slice(MARK.length)) as Extra;
  } catch {
    return null;
  }
}

const first = (e: FtmEntity, prop: string): string | undefined => e.properties[prop]?.[0];
const defined = (o: Extra): Extra =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  );

/** FtM entities as a deep-labour/v1 document (to validate), with what was left out. */
export function ftmToDataset(entities: FtmEntity[], options: FtmImportOptions): FtmImport {
  const doc = {
    format: FORMAT,
    id: options.id,
    name: options.name,
    sources: [] as Extra[],
    organizations: [] as Extra[],
    workerPools: [] as Extra[],
    tasks: [] as Extra[],
    aiProducts: [] as Extra[],
    links: [] as Extra[],
    claims: [] as Extra[],
  };
  let skippedPeople = 0;
  const unmapped: Record<string, number> = {};
  const skip = (schema: string) => {
    unmapped[schema] = (unmapped[schema] ?? 0) + 1;
  };
  // Our ids for FtM ids: ours when the entity carries them, else the FtM id itself.
  const ours = new Map<string, string>();
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  for (const e of entities) ours.set(e.id, String(extraOf(e)?.id ?? e.id));
  const idOf = (ftm: string | undefined) => (ftm === undefined ? '' : (ours.get(ftm) ?? ftm));
  const bySection = new Map<string, Extra>();
  const keep = (section: keyof typeof doc, item: Extra, ftm: string) => {
    (doc[section] as Extra[]).push(item);
    bySection.set(ftm, item);
  };

  for (const e of entities) {
    const x = extraOf(e);
    const name = first(e, 'name') ?? first(e, 'title') ?? first(e, 'fileName') ?? e.id;
    const country = first(e, 'country')?.toUpperCase();
    if (e.schema === 'Person') {
      skippedPeople += 1;
      continue;
    }
    if (SOURCE_SCHEMATA.has(e.schema)) {
      keep(
        'sources',
        defined({
          id: idOf(e.id),
          title: first(e, 'title') ?? name,
          type: x?.type ?? 'other',
          url: first(e, 'sourceUrl'),
          date: first(e, 'publishedAt') ?? first(e, 'date'),
          publisher: first(e, 'publisher'),
          locator: typeof x?.locator === 'string' ? x.locator : undefined,
          // FtM dates may carry a time: the day is what deep-labour/v1 keeps.
          retrievedOn: first(e, 'retrievedAt')?.match(/^\d{4}(-\d{2}){0,2}/)?.[0],
          archiveUrl: typeof x?.archiveUrl === 'string' ? x.archiveUrl : undefined,
          documentSha256: typeof x?.documentSha256 === 'string' ? x.documentSha256 : undefined,
        }),
        e.id,
      );
    } else if (ORG_SCHEMATA.has(e.schema) && x?.section === 'workerPools') {
      keep(
        'workerPools',
        defined({ id: idOf(e.id), name, country, size: x.size, note: first(e, 'notes'), sources: x.sources }),
        e.id,
      );
    } else if (ORG_SCHEMATA.has(e.schema)) {
      const kind = x?.kind ?? options.kinds?.[e.id] ?? options.defaultKind ?? 'other';
      // Ours carry every identifier in their JSON; a foreign entity's LEI and Wikidata id are the schemes FtM names.
      const identifiers = x
        ? x.identifiers
        : [
            ...(e.properties.leiCode ?? []).map((id) => ({ scheme: 'LEI', id })),
            ...(e.properties.wikidataId ?? []).map((id) => ({ scheme: 'WIKIDATA', id })),
          ];
      keep(
        'organizations',
        defined({
          id: idOf(e.id),
          name,
          kind,
          country,
          aliases: e.properties.alias,
          identifiers,
          undisclosedReason: x?.undisclosedReason,
          note: first(e, 'notes'),
          sources: x?.sources,
        }),
        e.id,
      );
    } else if (e.schema === 'Project') {
      keep(
        'tasks',
        defined({
          id: idOf(e.id),
          name,
          kind: x?.kind ?? 'other',
          unitPayEur: x?.unitPayEur,
          minutesPerUnit: x?.minutesPerUnit,
          note: first(e, 'notes'),
          sources: x?.sources,
        }),
        e.id,
      );
    } else if (e.schema === 'Asset') {
      keep(
        'aiProducts',
        defined({
          id: idOf(e.id),
          name,
          marketedAsFullyAutomated: x?.marketedAsFullyAutomated,
          note: first(e, 'notes'),
          sources: x?.sources,
        }),
        e.id,
      );
    } else if (e.schema === 'Note' && x?.section === 'claims') {
      keep(
        'claims',
        defined({
          id: x.id,
          by: x.by,
          subject: x.subject,
          kind: x.kind,
          text: x.text ?? first(e, 'description'),
          date: x.date,
          params: x.params,
          note: x.note,
          sources: x.sources,
        }),
        e.id,
      );
    } else if (
      x?.section === 'links' &&
      typeof x.type === 'string' &&
      (LINK_TYPE_NAMES as readonly string[]).includes(x.type)
    ) {
      keep(
        'links',
        defined(
          Object.fromEntries(
            SECTION_FIELDS.links.map((f) => {
              const property = LINK_FTM_PROPERTY[f as keyof typeof LINK_FTM_PROPERTY];
              return [f, property ? first(e, property) : x[f]];
            }),
          ),
        ),
        e.id,
      );
    } else if (e.schema === 'Documentation') {
      // Ours repeat the sources the entities carry; a foreign one cites a document for an entity (below, once all are read).
    } else if (e.schema === 'Ownership' && !x) {
      // An owned company is controlled by its owner; any other owned asset (a product) is owned by it.
      const asset = schemaOf.get(first(e, 'asset') ?? '');
      const share = Number(first(e, 'percentage'));
      keep(
        'links',
        asset && ORG_SCHEMATA.has(asset)
          ? defined({
              type: 'CONTROLLED_BY' satisfies Link['type'],
              from: idOf(first(e, 'asset')),
              to: idOf(first(e, 'owner')),
              since: first(e, 'startDate'),
              until: first(e, 'endDate'),
              interests: ['shareholding'],
              shareMin: Number.isFinite(share) && first(e, 'percentage') ? share : undefined,
              shareMax: Number.isFinite(share) && first(e, 'percentage') ? share : undefined,
            })
          : defined({
              type: 'OWNED_BY' satisfies Link['type'],
              from: idOf(first(e, 'asset')),
              to: idOf(first(e, 'owner')),
              since: first(e, 'startDate'),
              until: first(e, 'endDate'),
            }),
        e.id,
      );
    } else {
      skip(e.schema);
    }
  }
  // Foreign Documentation: the document becomes a source of the entity it documents.
  for (const e of entities) {
    if (e.schema !== 'Documentation' || first(e, 'role')?.startsWith('deep-labour:')) continue;
    const target = bySection.get(first(e, 'entity') ?? '');
    const source = idOf(first(e, 'document'));
    if (!target || !source) {
      skip('Documentation');
      continue;
    }
    target.sources = [...new Set([...((target.sources as string[] | undefined) ?? []), source])];
  }
  return { doc, skippedPeople, unmapped };
}

/** Reads FtM entities from text: one JSON object per line (FtM's usual form), or a JSON array. Null when it is not FtM. */
export function parseFtm(text: string): FtmEntity[] | null {
  const isEntity = (v: unknown): v is FtmEntity =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FtmEntity).id === 'string' &&
    typeof (v as FtmEntity).schema === 'string' &&
    typeof (v as FtmEntity).properties === 'object';
  return parseJsonRecords(text, isEntity);
}

/**
 * A dataset id and name for an FtM or BODS file, from its file name and its format: `ownership.ftm.json` and
 * `ownership.bods.json` become `ownership-ftm` and `ownership-bods`, two datasets, so that importing one never replaces
 * the other (an import replaces the earlier version of the dataset with the same id). Pure.
 */
export function ftmDatasetName(path: string, format: 'ftm' | 'bods' = 'ftm'): { id: string; name: string } {
  const base = path
    .split('/')
    .pop()!
    .replace(/\.(ftm\.|bods\.)?json(l)?$/i, '')
    .replace(/\.(ftm|bods)$/i, '');
  return { id: `${datasetSlug(base)}-${format}`, name: base };
}

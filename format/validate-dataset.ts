// Checks a parsed deep-labour/v1 document in full and says, by JSON path, everything that is wrong: its shape by the JSON
// Schema (schema-problems.ts), here only what a schema cannot say: references between records, duplicates, conflicts, date order, small groups.
import { endOfDate, startOfDate } from '../vocabulary/dates.js';
import {
  ENTITY_SECTIONS,
  FORMAT,
  OPTIONAL_SECTIONS,
  datasetSlug,
  LINK_TYPES,
  SECTION_FIELDS,
  linkKey,
  type Dataset,
  type EntitySection,
  type LinkType,
} from './model.js';
import { INTEREST_TYPES } from '../vocabulary/index.js';
import { freeTextProblem, idProblem, nameProblem, urlProblem } from './safe-text.js';
import { isCountryCode, isPartialDate } from './partial-date.js';
import { schemaFields, schemaProblems, type Problem } from './schema-problems.js';

export type { Problem };

export type Validation =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

type Json = Record<string, unknown>;

const FIELDS: Record<string, readonly string[]> = SECTION_FIELDS;
// `ledger` is an export's head (docs/dataset-format.md): known, and ignored on import.
const TOP_FIELDS = ['format', 'id', 'name', 'description', 'ledger', ...Object.keys(FIELDS)];
const SECTIONS = ['sources', ...Object.keys(ENTITY_SECTIONS), 'links', 'claims', ...OPTIONAL_SECTIONS];

export { endOfDate, isCountryCode, isPartialDate, startOfDate };

/**
 * Validates a whole document. Never throws on bad input: every problem found is listed, so one run
 * tells a data collector all that must be fixed. Unknown fields are kept out and reported as warnings.
 */
export interface ValidateOptions {
  minPoolSize?: number;
  /**
   * Records outside the document that it may refer to (id → section, e.g. "organizations"): a curated dataset's
   * links and claims may name the store's records. A file is self-contained and passes none.
   */
  external?: ReadonlyMap<string, string>;
}

/** The ids a document refers to (link ends, claim parties, cited sources), defined in it or not. Pure. */
export function referencedIds(doc: Partial<Dataset>): string[] {
  const ids = new Set<string>();
  const cite = (item: { sources?: string[] }) => item.sources?.forEach((s) => ids.add(s));
  for (const section of ['organizations', 'workerPools', 'tasks', 'aiProducts'] as const)
    (doc[section] ?? []).forEach(cite);
  for (const l of doc.links ?? []) {
    ids.add(l.from);
    ids.add(l.to);
    cite(l);
  }
  for (const c of doc.claims ?? []) {
    ids.add(c.by);
    ids.add(c.subject);
    cite(c);
  }
  for (const p of doc.payReports ?? []) {
    ids.add(p.pool);
    if (p.task !== undefined) ids.add(p.task);
    cite(p);
  }
  for (const r of [...(doc.wageReferences ?? []), ...(doc.exchangeRates ?? [])]) cite(r);
  for (const r of doc.replies ?? []) {
    ids.add(r.organization);
    r.claims?.forEach((c) => ids.add(c));
    r.links?.forEach((l) => ids.add(l));
    if (r.answerSource !== undefined) ids.add(r.answerSource);
  }
  return [...ids].filter((id) => typeof id === 'string');
}

export function validateDataset(doc: unknown, options: ValidateOptions = {}): Validation {
  const warnings: Problem[] = [];
  if (!isObject(doc)) return { ok: false, problems: schemaProblems(doc), warnings };
  // Each problem's place in the list: the document's own fields, duplicate ids, then record by record in the order of
  // the schema's fields (the schema's finding before ours on one field), then unsafe text.
  const ranked: { key: number[]; problem: Problem }[] = [];
  const rank = (path: string, stage: number, origin: number) => {
    const m = /^([A-Za-z]+)(?:\[(\d+)\](?:\.([A-Za-z]+)(?:\[(\d+)\])?)?)?/.exec(path);
    const section = m?.[1] ?? '';
    const s = SECTIONS.indexOf(section);
    if (stage !== 2 || s === -1) return [stage, 0, 0, 0, 0, origin];
    const f = m?.[3] === undefined ? -1 : FIELD_ORDER[section]!.indexOf(m[3]);
    return [stage, s, Number(m?.[2] ?? -1), f, Number(m?.[4] ?? -1), origin];
  };
  for (const p of schemaProblems(doc))
    ranked.push({ key: rank(p.path, SECTIONS.some((s) => p.path.startsWith(s)) ? 2 : 0, 0), problem: p });
  const shaped = new Set(ranked.map((r) => r.problem.path));
  let stage = 2;
  const fail = (path: string, message: string) => {
    if (!shaped.has(path)) ranked.push({ key: rank(path, stage, 1), problem: { path, message } });
  };
  for (const key of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(key)) warnings.push({ path: key, message: `unknown field "${key}" ignored` });
  }

  const sections: Record<string, Json[]> = {};
  for (const section of Object.keys(FIELDS)) {
    const value = doc[section];
    sections[section] = Array.isArray(value) ? value.map((item) => (isObject(item) ? item : {})) : [];
  }

  // Every id is unique across the whole dataset, so that any reference names exactly one thing.
  stage = 1;
  const owner = new Map<string, { section: string; path: string }>();
  for (const section of SECTIONS.filter((s) => s !== 'links')) {
    sections[section]!.forEach((item, i) => {
      const path = `${section}[${i}]`;
      if (!isText(item.id)) return;
      const seen = owner.get(item.id);
      if (seen) fail(`${path}.id`, `duplicate id "${item.id}" (already used at ${seen.path})`);
      else owner.set(item.id, { section, path });
    });
  }
  stage = 2;
  const sectionOf = (id: string) => owner.get(id)?.section ?? options.external?.get(id);
  const isSection = (id: unknown, section: string) => typeof id === 'string' && sectionOf(id) === section;
  const isEntity = (id: unknown) => typeof id === 'string' && (sectionOf(id) ?? '') in ENTITY_SECTIONS;

  const checkSources = (item: Json, path: string) => {
    if (!Array.isArray(item.sources)) return;
    item.sources.forEach((ref, j) => {
      if (typeof ref === 'string' && !isSection(ref, 'sources'))
        fail(`${path}.sources[${j}]`, `"${ref}" is not the id of a source in "sources"`);
    });
  };
  const checkOrder = (item: Json, path: string, low: string, high: string, dates: boolean) => {
    const a = item[low];
    const b = item[high];
    if (dates) {
      if (
        typeof a === 'string' &&
        typeof b === 'string' &&
        isPartialDate(a) &&
        isPartialDate(b) &&
        startOfDate(a) > endOfDate(b)
      )
        fail(`${path}.${high}`, `ends (${b}) before it starts (${a})`);
    } else if (typeof a === 'number' && typeof b === 'number' && b < a)
      fail(`${path}.${high}`, `is below ${low} (${a})`);
  };
  /** Identifiers: each {scheme, id} once in a record; one shared by two records is probably one organisation. */
  const identifierOwner = new Map<string, string>();
  const checkIdentifiers = (item: Json, path: string) => {
    if (!Array.isArray(item.identifiers)) return;
    const seen = new Set<string>();
    item.identifiers.forEach((x: unknown, j: number) => {
      const at = `${path}.identifiers[${j}]`;
      if (!isObject(x) || typeof x.scheme !== 'string' || typeof x.id !== 'string') return;
      const problem =
        idProblem(x.id) ??
        (/\s/.test(x.id) ? 'holds a space; write the identifier as the register does, without spaces' : null);
      if (problem) fail(`${at}.id`, problem);
      const key = `${x.scheme}:${x.id}`;
      if (seen.has(key)) fail(at, `${key} is given twice`);
      seen.add(key);
      const other = identifierOwner.get(key);
      if (other && other !== path)
        warnings.push({
          path: at,
          message: `${key} is also an identifier of ${other}: probably the same organisation under two ids`,
        });
      identifierOwner.set(key, path);
      for (const k of Object.keys(x))
        if (k !== 'scheme' && k !== 'id')
          warnings.push({ path: `${at}.${k}`, message: `unknown field "${k}" ignored` });
    });
  };
  /** The fields of ownership and control: only on CONTROLLED_BY links, from BODS's code lists. */
  const checkControl = (item: Json, path: string) => {
    const fields = ['interests', 'shareMin', 'shareMax', 'directOrIndirect'].filter((f) => item[f] !== undefined);
    if (item.type !== 'CONTROLLED_BY') {
      for (const f of fields) fail(`${path}.${f}`, 'only CONTROLLED_BY links say how control is held');
      return;
    }
    if (Array.isArray(item.interests)) {
      item.interests.forEach((t, j) => {
        if (typeof t === 'string' && !(INTEREST_TYPES as readonly string[]).includes(t))
          fail(
            `${path}.interests[${j}]`,
            `${JSON.stringify(t)} is not a BODS interest type: use one of ${INTEREST_TYPES.join(', ')}`,
          );
      });
    }
    checkOrder(item, path, 'shareMin', 'shareMax', false);
  };
  const checkEnd = (id: string, want: EntitySection, path: string, type: string, end: string) => {
    const found = sectionOf(id);
    if (!found) {
      fail(
        path,
        `"${id}" does not exist: no node in the ${options.external ? 'dataset or the store' : 'dataset'} has this id`,
      );
      return;
    }
    if (found !== want) fail(path, `${type} must go ${end} a node in "${want}", but "${id}" is in "${found}"`);
  };
  const warnUnknown = (item: Json, section: string, path: string) => {
    for (const key of Object.keys(item)) {
      if (!FIELDS[section]!.includes(key))
        warnings.push({ path: `${path}.${key}`, message: `unknown field "${key}" ignored` });
    }
  };

  const linkIds = new Map<string, string>();
  // The right of reply: the organisation asked, what about, and the answer's source; dates in order.
  const checkReply = (item: Json, path: string) => {
    if (isText(item.organization) && !isSection(item.organization, 'organizations'))
      fail(`${path}.organization`, `"${item.organization}" is not the id of an organization`);
    if (Array.isArray(item.claims))
      item.claims.forEach((c, j) => {
        if (typeof c === 'string' && !isSection(c, 'claims'))
          fail(`${path}.claims[${j}]`, `"${c}" is not the id of a claim`);
      });
    if (Array.isArray(item.links))
      item.links.forEach((l, j) => {
        if (typeof l === 'string' && !linkIds.has(l) && options.external?.get(l) !== 'links')
          fail(`${path}.links[${j}]`, `"${l}" is not the id of a link`);
      });
    if (isText(item.answerSource) && !isSection(item.answerSource, 'sources'))
      fail(`${path}.answerSource`, `"${item.answerSource}" is not the id of a source in "sources"`);
    if (!Array.isArray(item.claims) && !Array.isArray(item.links))
      fail(path, 'names no claim and no link: say what the organisation was asked about (claims, links)');
    checkOrder(item, path, 'askedOn', 'deadline', true);
    checkOrder(item, path, 'askedOn', 'answeredOn', true);
    if (item.answer !== undefined && item.answeredOn === undefined)
      fail(`${path}.answeredOn`, 'missing: an answer has the day it was received');
    if (item.answerSource !== undefined && item.answeredOn === undefined)
      fail(`${path}.answeredOn`, 'missing: an answer has the day it was received');
  };
  const minPool = options.minPoolSize ?? 10;
  for (const section of SECTIONS) {
    sections[section]!.forEach((item, i) => {
      const path = `${section}[${i}]`;
      if (section === 'organizations') {
        checkIdentifiers(item, path);
        if (item.undisclosedReason !== undefined && item.kind !== 'undisclosed')
          fail(`${path}.undisclosedReason`, 'only an undisclosed organisation has a reason for not being disclosed');
      }
      if (section === 'workerPools' && typeof item.size === 'number' && minPool > 0 && item.size < minPool) {
        warnings.push({
          path: `${path}.size`,
          message: `${item.size} workers is under MIN_POOL_SIZE (${minPool}): this group's size and pay will be withheld from every answer and total. Its name must not identify its members either (no village, employer or school).`,
        });
      }
      if (section === 'links') {
        if (typeof item.type === 'string' && item.type in LINK_TYPES) {
          const rule = LINK_TYPES[item.type as LinkType];
          if (isText(item.from)) checkEnd(item.from, rule.from, `${path}.from`, item.type, 'from');
          if (isText(item.to)) checkEnd(item.to, rule.to, `${path}.to`, item.type, 'to');
        }
        checkOrder(item, path, 'since', 'until', true);
        checkControl(item, path);
        const id =
          typeof item.id === 'string' ? item.id : linkKey(String(item.type), String(item.from), String(item.to));
        const seen = linkIds.get(id);
        if (seen)
          fail(
            item.id === undefined ? path : `${path}.id`,
            `duplicate link "${id}" (already at ${seen}); give one of them an "id"`,
          );
        else linkIds.set(id, path);
        if (owner.has(id)) fail(`${path}.id`, `link id "${id}" is already the id of ${owner.get(id)!.path}`);
      }
      if (section === 'claims') {
        for (const field of ['by', 'subject'] as const) {
          if (isText(item[field]) && !isEntity(item[field]))
            fail(
              `${path}.${field}`,
              `"${item[field]}" is not the id of an organization, worker pool, task or AI product`,
            );
        }
      }
      if (section === 'payReports') {
        if (isText(item.pool) && !isSection(item.pool, 'workerPools'))
          fail(`${path}.pool`, `"${item.pool}" is not the id of a worker pool`);
        if (isText(item.task) && !isSection(item.task, 'tasks'))
          fail(`${path}.task`, `${JSON.stringify(item.task)} is not the id of a task`);
        if (typeof item.min === 'number' && typeof item.max === 'number' && item.max < item.min)
          fail(`${path}.max`, `is below min (${item.min}): give the lowest figure as min and the highest as max`);
        checkOrder(item, path, 'since', 'until', true);
        for (const range of ['tasksPerHour', 'hoursPerUnit'])
          if (isObject(item[range])) checkOrder(item[range] as Json, `${path}.${range}`, 'min', 'max', false);
        if (item.tasksPerHour !== undefined && item.unit !== 'task')
          fail(`${path}.tasksPerHour`, 'only pay per task has a pace in tasks an hour');
        if (item.hoursPerUnit !== undefined && (item.unit === 'task' || item.unit === 'hour'))
          fail(`${path}.hoursPerUnit`, 'only pay per day, week, month or year has hours worked per unit');
      }
      if (section === 'replies') checkReply(item, path);
      // A warning, not a problem: a web page's date may be its last revision, later than the copy that was read.
      if (
        section === 'sources' &&
        typeof item.date === 'string' &&
        typeof item.retrievedOn === 'string' &&
        isPartialDate(item.date) &&
        isPartialDate(item.retrievedOn) &&
        endOfDate(item.retrievedOn) < startOfDate(item.date)
      )
        warnings.push({
          path: `${path}.retrievedOn`,
          message: `retrieved (${item.retrievedOn}) before it was published (${item.date}): check both dates`,
        });
      checkSources(item, path);
      warnUnknown(item, section, path);
    });
  }

  stage = 3;
  checkText(doc, sections, fail);
  const problems = ranked.sort((a, b) => compareKeys(a.key, b.key)).map((r) => r.problem);
  if (problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, dataset: normalise(doc, sections), warnings };
}

/** The order of each record's fields in the schema (problems are listed in it). */
const FIELD_ORDER: Record<string, readonly string[]> = Object.fromEntries(SECTIONS.map((s) => [s, schemaFields(s)]));

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Which check each text field gets: ids and references, one-line names, free text, web links. */
const TEXT_RULES: Record<string, (v: string) => string | null> = {
  id: idProblem,
  from: idProblem,
  to: idProblem,
  by: idProblem,
  subject: idProblem,
  sources: idProblem,
  pool: idProblem,
  task: idProblem,
  organization: idProblem,
  claims: idProblem,
  links: idProblem,
  answerSource: idProblem,
  askedBy: nameProblem,
  answer: freeTextProblem,
  scope: freeTextProblem,
  name: nameProblem,
  title: nameProblem,
  publisher: nameProblem,
  locator: nameProblem,
  aliases: nameProblem,
  kind: nameProblem,
  text: freeTextProblem,
  note: freeTextProblem,
  description: freeTextProblem,
  url: urlProblem,
  archiveUrl: urlProblem,
};

/** Refuses text that would hide what it says or break an output: see safe-text.ts. Strings and string lists only; types are checked elsewhere. */
function checkText(doc: Json, sections: Record<string, Json[]>, fail: (p: string, m: string) => void): void {
  for (const field of ['name', 'description'] as const) {
    const v = doc[field];
    const problem = typeof v === 'string' ? (field === 'name' ? nameProblem(v) : freeTextProblem(v)) : null;
    if (problem) fail(field, problem);
  }
  for (const [section, items] of Object.entries(sections)) {
    items.forEach((item, i) => {
      for (const [field, value] of Object.entries(item)) {
        const rule = TEXT_RULES[field];
        if (!rule) continue;
        if (typeof value === 'string') {
          const problem = rule(value);
          if (problem) fail(`${section}[${i}].${field}`, problem);
        } else if (Array.isArray(value)) {
          value.forEach((x, j) => {
            const problem =
              typeof x === 'string'
                ? field === 'aliases' && x.includes('|')
                  ? 'holds "|", which separates list items in CSV; use another character'
                  : rule(x)
                : null;
            if (problem) fail(`${section}[${i}].${field}[${j}]`, problem);
          });
        }
      }
    });
  }
}

/** Keeps only the known fields, gives every link its id, and fills absent sections. */
function normalise(doc: Json, sections: Record<string, Json[]>): Dataset {
  const pick = (section: string) =>
    sections[section]!.map((item) => {
      const out: Json = {};
      for (const field of FIELDS[section]!) {
        const v = item[field];
        if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[field] = v;
      }
      if (section === 'links' && out.id === undefined)
        out.id = linkKey(String(item.type), String(item.from), String(item.to));
      return out;
    });
  const dataset = {
    format: FORMAT,
    id: typeof doc.id === 'string' ? doc.id : datasetSlug(doc.name as string),
    name: doc.name as string,
    ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
    sources: pick('sources'),
    organizations: pick('organizations'),
    workerPools: pick('workerPools'),
    tasks: pick('tasks'),
    aiProducts: pick('aiProducts'),
    links: pick('links'),
    claims: pick('claims'),
  };
  for (const section of OPTIONAL_SECTIONS) {
    const items = pick(section);
    if (items.length) (dataset as Json)[section] = items;
  }
  return dataset as unknown as Dataset;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

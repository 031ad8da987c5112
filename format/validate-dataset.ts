// Checks a parsed deep-labour/v1 document in full and says, by JSON path, everything that is wrong.
import { endOfDate, startOfDate } from '../vocabulary/dates.js';
import {
  AI_USES, ENTITY_SECTIONS, FORMAT, PAY_SECTIONS, DATASET_ID, datasetSlug, LINK_TYPES, ORGANIZATION_KINDS, SECTION_FIELDS, SOURCE_TYPES, TASK_KINDS, linkKey,
  type Dataset, type EntitySection, type LinkType,
} from './model.js';
import { COUNTRY_CODES } from './country-codes.js';
import { DIRECTNESS, INTEREST_TYPES, UNDISCLOSED_REASONS } from '../vocabulary/index.js';
import { freeTextProblem, idProblem, nameProblem, NUMBER_BOUNDS, urlProblem } from './safe-text.js';
import { CURRENCY_PATTERN, PAY_REPORTER_NAMES, PAY_UNIT_NAMES, WAGE_KIND_NAMES } from '../vocabulary/pay.js';

export interface Problem {
  /** Where, as a JSON path from the document root: `links[3].to`. */
  path: string;
  message: string;
}

export type Validation =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

type Json = Record<string, unknown>;

const FIELDS: Record<string, readonly string[]> = SECTION_FIELDS;
const TOP_FIELDS = ['format', 'id', 'name', 'description', ...Object.keys(FIELDS)];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` and real calendar days `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

export { endOfDate, startOfDate };

/** True for an ISO 3166-1 alpha-2 code that names a region. */
export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

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
  for (const section of ['organizations', 'workerPools', 'tasks', 'aiProducts'] as const) (doc[section] ?? []).forEach(cite);
  for (const l of doc.links ?? []) { ids.add(l.from); ids.add(l.to); cite(l); }
  for (const c of doc.claims ?? []) { ids.add(c.by); ids.add(c.subject); cite(c); }
  for (const p of doc.payReports ?? []) { ids.add(p.pool); if (p.task !== undefined) ids.add(p.task); cite(p); }
  for (const r of [...doc.wageReferences ?? [], ...doc.exchangeRates ?? []]) cite(r);
  return [...ids].filter((id) => typeof id === 'string');
}

export function validateDataset(doc: unknown, options: ValidateOptions = {}): Validation {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });

  if (!isObject(doc)) {
    return { ok: false, problems: [{ path: '$', message: 'the dataset must be a JSON object' }], warnings };
  }
  if (doc.format !== FORMAT) {
    fail('format', doc.format === undefined
      ? `missing: set "format": "${FORMAT}"`
      : `unknown format version ${JSON.stringify(doc.format)}: this tool reads "${FORMAT}"`);
  }
  if (typeof doc.name !== 'string' || doc.name.trim() === '') fail('name', 'must be a non-empty string naming the dataset');
  if (doc.description !== undefined && typeof doc.description !== 'string') fail('description', 'must be a string');
  if (doc.id !== undefined && (typeof doc.id !== 'string' || !DATASET_ID.test(doc.id))) {
    fail('id', `must be lower-case letters, digits, ".", "_" or "-" (at most 100, starting with a letter or digit), such as "diplab-france-2019"; got ${JSON.stringify(doc.id)}`);
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(key)) warnings.push({ path: key, message: `unknown field "${key}" ignored` });
  }

  const sections: Record<string, Json[]> = {};
  for (const section of Object.keys(FIELDS)) {
    const value = doc[section];
    if (value === undefined) { sections[section] = []; continue; }
    if (!Array.isArray(value)) { fail(section, 'must be an array'); sections[section] = []; continue; }
    sections[section] = value.map((item, i) => {
      if (isObject(item)) return item;
      fail(`${section}[${i}]`, 'must be an object');
      return {};
    });
  }

  // Every id is unique across the whole dataset, so that any reference names exactly one thing.
  const owner = new Map<string, { section: string; path: string }>();
  for (const section of ['sources', ...Object.keys(ENTITY_SECTIONS), 'claims', 'payReports', 'wageReferences', 'exchangeRates']) {
    sections[section]!.forEach((item, i) => {
      const path = `${section}[${i}]`;
      if (!requireString(item, 'id', path, fail)) return;
      const id = item.id as string;
      const seen = owner.get(id);
      if (seen) fail(`${path}.id`, `duplicate id "${id}" (already used at ${seen.path})`);
      else owner.set(id, { section, path });
    });
  }
  const sectionOf = (id: string) => owner.get(id)?.section ?? options.external?.get(id);
  const isSection = (id: unknown, section: string) => typeof id === 'string' && sectionOf(id) === section;

  const checkSources = (item: Json, path: string) => {
    if (item.sources === undefined) return;
    if (!isStringArray(item.sources)) { fail(`${path}.sources`, 'must be an array of source ids'); return; }
    item.sources.forEach((ref, j) => {
      if (!isSection(ref, 'sources')) fail(`${path}.sources[${j}]`, `"${ref}" is not the id of a source in "sources"`);
    });
  };
  const checkCountry = (item: Json, path: string) => {
    if (item.country === undefined) return;
    if (typeof item.country !== 'string' || !isCountryCode(item.country)) {
      fail(`${path}.country`, `${JSON.stringify(item.country)} is not an ISO 3166-1 alpha-2 country code such as "FR" or "MG"`);
    }
  };
  const checkDate = (item: Json, field: string, path: string) => {
    const v = item[field];
    if (v === undefined) return;
    if (typeof v !== 'string' || !isPartialDate(v)) {
      fail(`${path}.${field}`, `bad date ${JSON.stringify(v)}: use YYYY-MM-DD, YYYY-MM or YYYY`);
    }
  };
  const checkNumber = (item: Json, field: string, path: string, rule: 'nonNegative' | 'positive' | 'integer' | 'unit') => {
    const v = item[field];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) { fail(`${path}.${field}`, `must be a number, got ${JSON.stringify(v)}`); return; }
    if (rule === 'positive' && v <= 0) fail(`${path}.${field}`, `must be greater than 0, got ${v}`);
    if ((rule === 'nonNegative' || rule === 'integer') && v < 0) fail(`${path}.${field}`, `must not be negative, got ${v}`);
    if (rule === 'integer' && !Number.isInteger(v)) fail(`${path}.${field}`, `must be a whole number, got ${v}`);
    if (rule === 'unit' && (v < 0 || v > 1)) fail(`${path}.${field}`, `must be between 0 and 1, got ${v}`);
    const max = NUMBER_BOUNDS[field as keyof typeof NUMBER_BOUNDS];
    if (max !== undefined && v > max) fail(`${path}.${field}`, `must be at most ${max.toLocaleString('en')}, got ${v}`);
  };
  const checkEnum = (item: Json, field: string, path: string, allowed: readonly string[], required: boolean) => {
    const v = item[field];
    if (v === undefined) { if (required) fail(`${path}.${field}`, `missing: one of ${allowed.join(', ')}`); return; }
    if (typeof v !== 'string' || !allowed.includes(v)) fail(`${path}.${field}`, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
  };
  /** Identifiers: {scheme, id} pairs, each scheme written as org-id.guide writes register codes; one pair once. */
  const identifierOwner = new Map<string, string>();
  const checkIdentifiers = (item: Json, path: string) => {
    if (item.identifiers === undefined) return;
    if (!Array.isArray(item.identifiers)) { fail(`${path}.identifiers`, 'must be an array of {"scheme": "LEI", "id": "…"}'); return; }
    const seen = new Set<string>();
    item.identifiers.forEach((x: unknown, j: number) => {
      const at = `${path}.identifiers[${j}]`;
      if (!isObject(x) || typeof x.scheme !== 'string' || typeof x.id !== 'string') { fail(at, 'must be {"scheme": "LEI", "id": "…"} with two strings'); return; }
      if (!/^[A-Z][A-Z0-9-]{1,31}$/.test(x.scheme)) fail(`${at}.scheme`, `${JSON.stringify(x.scheme)} must be upper-case letters, digits and hyphens, as org-id.guide writes register codes: LEI, FR-SIREN, GB-COH, OSHUB, WIKIDATA`);
      const problem = x.id.trim() === '' ? 'must not be empty' : idProblem(x.id) ?? (/\s/.test(x.id) ? 'holds a space; write the identifier as the register does, without spaces' : null);
      if (problem) fail(`${at}.id`, problem);
      const key = `${x.scheme}:${x.id}`;
      if (seen.has(key)) fail(at, `${key} is given twice`);
      seen.add(key);
      const other = identifierOwner.get(key);
      if (other && other !== path) warnings.push({ path: at, message: `${key} is also an identifier of ${other}: probably the same organisation under two ids` });
      identifierOwner.set(key, path);
      for (const k of Object.keys(x)) if (k !== 'scheme' && k !== 'id') warnings.push({ path: `${at}.${k}`, message: `unknown field "${k}" ignored` });
    });
  };
  /** The fields of ownership and control: only on CONTROLLED_BY links, from BODS's code lists, a share range within 0–100. */
  const checkControl = (item: Json, path: string) => {
    const fields = ['interests', 'shareMin', 'shareMax', 'directOrIndirect'].filter((f) => item[f] !== undefined);
    if (item.type !== 'CONTROLLED_BY') { for (const f of fields) fail(`${path}.${f}`, 'only CONTROLLED_BY links say how control is held'); return; }
    if (item.interests !== undefined) {
      if (!isStringArray(item.interests)) fail(`${path}.interests`, 'must be an array of BODS interest types, such as ["shareholding"]');
      else item.interests.forEach((t, j) => { if (!(INTEREST_TYPES as readonly string[]).includes(t)) fail(`${path}.interests[${j}]`, `${JSON.stringify(t)} is not a BODS interest type: use one of ${INTEREST_TYPES.join(', ')}`); });
    }
    for (const f of ['shareMin', 'shareMax']) {
      const v = item[f];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)) fail(`${path}.${f}`, `must be a percentage from 0 to 100, got ${JSON.stringify(v)}`);
    }
    if (typeof item.shareMin === 'number' && typeof item.shareMax === 'number' && item.shareMin > item.shareMax) fail(`${path}.shareMax`, `is below shareMin (${item.shareMin})`);
    if (item.directOrIndirect !== undefined) checkEnum(item, 'directOrIndirect', path, DIRECTNESS, false);
  };
  const warnUnknown = (item: Json, section: string, path: string) => {
    for (const key of Object.keys(item)) {
      if (!FIELDS[section]!.includes(key)) warnings.push({ path: `${path}.${key}`, message: `unknown field "${key}" ignored` });
    }
  };

  sections.sources!.forEach((item, i) => {
    const path = `sources[${i}]`;
    requireString(item, 'title', path, fail);
    checkEnum(item, 'type', path, SOURCE_TYPES, true);
    optionalString(item, 'url', path, fail);
    optionalString(item, 'publisher', path, fail);
    optionalString(item, 'locator', path, fail);
    checkDate(item, 'date', path);
    warnUnknown(item, 'sources', path);
  });
  sections.organizations!.forEach((item, i) => {
    const path = `organizations[${i}]`;
    requireString(item, 'name', path, fail);
    checkEnum(item, 'kind', path, ORGANIZATION_KINDS, true);
    checkCountry(item, path);
    if (item.aliases !== undefined && !isStringArray(item.aliases)) fail(`${path}.aliases`, 'must be an array of strings');
    checkIdentifiers(item, path);
    if (item.undisclosedReason !== undefined) {
      if (item.kind !== 'undisclosed') fail(`${path}.undisclosedReason`, 'only an undisclosed organisation has a reason for not being disclosed');
      else checkEnum(item, 'undisclosedReason', path, UNDISCLOSED_REASONS, false);
    }
    optionalString(item, 'note', path, fail);
    checkSources(item, path);
    warnUnknown(item, 'organizations', path);
  });
  sections.workerPools!.forEach((item, i) => {
    const path = `workerPools[${i}]`;
    requireString(item, 'name', path, fail);
    checkCountry(item, path);
    checkNumber(item, 'size', path, 'integer');
    const min = options.minPoolSize ?? 10;
    if (typeof item.size === 'number' && min > 0 && item.size < min) {
      warnings.push({ path: `${path}.size`, message: `${item.size} workers is under MIN_POOL_SIZE (${min}): this group's size and pay will be withheld from every answer and total. Its name must not identify its members either (no village, employer or school).` });
    }
    optionalString(item, 'note', path, fail);
    checkSources(item, path);
    warnUnknown(item, 'workerPools', path);
  });
  sections.tasks!.forEach((item, i) => {
    const path = `tasks[${i}]`;
    requireString(item, 'name', path, fail);
    checkEnum(item, 'kind', path, TASK_KINDS, true);
    checkNumber(item, 'unitPayEur', path, 'nonNegative');
    checkNumber(item, 'minutesPerUnit', path, 'positive');
    optionalString(item, 'note', path, fail);
    checkSources(item, path);
    warnUnknown(item, 'tasks', path);
  });
  sections.aiProducts!.forEach((item, i) => {
    const path = `aiProducts[${i}]`;
    requireString(item, 'name', path, fail);
    if (item.marketedAsFullyAutomated !== undefined && typeof item.marketedAsFullyAutomated !== 'boolean') {
      fail(`${path}.marketedAsFullyAutomated`, 'must be true or false');
    }
    optionalString(item, 'note', path, fail);
    checkSources(item, path);
    warnUnknown(item, 'aiProducts', path);
  });

  const linkIds = new Map<string, string>();
  sections.links!.forEach((item, i) => {
    const path = `links[${i}]`;
    const typeOk = typeof item.type === 'string' && item.type in LINK_TYPES;
    if (!typeOk) {
      fail(`${path}.type`, item.type === undefined
        ? `missing: one of ${Object.keys(LINK_TYPES).join(', ')}`
        : `unknown link type ${JSON.stringify(item.type)}: use one of ${Object.keys(LINK_TYPES).join(', ')}`);
    }
    const fromOk = requireString(item, 'from', path, fail);
    const toOk = requireString(item, 'to', path, fail);
    if (typeOk) {
      const rule = LINK_TYPES[item.type as LinkType];
      if (fromOk) checkEnd(item.from as string, rule.from, `${path}.from`, item.type as string, 'from');
      if (toOk) checkEnd(item.to as string, rule.to, `${path}.to`, item.type as string, 'to');
      if (item.use !== undefined && item.type !== 'FEEDS') fail(`${path}.use`, 'only FEEDS links have a use');
      if (item.type === 'FEEDS') checkEnum(item, 'use', path, AI_USES, true);
    }
    if (item.id !== undefined) requireString(item, 'id', path, fail);
    checkDate(item, 'since', path);
    checkDate(item, 'until', path);
    if (typeof item.since === 'string' && typeof item.until === 'string' && isPartialDate(item.since)
      && isPartialDate(item.until) && startOfDate(item.since) > endOfDate(item.until)) {
      fail(`${path}.until`, `ends (${item.until}) before it starts (${item.since})`);
    }
    if (item.disclosedToWorkers !== undefined && typeof item.disclosedToWorkers !== 'boolean') {
      fail(`${path}.disclosedToWorkers`, 'must be true or false');
    }
    checkNumber(item, 'pricePerUnitEur', path, 'nonNegative');
    checkNumber(item, 'confidence', path, 'unit');
    optionalString(item, 'note', path, fail);
    checkControl(item, path);
    checkSources(item, path);
    warnUnknown(item, 'links', path);
    const id = typeof item.id === 'string' ? item.id : linkKey(String(item.type), String(item.from), String(item.to));
    const seen = linkIds.get(id);
    if (seen) fail(item.id === undefined ? path : `${path}.id`, `duplicate link "${id}" (already at ${seen}); give one of them an "id"`);
    else linkIds.set(id, path);
    if (owner.has(id)) fail(`${path}.id`, `link id "${id}" is already the id of ${owner.get(id)!.path}`);
  });

  sections.claims!.forEach((item, i) => {
    const path = `claims[${i}]`;
    for (const field of ['by', 'subject'] as const) {
      if (requireString(item, field, path, fail) && !isEntity(item[field])) {
        fail(`${path}.${field}`, `"${item[field]}" is not the id of an organization, worker pool, task or AI product`);
      }
    }
    requireString(item, 'kind', path, fail);
    requireString(item, 'text', path, fail);
    checkDate(item, 'date', path);
    if (item.params !== undefined && !isObject(item.params)) fail(`${path}.params`, 'must be an object');
    optionalString(item, 'note', path, fail);
    checkSources(item, path);
    warnUnknown(item, 'claims', path);
  });

  checkPay(sections, { fail, isSection, checkSources, checkCountry, checkDate, checkEnum, warnUnknown });

  checkText(doc, sections, fail);
  if (problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, dataset: normalise(doc, sections), warnings };

  function isEntity(id: unknown): boolean {
    return typeof id === 'string' && (sectionOf(id) ?? '') in ENTITY_SECTIONS;
  }
  function checkEnd(id: string, want: EntitySection, path: string, type: string, end: string) {
    const found = sectionOf(id);
    if (!found) { fail(path, `"${id}" does not exist: no node in the ${options.external ? 'dataset or the store' : 'dataset'} has this id`); return; }
    if (found !== want) {
      fail(path, `${type} must go ${end} a node in "${want}", but "${id}" is in "${found}"`);
    }
  }
}

interface PayChecks {
  fail: (path: string, message: string) => void;
  isSection: (id: unknown, section: string) => boolean;
  checkSources: (item: Json, path: string) => void;
  checkCountry: (item: Json, path: string) => void;
  checkDate: (item: Json, field: string, path: string) => void;
  checkEnum: (item: Json, field: string, path: string, allowed: readonly string[], required: boolean) => void;
  warnUnknown: (item: Json, section: string, path: string) => void;
}

/** The pay sections: reports on worker pools, reference wages, exchange rates; each problem at its JSON path. */
function checkPay(sections: Record<string, Json[]>, c: PayChecks): void {
  const { fail } = c;
  const amount = (item: Json, field: string, path: string, rule: 'nonNegative' | 'positive', required = true) => {
    const v = item[field];
    if (v === undefined) { if (required) fail(`${path}.${field}`, 'missing: required (a number)'); return; }
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${field}`, `must be a number, got ${JSON.stringify(v)}`);
    else if (rule === 'positive' ? v <= 0 : v < 0) fail(`${path}.${field}`, `must be ${rule === 'positive' ? 'greater than 0' : 'at least 0'}, got ${v}`);
  };
  const currency = (item: Json, path: string) => {
    const v = item.currency;
    if (typeof v !== 'string' || !CURRENCY_PATTERN.test(v)) fail(`${path}.currency`, `${v === undefined ? 'missing' : JSON.stringify(v)}: an ISO 4217 currency code such as "EUR", "USD" or "MGA" is required`);
  };
  const year = (item: Json, path: string) => {
    const v = item.year;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1900 || v > 2100) fail(`${path}.year`, `${v === undefined ? 'missing' : JSON.stringify(v)}: a year such as 2019 is required`);
  };
  const range = (item: Json, field: string, path: string) => {
    const v = item[field];
    if (v === undefined) return;
    if (!isObject(v) || typeof v.min !== 'number' || typeof v.max !== 'number' || !Number.isFinite(v.min) || !Number.isFinite(v.max)) {
      fail(`${path}.${field}`, 'must be {"min": number, "max": number} (min = max for one figure)'); return;
    }
    if (v.min <= 0) fail(`${path}.${field}.min`, `must be greater than 0, got ${v.min}`);
    if (v.max < v.min) fail(`${path}.${field}.max`, `is below min (${v.min})`);
    for (const k of Object.keys(v)) if (k !== 'min' && k !== 'max') fail(`${path}.${field}.${k}`, `unknown field "${k}": a range has only min and max`);
  };
  const flag = (item: Json, field: string, path: string) => {
    if (item[field] !== undefined && typeof item[field] !== 'boolean') fail(`${path}.${field}`, 'must be true or false');
  };
  const text = (item: Json, field: string, path: string) => {
    if (item[field] !== undefined && typeof item[field] !== 'string') fail(`${path}.${field}`, 'must be a string');
  };

  sections.payReports!.forEach((item, i) => {
    const path = `payReports[${i}]`;
    if (requireString(item, 'pool', path, fail) && !c.isSection(item.pool, 'workerPools')) fail(`${path}.pool`, `"${item.pool}" is not the id of a worker pool`);
    if (item.task !== undefined && (typeof item.task !== 'string' || !c.isSection(item.task, 'tasks'))) fail(`${path}.task`, `${JSON.stringify(item.task)} is not the id of a task`);
    amount(item, 'min', path, 'nonNegative');
    amount(item, 'max', path, 'nonNegative');
    if (typeof item.min === 'number' && typeof item.max === 'number' && item.max < item.min) fail(`${path}.max`, `is below min (${item.min}): give the lowest figure as min and the highest as max`);
    currency(item, path);
    c.checkEnum(item, 'unit', path, PAY_UNIT_NAMES, true);
    c.checkEnum(item, 'reportedBy', path, PAY_REPORTER_NAMES, true);
    c.checkDate(item, 'since', path);
    c.checkDate(item, 'until', path);
    if (typeof item.since === 'string' && typeof item.until === 'string' && isPartialDate(item.since) && isPartialDate(item.until) && startOfDate(item.since) > endOfDate(item.until)) {
      fail(`${path}.until`, `ends (${item.until}) before it starts (${item.since})`);
    }
    range(item, 'tasksPerHour', path);
    range(item, 'hoursPerUnit', path);
    if (item.tasksPerHour !== undefined && item.unit !== 'task') fail(`${path}.tasksPerHour`, 'only pay per task has a pace in tasks an hour');
    if (item.hoursPerUnit !== undefined && (item.unit === 'task' || item.unit === 'hour')) fail(`${path}.hoursPerUnit`, 'only pay per day, week, month or year has hours worked per unit');
    flag(item, 'fullTime', path);
    text(item, 'note', path);
    c.checkSources(item, path);
    c.warnUnknown(item, 'payReports', path);
  });
  sections.wageReferences!.forEach((item, i) => {
    const path = `wageReferences[${i}]`;
    if (item.country === undefined) fail(`${path}.country`, 'missing: an ISO 3166-1 alpha-2 country code such as "FR" is required');
    c.checkCountry(item, path);
    year(item, path);
    c.checkEnum(item, 'kind', path, WAGE_KIND_NAMES, true);
    amount(item, 'amount', path, 'positive');
    currency(item, path);
    c.checkEnum(item, 'unit', path, PAY_UNIT_NAMES, true);
    amount(item, 'hoursBasis', path, 'positive', false);
    flag(item, 'gross', path);
    text(item, 'scope', path);
    text(item, 'note', path);
    c.checkSources(item, path);
    c.warnUnknown(item, 'wageReferences', path);
  });
  sections.exchangeRates!.forEach((item, i) => {
    const path = `exchangeRates[${i}]`;
    currency(item, path);
    year(item, path);
    amount(item, 'unitsPerUsd', path, 'positive');
    text(item, 'kind', path);
    text(item, 'note', path);
    c.checkSources(item, path);
    c.warnUnknown(item, 'exchangeRates', path);
  });
}

/** Which check each text field gets: ids and references, one-line names, free text, web links. */
const TEXT_RULES: Record<string, (v: string) => string | null> = {
  id: idProblem, from: idProblem, to: idProblem, by: idProblem, subject: idProblem, sources: idProblem, pool: idProblem, task: idProblem,
  scope: freeTextProblem,
  name: nameProblem, title: nameProblem, publisher: nameProblem, locator: nameProblem, aliases: nameProblem, kind: nameProblem,
  text: freeTextProblem, note: freeTextProblem, description: freeTextProblem,
  url: urlProblem,
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
            const problem = typeof x === 'string' ? (field === 'aliases' && x.includes('|') ? 'holds "|", which separates list items in CSV; use another character' : rule(x)) : null;
            if (problem) fail(`${section}[${i}].${field}[${j}]`, problem);
          });
        }
      }
    });
  }
}

/** Keeps only the known fields, gives every link its id, and fills absent sections. */
function normalise(doc: Json, sections: Record<string, Json[]>): Dataset {
  const pick = (section: string) => sections[section]!.map((item) => {
    const out: Json = {};
    for (const field of FIELDS[section]!) {
      const v = item[field];
      if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[field] = v;
    }
    if (section === 'links' && out.id === undefined) out.id = linkKey(String(item.type), String(item.from), String(item.to));
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
  for (const section of PAY_SECTIONS) {
    const items = pick(section);
    if (items.length) (dataset as Json)[section] = items;
  }
  return dataset as unknown as Dataset;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
function requireString(item: Json, field: string, path: string, fail: (p: string, m: string) => void): boolean {
  const v = item[field];
  if (typeof v === 'string' && v.trim() !== '') return true;
  fail(`${path}.${field}`, v === undefined ? 'missing: required' : `must be a non-empty string, got ${JSON.stringify(v)}`);
  return false;
}
function optionalString(item: Json, field: string, path: string, fail: (p: string, m: string) => void): void {
  if (item[field] !== undefined && typeof item[field] !== 'string') fail(`${path}.${field}`, 'must be a string');
}

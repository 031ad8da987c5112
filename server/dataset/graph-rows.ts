// Pure mapping between dataset records and the property maps stored in Neo4j, both ways.
import { endOfDate, startOfDate } from '../../format/validate-dataset.js';
import {
  identifierKey,
  parseIdentifier,
  SECTION_FIELDS,
  type Claim,
  type Dataset,
  type Identifier,
  type Link,
  type LinkType,
  type NumberRange,
  type PayReport,
  type Section,
} from '../../format/model.js';

type Props = Record<string, unknown>;

/** Drops undefined fields so that Neo4j stores nothing for them. */
function defined(item: object): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * A node's properties: the dataset fields, plus `aliasText` for full-text search, and identifiers as `identifierKeys`
 * ("SCHEME:id"; Neo4j stores no list of maps) and `identifierText` (" KEY KEY ", for a text-index look-up by identifier).
 */
export function nodeProps(item: object & { aliases?: string[]; identifiers?: Identifier[] }): Props {
  const { identifiers, ...rest } = item;
  const props = defined(rest);
  if (item.aliases && item.aliases.length > 0) props.aliasText = item.aliases.join(' | ');
  if (identifiers && identifiers.length > 0) {
    props.identifierKeys = identifiers.map(identifierKey);
    props.identifierText = ` ${identifiers.map(identifierKey).join(' ')} `;
  }
  return props;
}

/** A link's row for import-links: its ends, type, and properties including its validity window. */
export function linkRow(link: Link): { type: LinkType; from: string; to: string; props: Props } {
  const { type, from, to, ...rest } = link;
  const props = defined(rest);
  if (link.since) props.validFrom = startOfDate(link.since);
  if (link.until) props.validTo = endOfDate(link.until);
  return { type, from, to, props };
}

/** A claim's row for import-claims: params are stored as JSON text (Neo4j has no map properties). */
export function claimRow(claim: Claim): { props: Props } {
  const { params, ...rest } = claim;
  const props = defined(rest);
  if (params !== undefined) props.paramsJson = JSON.stringify(params);
  return { props };
}

/** Reported ranges a pay report holds; Neo4j stores no maps, so each is stored as `<field>Min` and `<field>Max`. */
const RANGE_FIELDS = ['tasksPerHour', 'hoursPerUnit'] as const;

/** A pay report's properties: its ranges flattened (`tasksPerHourMin`, `tasksPerHourMax`, …). */
export function payReportProps(report: PayReport): Props {
  const { tasksPerHour, hoursPerUnit, ...rest } = report;
  const props = defined(rest);
  const ranges: Record<string, NumberRange | undefined> = { tasksPerHour, hoursPerUnit };
  for (const field of RANGE_FIELDS) {
    const r = ranges[field];
    if (r) {
      props[`${field}Min`] = r.min;
      props[`${field}Max`] = r.max;
    }
  }
  return props;
}

/** The ranges of stored pay-report properties, as the dataset writes them ({min, max}); the flattened fields removed. Pure. */
export function unflattenRanges(props: Props): Props {
  const out: Props = { ...props };
  for (const field of RANGE_FIELDS) {
    const min = out[`${field}Min`];
    const max = out[`${field}Max`];
    delete out[`${field}Min`];
    delete out[`${field}Max`];
    if (typeof min === 'number' && typeof max === 'number') out[field] = { min, max };
  }
  return out;
}

/** Stored for search, time filters, ownership and the evidence digest (`h`); not part of the dataset. */
const INTERNAL = new Set([
  'h',
  'aliasText',
  'validFrom',
  'validTo',
  'paramsJson',
  'datasets',
  'recFrom',
  'recTo',
  'identifierKeys',
  'identifierText',
]);
const SECTION_OF: Record<string, keyof Dataset> = {
  Source: 'sources',
  Organization: 'organizations',
  WorkerPool: 'workerPools',
  Task: 'tasks',
  AIProduct: 'aiProducts',
  Claim: 'claims',
  PayReport: 'payReports',
  WageReference: 'wageReferences',
  ExchangeRate: 'exchangeRates',
  Reply: 'replies',
};

/** Rebuilds the dataset sections from exported rows; fields appear in the dataset's own order. */
export function datasetFromGraph(
  nodes: { label: string; props: Props }[],
  links: { type: string; from: string; to: string; props: Props }[],
  meta: { id: string; name: string; description?: string },
): Dataset {
  const dataset: Dataset = {
    format: 'deep-labour/v1',
    id: meta.id,
    name: meta.name,
    ...(meta.description ? { description: meta.description } : {}),
    sources: [],
    organizations: [],
    workerPools: [],
    tasks: [],
    aiProducts: [],
    links: [],
    claims: [],
  };
  for (const { label, props } of nodes) {
    const section = SECTION_OF[label];
    if (!section) continue;
    const item = label === 'PayReport' ? unflattenRanges(publicProps(props)) : publicProps(props);
    if (label === 'Claim' && typeof props.paramsJson === 'string') item.params = JSON.parse(props.paramsJson);
    if (Array.isArray(props.identifierKeys))
      item.identifiers = props.identifierKeys.map((k) => parseIdentifier(String(k))).filter((x) => x !== null);
    ((dataset[section] ??= [] as never) as unknown as Props[]).push(ordered(item, section as Section));
  }
  for (const { type, from, to, props } of links) {
    dataset.links.push(ordered({ ...publicProps(props), type, from, to }, 'links') as unknown as Link);
  }
  return dataset;
}

function publicProps(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (!INTERNAL.has(k) && v !== null) out[k] = v;
  return out;
}

/** The item's fields in the section's documented order, so exports are stable and diffable. */
function ordered(item: Props, section: Section): Props {
  const out: Props = {};
  for (const field of SECTION_FIELDS[section]) if (item[field] !== undefined) out[field] = item[field];
  return out;
}

// The shape of a deep-labour/v1 document checked by its JSON Schema (ajv, compiled once on first use), each error located by JSON path and worded for a data collector.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../schema/deep-labour-v1.schema.json' with { type: 'json' };
import { isCountryCode, isPartialDate } from './partial-date.js';

export interface Problem {
  /** Where, as a JSON path from the document root: `links[3].to`. */
  path: string;
  message: string;
}

type SchemaNode = {
  $ref?: string;
  type?: string;
  enum?: readonly string[];
  const?: string;
  pattern?: string;
  minLength?: number;
};
const DEFS = schema.$defs as unknown as Record<string, SchemaNode>;

/** What each kind of value should look like, said once: used for a missing value and a wrong one alike. */
const HINTS: Record<string, string> = {
  currency: 'an ISO 4217 currency code such as "EUR", "USD" or "MGA"',
  country: 'an ISO 3166-1 alpha-2 country code such as "FR" or "MG"',
  year: 'a year such as 2019',
  sha256: 'a SHA-256 as 64 lower-case hexadecimal digits (sha256sum prints it)',
};

let compiled: ValidateFunction | undefined;

/** The schema's validator, compiled the first time a document is checked (the explorer, which only converts, never compiles it). */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // strictRequired off: a link's `then` requires `use`, which the link itself declares.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  ajv.addFormat('partial-date', isPartialDate);
  ajv.addFormat('country-code', isCountryCode);
  compiled = ajv.compile(schema);
  return compiled;
}

/** Every place where the document breaks its schema, one problem per path (the first the schema finds there). Pure. */
export function schemaProblems(doc: unknown): Problem[] {
  const validate = validator();
  if (validate(doc)) return [];
  const problems = new Map<string, string>();
  for (const e of validate.errors ?? []) {
    const located = locate(e);
    if (located && !problems.has(located.path)) problems.set(located.path, located.message);
  }
  return [...problems].map(([path, message]) => ({ path, message }));
}

/** `/links/3/to` → `links[3].to`; the root is `$`. */
export function jsonPath(pointer: string): string {
  const path = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
  return path || '$';
}

/** The named definition ($defs) the value at a JSON pointer is checked by, found by walking the schema along the pointer. */
function defAt(pointer: string): string | undefined {
  let node: SchemaWalk | undefined = schema as unknown as SchemaWalk;
  let def: string | undefined;
  for (const segment of pointer.split('/').slice(1)) {
    const next: SchemaWalk | undefined = /^\d+$/.test(segment) ? node?.items : node?.properties?.[segment];
    def = next?.$ref?.replace('#/$defs/', '');
    node = def ? (DEFS[def] as SchemaWalk) : next;
  }
  return def;
}

type SchemaWalk = SchemaNode & { items?: SchemaWalk; properties?: Record<string, SchemaWalk> };

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref?.replace('#/$defs/', '');
  return ref ? { ...DEFS[ref], ...node } : node;
}

function locate(e: ErrorObject): Problem | null {
  const at = jsonPath(e.instancePath);
  const field = at
    .split('.')
    .at(-1)!
    .replace(/\[\d+\]$/, '');
  const def = defAt(e.instancePath);
  const got = JSON.stringify(e.data);
  const hint = HINTS[def ?? ''] ?? HINTS[field];
  const child = (name: string) => (at === '$' ? name : `${at}.${name}`);
  switch (e.keyword) {
    case 'if':
      return null; // its then or else says what is wrong
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (def === 'range')
        return { path: at, message: 'must be {"min": number, "max": number} (min = max for one figure)' };
      if (/identifiers\[\d+\]$/.test(at))
        return { path: at, message: 'must be {"scheme": "LEI", "id": "…"} with two strings' };
      const properties =
        (e.parentSchema as { properties?: Record<string, SchemaNode> }).properties ??
        (DEFS[def ?? ''] as { properties?: Record<string, SchemaNode> } | undefined)?.properties; // a `then` names only what it requires
      const property = resolve(properties?.[missing]);
      const propHint = HINTS[property?.$ref?.replace('#/$defs/', '') ?? ''] ?? HINTS[missing];
      let message = 'missing: required';
      if (missing === 'format') message = `missing: set "format": "${schema.properties.format.const}"`;
      else if (property?.enum) message = `missing: one of ${property.enum.join(', ')}`;
      else if (propHint) message = `missing: ${propHint} is required`;
      else if (property?.type === 'number') message = 'missing: required (a number)';
      return { path: child(missing), message };
    }
    case 'not': // a FEEDS-only field on another link
      return { path: child('use'), message: 'only FEEDS links have a use' };
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return { path: child(extra), message: `unknown field "${extra}": a range has only min and max` };
    }
    case 'type': {
      const want = (e.params as { type: string }).type;
      if (at === '$') return { path: at, message: 'the dataset must be a JSON object' };
      if (def === 'range')
        return { path: at, message: 'must be {"min": number, "max": number} (min = max for one figure)' };
      if (/identifiers\[\d+\]$/.test(at))
        return { path: at, message: 'must be {"scheme": "LEI", "id": "…"} with two strings' };
      if (hint) return { path: at, message: `${got}: ${hint} is required` };
      const words: Record<string, string> = {
        number: `must be a number, got ${got}`,
        integer: `must be a whole number, got ${got}`,
        boolean: 'must be true or false',
        array: 'must be an array',
        object: 'must be an object',
        string: (e.parentSchema as SchemaNode).minLength
          ? `must be a non-empty string, got ${got}`
          : 'must be a string',
      };
      return { path: at, message: words[want] ?? `must be of type ${want}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: string[] }).allowedValues.join(', ');
      return {
        path: at,
        message:
          field === 'type' && at.startsWith('links[')
            ? `unknown link type ${got}: use one of ${allowed}`
            : `${got} is not one of ${allowed}`,
      };
    }
    case 'const':
      return {
        path: at,
        message: `unknown format version ${got}: this tool reads "${schema.properties.format.const}"`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum': {
      if (hint) return { path: at, message: `${got}: ${hint} is required` };
      const limit = (e.params as { limit: number }).limit;
      const message =
        e.keyword === 'exclusiveMinimum'
          ? `must be greater than ${limit}, got ${got}`
          : e.keyword === 'maximum'
            ? `must be at most ${limit.toLocaleString('en')}, got ${got}`
            : limit === 0
              ? `must not be negative, got ${got}`
              : `must be at least ${limit}, got ${got}`;
      return { path: at, message };
    }
    case 'minLength':
    case 'pattern':
    case 'format': {
      if (def === 'date') return { path: at, message: `bad date ${got}: use YYYY-MM-DD, YYYY-MM or YYYY` };
      if (def === 'country') return { path: at, message: `${got} is not ${HINTS.country}` };
      if (hint) return { path: at, message: `${got}: ${hint} is required` };
      if (at === 'name') return { path: at, message: 'must be a non-empty string naming the dataset' };
      if (at === 'id')
        return {
          path: at,
          message: `must be lower-case letters, digits, ".", "_" or "-" (at most 100, starting with a letter or digit), such as "diplab-france-2019"; got ${got}`,
        };
      if (field === 'scheme')
        return {
          path: at,
          message: `${got} must be upper-case letters, digits and hyphens, as org-id.guide writes register codes: LEI, FR-SIREN, GB-COH, OSHUB, WIKIDATA`,
        };
      return { path: at, message: `must be a non-empty string, got ${got}` };
    }
    default:
      return { path: at, message: e.message ?? 'does not match the schema' };
  }
}

/** The fields of a section's records in the schema's order: `links` → the properties of `$defs/link`. */
export function schemaFields(section: string): string[] {
  const def = section.endsWith('ies') ? section.replace(/ies$/, 'y') : section.replace(/s$/, '');
  const properties = (schema.$defs as unknown as Record<string, { properties?: object }>)[def]?.properties;
  if (!properties) throw new Error(`schema: no $defs/${def} for section ${section}`);
  return Object.keys(properties);
}

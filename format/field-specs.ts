// What each field of a section is, read from the JSON Schema once: how a CSV cell or a form input holds it, the label
// people read, its bounds and the values it takes. CSV, the API's rows and the explorer's fallbacks follow it, so a
// new field needs no code of theirs. Pure.
import { resolveSchema, SECTIONS, sectionItemSchema, type SchemaNode, type Section } from './model.js';

/** How a value is held, from the field's type in the JSON Schema. */
export type FieldShape = 'number' | 'boolean' | 'range' | 'list' | 'identifiers' | 'json' | 'text';

export interface FieldSpec {
  name: string;
  shape: FieldShape;
  /** What people read: the schema's `title`, or the name in words ("unitsPerMonth" → "units per month"). */
  label: string;
  /** The schema's description, when it gives one. */
  description: string | null;
  /** The values it takes (`enum`, or its items' `enum` for a list); null when any. */
  values: readonly string[] | null;
  minimum: number | null;
  maximum: number | null;
}

/** How a field's value is held, from its (resolved) schema node. */
export function fieldShape(node: SchemaNode): FieldShape {
  const n = resolveSchema(node);
  if (n.type === 'number' || n.type === 'integer') return 'number';
  if (n.type === 'boolean') return 'boolean';
  // Reported ranges ({min, max}) are written "60-120", or "60" for one figure.
  if (n.type === 'object' && n.properties?.min && n.properties.max) return 'range';
  if (n.type === 'object') return 'json';
  // Identifiers ({scheme, id}) are written SCHEME:id; other lists as their values.
  if (n.type === 'array') return n.items && resolveSchema(n.items).type === 'object' ? 'identifiers' : 'list';
  return 'text';
}

/** A camelCase name in words: "pricePerUnitEur" → "price per unit eur". */
export function nameInWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A field's spec from its node in the schema. */
export function fieldSpec(name: string, node: SchemaNode): FieldSpec {
  const n = resolveSchema(node);
  const values = n.enum ?? (n.type === 'array' && n.items ? resolveSchema(n.items).enum : undefined);
  return {
    name,
    shape: fieldShape(node),
    label: node.title ?? n.title ?? nameInWords(name),
    description: node.description ?? n.description ?? null,
    values: values ?? null,
    minimum: n.minimum ?? null,
    maximum: n.maximum ?? null,
  };
}

/** Each section's fields, in the schema's order. */
export const FIELD_SPECS = {} as Record<Section, readonly FieldSpec[]>;
for (const section of SECTIONS)
  FIELD_SPECS[section] = Object.entries(sectionItemSchema(section).properties ?? {}).map(([name, node]) =>
    fieldSpec(name, node),
  );

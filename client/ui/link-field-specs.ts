// Which link fields the explorer lays out by hand (the details panel's rows, the link form's inputs), and the others:
// every further field the format's schema lists, which the panel shows and the form edits from its spec alone, so a
// field added to the format needs no code in the explorer beyond its place in the GraphQL fragment.
import { FIELD_SPECS, type FieldSpec } from '../../format/field-specs.js';
import type { Link } from '../api/types.js';

/** The fields the details panel and the link form lay out by hand, with words and controls of their own. */
export const LINK_FIELDS_BY_HAND: ReadonlySet<string> = new Set([
  ...['id', 'type', 'from', 'to', 'since', 'until', 'disclosedToWorkers', 'pricePerUnitEur', 'use', 'confidence'],
  ...['note', 'interests', 'shareMin', 'shareMax', 'directOrIndirect', 'sources'],
]);

/** The link fields of the schema not laid out by hand, in the schema's order. */
export function otherLinkFieldSpecs(specs: readonly FieldSpec[] = FIELD_SPECS.links): FieldSpec[] {
  return specs.filter((f) => !LINK_FIELDS_BY_HAND.has(f.name));
}

/** Every link field the format lists, empty: lists empty, values null. */
const EMPTY_LINK = Object.fromEntries(FIELD_SPECS.links.map((f) => [f.name, f.shape === 'list' ? [] : null]));

/**
 * A link as the API answers it, with every field the format lists empty but those given (a group link, a test's
 * link): a field added to the format needs no code where links are made up.
 */
export function linkWith(given: Pick<Link, 'id' | 'type' | 'from' | 'to'> & Partial<Link>): Link {
  return { ...(EMPTY_LINK as unknown as Link), priceSuppressed: false, sources: [], ...given };
}

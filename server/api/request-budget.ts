// What one request may ask: a few heavy fields at most, and a cascade budget (nodes × depth) for all of them together.
// Checked once the operation and its variables are known, before any resolver runs.
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

import { HEAVY_FIELDS } from '../resolvers/field-policies.js';

/** The fields that run a traversal or an audit (declared in server/resolvers/field-policies.ts): each takes a place in the heavy-query gate. */
export { HEAVY_FIELDS };
export const BUDGET = { heavyFields: 4, cascadeCost: 60_000 } as const;
const CASCADE_DEFAULTS = { maxDepth: 3, limit: 500 };

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The top-level fields of the operation, through inline fragments and fragment spreads. */
function topFields(
  set: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): { name: string; args: Map<string, ValueNode> }[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD)
      return [{ name: s.name.value, args: new Map((s.arguments ?? []).map((a) => [a.name.value, a.value])) }];
    if (s.kind === Kind.INLINE_FRAGMENT) return topFields(s.selectionSet, document, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
    );
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION
      ? topFields(fragment.selectionSet, document, seen)
      : [];
  });
}

/** What the request would cost; throws QUERY_TOO_COSTLY (with what to do) when it is over the budget. Pure. */
export function checkBudget(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): { heavy: number; cascadeCost: number } {
  const fields = topFields(operation.selectionSet, document);
  const heavy = fields.filter((f) => HEAVY_FIELDS.has(f.name));
  let cascadeCost = 0;
  for (const f of fields.filter((x) => x.name === 'cascade')) {
    const depth = Number(argumentValue(f.args.get('maxDepth'), variables) ?? CASCADE_DEFAULTS.maxDepth);
    const limit = Number(argumentValue(f.args.get('limit'), variables) ?? CASCADE_DEFAULTS.limit);
    cascadeCost += (Number.isFinite(depth) ? depth : 12) * (Number.isFinite(limit) ? limit : 5000);
  }
  const fail = (message: string) =>
    new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } } });
  if (heavy.length > BUDGET.heavyFields) {
    throw fail(
      `This request asks for ${heavy.length} heavy fields (${[...new Set(heavy.map((h) => h.name))].join(', ')}); at most ${BUDGET.heavyFields} per request. Send them in several requests.`,
    );
  }
  if (cascadeCost > BUDGET.cascadeCost) {
    throw fail(
      `This request's cascades would visit up to ${cascadeCost.toLocaleString('en')} nodes (limit × maxDepth, added up); at most ${BUDGET.cascadeCost.toLocaleString('en')}. Lower the limit or the depth, or send fewer cascades.`,
    );
  }
  return { heavy: heavy.length, cascadeCost };
}

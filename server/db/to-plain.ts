// Turns driver values into plain JSON-ready values, so no driver type leaves db/.
import neo4j from 'neo4j-driver';

/** Converts integers (checked for safe range), nodes, relationships, temporals, lists and maps. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans (most of an answer) pass as they are, before any of the driver-type checks.
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value))
      throw new RangeError(`db: integer ${value.toString()} is too large for JavaScript`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof neo4j.types.Node) return { labels: value.labels, ...plainMap(value.properties) };
  if (value instanceof neo4j.types.Relationship) return { type: value.type, ...plainMap(value.properties) };
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) out[k] = toPlain(v);
  return out;
}

// Raw Cypher on the test run's own store (globalSetup made it, or NEO4J_URI pointed at it), through a driver of its own:
// for tests that set the store in a state no API reaches (a verdict's day set back, a kept card's formula changed).
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';

/** Runs `cypher` with `params` on the test's own store and returns its records as plain objects. */
export async function onTestStore(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    return (await driver.executeQuery(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

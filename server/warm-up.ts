// Plans the heavy read queries once at start-up, so the first person to open a view does not wait for
// Neo4j's planner (several seconds for provenance on a cold server). Runs on ids that match nothing.
import type { Database } from './db/index.js';
import { WARM_UP_QUERIES } from './resolvers/field-policies.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The queries planned at start-up: each query field declares its own in server/resolvers/field-policies.ts. */
export { WARM_UP_QUERIES } from './resolvers/field-policies.js';

/** Plans every warm-up query; a query that fails is logged by name (the server still starts: the failure will show on use). Returns the names that failed. */
export async function warmUp(
  db: Database,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<string[]> {
  const queries = WARM_UP_QUERIES(today());
  const results = await Promise.allSettled(queries.map(([name, params]) => db.read(name, params)));
  const failed: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      const name = queries[i]![0];
      failed.push(name);
      log(`warm-up: cypher/${name}.cypher failed to plan: ${(r.reason as Error)?.message ?? String(r.reason)}`);
    }
  });
  return failed;
}

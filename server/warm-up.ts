// Plans the heavy read queries once at start-up, so the first person to open a view does not wait for
// Neo4j's planner (several seconds for provenance on a cold server). Runs on ids that match nothing.
import type { Database } from './db/index.js';

const today = () => new Date().toISOString().slice(0, 10);

export async function warmUp(db: Database): Promise<void> {
  const asOf = today();
  await Promise.allSettled([
    db.read('provenance', { taskId: '', asOf }),
    db.read('value-chain', { taskId: '', asOf }),
    db.read('cascade', { rootId: '', direction: 'BOTH', maxDepth: 2, asOf, limit: 500 }),
    db.read('who-works-for', { workerPoolId: '', asOf, maxDepth: 8 }),
    db.read('workforce-behind', { organizationId: '', asOf, maxDepth: 8 }),
    db.read('entity', { id: '' }),
    db.read('audit-facts', { organizationId: '', claimId: null, asOf, withSubject: true }),
    db.read('claims', { organizationId: '' }),
  ]);
}

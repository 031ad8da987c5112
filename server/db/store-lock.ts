// The store-wide lock and journal: imports, removals and editors' changes run one at a time, each in one transaction
// whose journal entry only its commit removes, so the next run can say what a stopped one left.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from './database.js';
import { DatabaseError } from './database-error.js';

export interface UnfinishedImport {
  token: string;
  dataset: string;
  action: string;
  pid: number;
  host: string;
  startedAt: string;
  running: boolean;
}

/**
 * The imports that started and did not finish: still running (another process on this machine), or stopped half-way,
 * in which case Neo4j rolled their transaction back and the store holds the version before them. Clears the latter.
 */
export async function unfinishedImports(db: Database): Promise<UnfinishedImport[]> {
  const rows = await db.read('import-journal');
  const found = rows.map((r) => {
    const pid = Number(r.pid);
    const running = String(r.host) === hostname() && isAlive(pid);
    return {
      token: String(r.token),
      dataset: String(r.dataset),
      action: String(r.action),
      pid,
      host: String(r.host),
      startedAt: String(r.startedAt),
      running,
    };
  });
  // A load by the offline importer is not rolled back: its entry stays, and is said at every run, until the store is deleted.
  for (const f of found.filter((x) => !x.running && x.action !== NEW_STORE_ACTION))
    await db.write('import-journal-end', { token: f.token });
  return found;
}

/** The journal's action for `deep-labour import --new-store` (server/dataset/new-store-import.ts). */
export const NEW_STORE_ACTION = 'new-store import';

/** Says what an unfinished import left, for people. Pure. */
export function describeUnfinished(u: UnfinishedImport): string {
  // Imports, removals and editors' changes (edit, retract, revert, accept) all run behind the same lock and journal.
  const what = `${/^[aeiou]/.test(u.action) ? 'an' : 'a'} ${u.action} of ${u.dataset === 'store' ? 'the store' : `dataset "${u.dataset}"`}`;
  if (u.action === NEW_STORE_ACTION && !u.running)
    return `${what} started ${u.startedAt} (process ${u.pid}) did not finish: Neo4j's offline importer wrote its records and links, but not its dataset record, history or verdicts. Stop the store, delete its folder (NEO4J_DATA_DIR) and run the import with --new-store again`;
  return u.running
    ? `${what} is running (process ${u.pid}, since ${u.startedAt}); this one waits for it`
    : `${what} started ${u.startedAt} (process ${u.pid}) did not finish; Neo4j rolled it back, so the store holds the version from before it`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `work` in one transaction behind the store's import lock, with a journal entry that only the commit removes. */
export async function journaled<T>(
  db: Database,
  dataset: string,
  action: string,
  signal: AbortSignal | undefined,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const token = randomUUID();
  await db.write('import-journal-start', { token, dataset, action, pid: process.pid, host: hostname() });
  try {
    return await db.transaction(
      async (tx) => {
        await tx.run('import-lock', { holder: `${action} ${dataset} (${token})` });
        // An import being written in batches (docs/versioning.md, "Imports in bounded memory") holds the store until its
        // switch: a change written meanwhile would be stamped after the readers' visible change and before the import's.
        const [stage] = await tx.run('stage-mark');
        if (stage?.staging !== null && stage?.staging !== undefined)
          throw new DatabaseError(
            'DATABASE_UNAVAILABLE',
            `db: an import is being written into the store (change ${String(stage.staging)}); nothing was changed. Try again when it has finished`,
            'stage-mark',
          );
        const result = await work(tx);
        await tx.run('import-journal-end', { token });
        return result;
      },
      signal ? { signal } : {},
    );
  } catch (e) {
    // Rolled back: the journal entry goes too, so the next run does not report this one as stopped half-way.
    await db.write('import-journal-end', { token }).catch(() => {});
    throw e;
  }
}

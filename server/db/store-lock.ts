// The store-wide lock and journal: imports, removals and editors' changes run one at a time, each in one transaction
// whose journal entry only its commit removes, so the next run can say what a stopped one left.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from './database.js';

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
  for (const f of found.filter((x) => !x.running)) await db.write('import-journal-end', { token: f.token });
  return found;
}

/** Says what an unfinished import left, for people. Pure. */
export function describeUnfinished(u: UnfinishedImport): string {
  // Imports, removals and editors' changes (edit, retract, revert, accept) all run behind the same lock and journal.
  const what = `${/^[aeiou]/.test(u.action) ? 'an' : 'a'} ${u.action} of ${u.dataset === 'store' ? 'the store' : `dataset "${u.dataset}"`}`;
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

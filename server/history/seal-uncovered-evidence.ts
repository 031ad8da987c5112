// `deep-labour verify --seal-evidence` (issue #29.3, docs/versioning.md): a store made before the evidence digest holds
// records and links without `h`, which `verify` can only report as "not covered". Sealing stamps each of them with the
// `h` of its content as it is now, counts them in the digest and marks the digest complete, in one transaction under
// the store-wide lock, recorded as a change: from its commit, `verify` names any of them changed outside the explorer.
// It vouches for nothing older than itself: the change says when the baseline was taken and by whom.
import { journaled } from '../db/store-lock.js';
import type { Database } from '../db/index.js';
import { recordChange, type ChangeRow } from './change-log.js';
import { evidenceCompleted, touchLinks, touchRecords } from './evidence-seal.js';

/** Stamps every record and link without `h`, marks the digest complete and records the change; see the file's head. */
export async function sealUncoveredEvidence(
  db: Database,
  options: { author: string; reason: string | null; signal?: AbortSignal },
): Promise<{ records: number; links: number; change: ChangeRow }> {
  return journaled(db, 'store', 'seal-evidence', options.signal, async (tx) => {
    const records = (await tx.run('evidence-unsealed-records')).map((r) => String(r.id));
    const links = (await tx.run('evidence-unsealed-links')).map((r) => ({ type: String(r.type), id: String(r.id) }));
    await touchRecords(tx, records);
    await touchLinks(tx, links);
    await evidenceCompleted(tx);
    const change = await recordChange(tx, {
      author: options.author,
      role: null,
      dataset: null,
      reason: options.reason,
      summary: `sealed the evidence: ${records.length} records and ${links.length} links from before the evidence digest stamped with their hash as they are now; the digest covers the whole store from this change`,
      action: 'seal-evidence',
      record: null,
      scope: 'dataset',
      before: null,
      after: null,
      status: 'applied',
      counts: { records: records.length, links: links.length },
    });
    return { records: records.length, links: links.length, change };
  });
}

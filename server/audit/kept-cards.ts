// Scorecard indicators kept between changes (docs/versioning.md, "Scorecards in milliseconds"): a card computed by
// audit-facts.cypher is kept with the ids of every record it can depend on; a change to the evidence deletes, in its own
// transaction, the cards that read one of the records it touched (verdict-keeper.ts calls `dropCards`), and a card asked
// for a day across a link's start or end is computed again (kept-card.cypher checks the dates as kept verdicts do).
import { createHash } from 'node:crypto';
import type { Database, Row, Transaction } from '../db/index.js';
import { loadCypherFiles } from '../db/cypher-files.js';
import type { Touched } from './verdict-anchors.js';

/**
 * What computed a kept card: the text of audit-facts.cypher. A release that changes the query (and so, maybe, the
 * indicators) reads no card kept by an earlier one.
 */
export const CARD_FORMULA = createHash('sha256')
  .update(loadCypherFiles()('audit-facts'), 'utf8')
  .digest('hex')
  .slice(0, 16);

/** How many ids one full-text query names (Lucene refuses more than 1,024 clauses). */
export const READS_PER_QUERY = 500;
/** A change that touched more records than this drops every kept card: finding them costs more than computing them again. */
export const DROP_ALL_ABOVE = 20_000;

/** The Lucene query that finds the cards that read one of `ids`: each id quoted (one exact term for the keyword analyzer). Pure. */
export function cardReadsQuery(ids: readonly string[]): string {
  return ids.map((id) => `"${id.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' OR ');
}

/** How many cards were read kept, computed, kept after computing, and dropped by changes (read by tests and benches). */
export const cardCounts = { kept: 0, computed: 0, stored: 0, dropped: 0 };

/** A kept card: the indicators' facts as audit-facts.cypher returned them (without evidence), and the organisation. */
export interface KeptCard {
  subject: Row;
  facts: Record<string, unknown> | null;
  /** The store's last change when the card was read: a card computed now is kept only if it is still the last. */
  seq: number;
}

/** The card kept for `organizationId` when it holds on `asOf` with `minPoolSize` (facts null otherwise); null when nothing has the id. */
export async function keptCard(
  db: Database,
  organizationId: string,
  asOf: string,
  minPoolSize: number,
): Promise<KeptCard | null> {
  const [row] = await db.read('kept-card', { organizationId, asOf, minPoolSize, formula: CARD_FORMULA });
  if (!row) return null;
  const facts = typeof row.facts === 'string' ? (JSON.parse(row.facts) as Record<string, unknown>) : null;
  if (facts) cardCounts.kept += 1;
  return { subject: row.subject as Row, facts, seq: Number(row.seq) };
}

let keepFailures = 0;

/**
 * Keeping cards runs after the answer is sent; `cardsKept(db)` waits for those under way through `db` (tests, benches,
 * the server's shutdown), not for those of another handle, which may have been closed under them.
 */
const underWay = new WeakMap<Database, Set<Promise<unknown>>>();
export async function cardsKept(db: Database): Promise<void> {
  const pending = underWay.get(db);
  while (pending && pending.size > 0) await Promise.allSettled([...pending]);
}

/**
 * Keeps `facts`, the indicators of `organizationId` computed on `asOf`, unless the store changed after change `seq`
 * (card-keep.cypher takes the change counter's lock first). In the background: a failure (a read-only store, a
 * timeout) costs the next reader a computation, nothing else, and is logged.
 */
export function keepCard(
  db: Database,
  card: { organizationId: string; asOf: string; minPoolSize: number; seq: number; facts: Record<string, unknown> },
  log: (line: string) => void = (line) => console.warn(line),
): void {
  const work = db
    .write('card-keep', {
      organizationId: card.organizationId,
      asOf: card.asOf,
      minPoolSize: card.minPoolSize,
      seq: card.seq,
      formula: CARD_FORMULA,
      facts: JSON.stringify(card.facts),
    })
    .then(({ rows }) => {
      if (rows[0]?.kept === true) cardCounts.stored += 1;
    })
    .catch((error: unknown) => {
      // A store that refuses every keep (a read-only user) would say so on every card: the first time, then every 100th.
      if (keepFailures++ % 100 === 0)
        log(
          `scorecard: the indicators of ${card.organizationId} were not kept (${String(error)}); they are computed again when asked (${keepFailures} not kept so far)`,
        );
    });
  const pending = underWay.get(db) ?? new Set();
  underWay.set(db, pending);
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/** Deletes, in the change's transaction, the kept cards the change `touched` can alter: those that read a record it names. */
export async function dropCards(tx: Transaction, touched: Touched): Promise<number> {
  const ids = [...touched.anchors];
  let dropped = 0;
  if (touched.all || ids.length > DROP_ALL_ABOVE) {
    const [row] = await tx.run('cards-dropped', { all: true, reads: '' });
    dropped = Number(row?.dropped ?? 0);
  } else {
    for (let i = 0; i < ids.length; i += READS_PER_QUERY) {
      const [row] = await tx.run('cards-dropped', {
        all: false,
        reads: cardReadsQuery(ids.slice(i, i + READS_PER_QUERY)),
      });
      dropped += Number(row?.dropped ?? 0);
    }
  }
  cardCounts.dropped += dropped;
  return dropped;
}

/** A kept card as the row audit-facts.cypher would send for it without evidence (auditSubject reads it). Pure. */
export function keptCardRow(subject: Row, facts: Record<string, unknown>): Row {
  return {
    subject,
    claims: [],
    withLinks: false,
    links: [],
    ends: [],
    linkSources: [],
    indicators: facts,
    indicatorEvidence: [],
  };
}

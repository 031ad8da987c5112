// The days passing, as verdict keeping sees them: a verdict depends on the day it is judged for (links start and end),
// so the kept verdicts are brought to today once a day, in one transaction, as a change of their own.
//
// The links of the seven types the claim rules read the dates of that started or ended since the earliest day a kept
// verdict was judged for are found by index seeks (verdict-days-links.cypher); the claims they can affect are judged
// again for today, as a write's are (verdict-affected.cypher, the audit's own query and rules), or every claim when
// those links outnumber the verdicts, and the others are moved to today unchanged (nothing they read changed). A verdict that changed is recorded with a `dates-passed`
// change in the history that names the links, so that the watch feed, the webhook and `verdictChanges` say why.
// Every write does this first (verdict-keeper.ts), and the server at its start and each midnight (UTC), so scorecards
// keep reading kept verdicts (kept-verdicts.cypher) as the days pass instead of judging every claim again.
import type { Database, Transaction } from '../db/index.js';
import { journaled } from '../db/store-lock.js';
import { recordChange } from '../history/change-log.js';
import { judgeTouched, keepVerdicts, utcToday } from './judge-verdicts.js';
import { nothingTouched } from './verdict-anchors.js';

/** The history's action for the days passing. */
export const DATES_PASSED = 'dates-passed';
/** Who the history says made a `dates-passed` change. */
const AUTHOR = 'deep-labour (the date)';
/** How many of the links the change's summary names (it counts them all). */
const NAMED = 5;

/** A link that started or ended between two days. */
export interface DatedLink {
  type: string;
  id: string;
  fromId: string;
  toId: string;
  /** The day it starts, or the last day it holds. */
  day: string;
  starts: boolean;
}

/** What bringing the kept verdicts to a day did; null when they were all judged for that day already. */
export interface DaysRolled {
  from: string;
  to: string;
  links: number;
  judged: number;
  changed: number;
  moved: number;
  changeId: string | null;
}

/** The history's summary of the days passing. Pure. */
export function datesPassedSummary(
  r: Pick<DaysRolled, 'from' | 'to' | 'judged' | 'changed'>,
  links: DatedLink[],
): string {
  const named = links
    .slice(0, NAMED)
    .map((l) => `${l.type} ${l.id} ${l.starts ? 'starts' : 'holds until'} ${l.day}`)
    .join('; ');
  const more = links.length > NAMED ? `; and ${links.length - NAMED} more` : '';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `dates passed from ${r.from} to ${r.to}: ${plural(links.length, 'link', 'links')} started or ended (${named}${more}); ` +
    `${plural(r.judged, 'claim', 'claims')} judged again for ${r.to}, ${plural(r.changed, 'verdict', 'verdicts')} changed`
  );
}

/**
 * Brings the kept verdicts judged before `today` to `today`, in `tx` (behind the store's write lock): judges again
 * the claims the links that started or ended since can affect, records the verdicts that changed as caused by one
 * `dates-passed` change (none when no verdict changed), and moves the others to `today`.
 */
export async function rollVerdictDays(tx: Transaction, today: string): Promise<DaysRolled | null> {
  const [due] = await tx.run('verdict-days-due', { today });
  const from = (due?.from as string | null | undefined) ?? null;
  if (from === null) return null;
  const links = (await tx.run('verdict-days-links', { from, today })).map((r) => ({
    type: String(r.type),
    id: String(r.id),
    fromId: String(r.fromId),
    toId: String(r.toId),
    day: String(r.day),
    starts: r.starts === true,
  }));
  // A link's ends stand for it, as for a write that adds or removes it. More links than verdicts to bring: every claim is
  // judged, which costs less than finding which ones they reach (each link's neighbourhood is searched as a write's is).
  const touched = { ...nothingTouched(), all: links.length > Number(due?.behind ?? 0) };
  if (!touched.all) for (const l of links) touched.anchors.add(l.fromId).add(l.toId);
  const verdicts = links.length === 0 ? [] : await judgeTouched(tx, touched, today);
  const old = new Map(
    (await tx.run('verdict-kept-of', { claimIds: verdicts.map((v) => v.claimId) })).map((r) => [
      String(r.claimId),
      (r.verdict as string | null) ?? null,
    ]),
  );
  const changed = verdicts.filter((v) => old.get(v.claimId) !== v.verdict).length;
  const judged = verdicts.filter((v) => v.verdict !== null).length;
  const summary = { from, to: today, judged, changed };
  const change =
    changed === 0
      ? null
      : await recordChange(tx, {
          author: AUTHOR,
          role: null,
          dataset: null,
          reason: 'links started or ended since the verdicts were judged',
          summary: datesPassedSummary(summary, links),
          action: DATES_PASSED,
          record: null,
          scope: 'dataset',
          before: null,
          after: null,
          status: 'applied',
          counts: { links: links.length, judged, changed, from, to: today },
        });
  const outcome = await keepVerdicts(tx, verdicts, { id: change?.id ?? null, seq: change?.seq ?? null }, false);
  const [moved] = await tx.run('verdict-days-moved', { today, judged: verdicts.map((v) => v.claimId) });
  return {
    ...summary,
    links: links.length,
    changed: outcome.changed,
    moved: Number(moved?.moved ?? 0),
    changeId: change?.id ?? null,
  };
}

/**
 * Brings the kept verdicts to `today` behind the store's write lock, when some were judged for an earlier day (a read
 * says so first: most calls take no lock).
 */
export async function rollVerdictDaysNow(db: Database, today: string = utcToday()): Promise<DaysRolled | null> {
  const [due] = await db.read('verdict-days-due', { today });
  if (due?.from === null || due?.from === undefined) return null;
  return journaled(db, 'store', DATES_PASSED, undefined, (tx) => rollVerdictDays(tx, today));
}

/** Milliseconds from `now` to a few seconds past the next midnight, UTC. Pure. */
export function msUntilNextUtcDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 0, 5);
  return next - now.getTime();
}

/**
 * Brings the kept verdicts to today now and after each midnight (UTC) while the server runs; `afterChange` is called
 * when verdicts changed (the webhook sends them). Never throws: a failure is logged and tried again at the next day.
 */
export function keepVerdictsCurrent(
  db: Database,
  options: { log?: (line: string) => void; afterChange?: () => void } = {},
): { stop: () => void; done: () => Promise<void> } {
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const roll = async () => {
    try {
      const rolled = await rollVerdictDaysNow(db);
      if (rolled === null) return;
      log(
        `server: verdicts brought from ${rolled.from} to ${rolled.to}: ${rolled.links} links started or ended, ` +
          `${rolled.judged} claims judged again, ${rolled.changed} verdicts changed${rolled.changeId ? ` (${rolled.changeId})` : ''}`,
      );
      if (rolled.changed > 0) options.afterChange?.();
    } catch (e) {
      log(`server: could not bring the kept verdicts to today (tried again tomorrow): ${(e as Error).message}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = roll().then(schedule);
    }, msUntilNextUtcDay(new Date()));
    timer.unref();
  };
  running = roll().then(schedule);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    done: () => running,
  };
}

// The verdict webhook (VERDICT_WEBHOOK_URL): after a write commits, each new change of verdict is POSTed as JSON, signed with HMAC-SHA256, from an in-process queue with retries and backoff; a write never waits for it.
//
// The server pokes the webhook after every GraphQL mutation has committed (create-graphql.ts); the webhook then reads
// the changes of verdict numbered past the last it queued (verdict-changes.cypher, as the feed does) and sends them in
// order. Only the server sends: a CLI write is sent by the server's next poke after it (it reads every change past its
// cursor). Undelivered events are dropped when the server stops; receivers catch up from verdictChanges or the feed.
import { createHmac, randomUUID } from 'node:crypto';
import type { VerdictWebhookConfig } from '../config.js';
import type { Database } from '../db/index.js';
import { verdictChangePage, type toVerdictChange } from '../resolvers/verdict-resolvers.js';
import { auditViewUrl } from './verdict-feed.js';

type Entry = ReturnType<typeof toVerdictChange>;

/** Events waiting at most; past it the oldest are dropped (logged): a receiver down for long catches up from the API. */
export const WEBHOOK_QUEUE_LIMIT = 10_000;
const PAGE = 200;

/** The signature header's value for `body`: `sha256=` and the hex HMAC-SHA256 of the raw body keyed by `secret`. Pure. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The waits before attempts 2 … `attempts`: base, 2·base, 4·base …, each at most `maxMs`. Pure. */
export function backoffSchedule(attempts: number, baseMs: number, maxMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => Math.min(maxMs, baseMs * 2 ** i));
}

/** The JSON a receiver gets for one change of verdict: the Atom entry's fields and its link, nothing more. Pure. */
export function webhookPayload(explorerUrl: string, e: Entry) {
  return {
    id: e.id,
    claimId: e.claimId,
    claimText: e.claimText,
    organizationId: e.subjectId,
    organizationName: e.subjectName,
    byId: e.byId,
    old: e.old,
    new: e.new,
    at: e.at,
    changeId: e.changeId,
    changeSummary: e.changeSummary,
    explanation: e.explanation,
    evidence: e.evidence,
    auditUrl: auditViewUrl(explorerUrl, e),
  };
}

export interface VerdictWebhook {
  /** A write has committed: look for new changes of verdict (returns at once). */
  poke(): void;
  /** Stops sending and aborts the attempt under way; what is still queued is dropped (logged). */
  stop(): void;
}

/** Starts the webhook: its cursor is the newest change of verdict kept now (older ones are not sent). */
export async function startVerdictWebhook(
  db: Database,
  config: VerdictWebhookConfig,
  log: (line: string) => void = (line) => console.error(line),
): Promise<VerdictWebhook> {
  const newest = await verdictChangePage(db, {
    claimId: null,
    organizationId: null,
    since: null,
    first: 1,
    after: null,
  });
  let cursorN = newest.edges[0]?.node.n ?? 0;
  const queue: { deliveryId: string; body: string; n: number }[] = [];
  let scanning = false;
  let again = false;
  let sending = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const stopping = new AbortController();
  const wait = (ms: number) =>
    new Promise<void>((done) => {
      const t = setTimeout(() => {
        timers.delete(t);
        done();
      }, ms);
      t.unref();
      timers.add(t);
    });
  const delays = backoffSchedule(config.attempts, config.backoffMs, config.backoffMaxMs);

  const scan = async () => {
    const found: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await verdictChangePage(db, {
        claimId: null,
        organizationId: null,
        since: null,
        first: PAGE,
        after,
      });
      const nodes = page.edges.map((e) => e.node).filter((n) => n.n > cursorN);
      found.push(...nodes);
      if (nodes.length < page.edges.length || !page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Stopped while reading: nothing more is queued (the changes stay readable from verdictChanges).
    if (stopped) return;
    found.sort((a, b) => a.n - b.n);
    for (const e of found) {
      queue.push({ deliveryId: randomUUID(), body: JSON.stringify(webhookPayload(config.explorerUrl, e)), n: e.n });
      cursorN = e.n;
    }
    if (queue.length > WEBHOOK_QUEUE_LIMIT) {
      const dropped = queue.splice(0, queue.length - WEBHOOK_QUEUE_LIMIT);
      log(`webhook: queue full, dropped ${dropped.length} changes of verdict (from verdictChanges they can be read)`);
    }
  };

  const deliver = async (item: (typeof queue)[number]): Promise<void> => {
    for (let attempt = 1; attempt <= config.attempts && !stopped; attempt++) {
      const timestamp = new Date().toISOString();
      let outcome: string;
      try {
        const res = await fetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Deep-Labour-Explorer-webhook',
            'x-deep-labour-delivery': item.deliveryId,
            'x-deep-labour-timestamp': timestamp,
            'x-deep-labour-attempt': String(attempt),
            'x-deep-labour-signature': signBody(config.secret, item.body),
          },
          body: item.body,
          redirect: 'manual',
          signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(config.timeoutMs)]),
        });
        await res.body?.cancel().catch(() => {});
        if (res.status >= 200 && res.status < 300) return;
        outcome = `answered ${res.status}`;
      } catch (e) {
        outcome = (e as Error).name === 'TimeoutError' ? `no answer in ${config.timeoutMs} ms` : (e as Error).message;
      }
      if (stopped) return;
      if (attempt === config.attempts) {
        log(
          `webhook: dropped delivery ${item.deliveryId} (verdict-change-${item.n}) after ${attempt} attempts: ${outcome}`,
        );
        return;
      }
      await wait(delays[attempt - 1]!);
    }
  };

  const send = async () => {
    if (sending) return;
    sending = true;
    try {
      while (!stopped && queue.length) await deliver(queue.shift()!);
    } finally {
      sending = false;
    }
  };

  const poke = () => {
    if (stopped) return;
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    void (async () => {
      try {
        do {
          again = false;
          await scan();
        } while (again && !stopped);
      } catch (e) {
        log(`webhook: could not read the changes of verdict (the next write tries again): ${(e as Error).message}`);
      } finally {
        scanning = false;
      }
      void send();
    })();
  };

  return {
    poke,
    stop() {
      stopped = true;
      stopping.abort();
      for (const t of timers) clearTimeout(t);
      const undelivered = queue.length + (sending ? 1 : 0);
      if (undelivered)
        log(`webhook: stopping, ${undelivered} changes of verdict not delivered (verdictChanges has them)`);
      queue.length = 0;
    },
  };
}

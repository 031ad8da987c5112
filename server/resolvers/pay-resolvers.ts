// WorkerPool.pay, ValueChain.reportedPay and their PayReport fields: each pool's reports read in one query for all the pools of a request, the reference wages and exchange rates once per request; small groups' pay withheld.
import type { Context } from './context.js';
import type { PayReportResolvers, ValueChainResolvers, WorkerPoolResolvers } from '../schema/generated-types.js';
import {
  chainPayOf,
  hourlyOf,
  reportedText,
  reportIsForTask,
  toPayReport,
  toWageTables,
  wageGapOf,
  WAGE_KIND_OF,
  type PayReportModel,
  type WageTables,
} from '../models/pay-model.js';
import type { EntityModel } from '../models/models.js';
import { recordedQuery } from '../db/cypher-template.js';

interface PerRequest {
  /** Pools whose reports a field already read in its own query (Scorecard.pay, today's or as its card): answered without another. */
  known: Map<string, PayReportModel[]>;
  /** Pools asked for since the last query, each with who waits for its reports. */
  waiting: Map<
    string,
    {
      id: string;
      seq: number | undefined;
      country: string | null;
      resolve: (r: PayReportModel[]) => void;
      reject: (e: unknown) => void;
    }[]
  >;
  scheduled: boolean;
  /** The reference wages and exchange rates, by the change they are read as of (none: today). */
  tables: Map<number | undefined, Promise<WageTables>>;
}
const requests = new WeakMap<Context, PerRequest>();

function perRequest(ctx: Context): PerRequest {
  let state = requests.get(ctx);
  if (!state)
    requests.set(ctx, (state = { known: new Map(), waiting: new Map(), scheduled: false, tables: new Map() }));
  return state;
}

/** A pool's key in a request's batches: its id, and the change it is read as of (recordedAt), if any. */
const poolKey = (id: string, seq: number | undefined) => (seq === undefined ? id : `${seq}|${id}`);

/**
 * The reports of a pool: the pools asked for while the answer is being built are read together, one query for each
 * moment they are read at (today, or as recorded just after a change: `pool.recordedSeq`).
 */
function payOf(ctx: Context, pool: EntityModel): Promise<PayReportModel[]> {
  const state = perRequest(ctx);
  const key = poolKey(pool.id, pool.recordedSeq);
  const known = state.known.get(key);
  if (known) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    const list = state.waiting.get(key) ?? [];
    list.push({ id: pool.id, seq: pool.recordedSeq, country: pool.country, resolve, reject });
    state.waiting.set(key, list);
    if (state.scheduled) return;
    state.scheduled = true;
    // After every resolver of this round of the answer has asked (they run before the next turn of the event loop).
    setImmediate(() => {
      const batch = state.waiting;
      state.waiting = new Map();
      state.scheduled = false;
      const moments = new Map<number | undefined, string[]>();
      for (const [first] of batch.values()) moments.set(first!.seq, [...(moments.get(first!.seq) ?? []), first!.id]);
      for (const [seq, pools] of moments) {
        const { query, extra } = recordedQuery('pay-reports', seq);
        ctx.db.read(query, { pools, ...extra }).then(
          (rows) => {
            const byPool = new Map<string, Record<string, unknown>[]>();
            for (const r of rows)
              byPool.set(String(r.poolId), [
                ...(byPool.get(String(r.poolId)) ?? []),
                r.report as Record<string, unknown>,
              ]);
            for (const id of pools)
              for (const w of batch.get(poolKey(id, seq))!)
                w.resolve(
                  (byPool.get(id) ?? []).map((r) => ({
                    ...toPayReport(r, w.country),
                    ...(seq === undefined ? {} : { recordedSeq: seq }),
                  })),
                );
          },
          (e: unknown) => {
            for (const id of pools) for (const w of batch.get(poolKey(id, seq))!) w.reject(e);
          },
        );
      }
    });
  });
}

/** The reference wages and exchange rates, read once per request for each moment (today, or as recorded just after change `seq`). */
function tablesOf(ctx: Context, seq: number | undefined): Promise<WageTables> {
  const state = perRequest(ctx);
  let tables = state.tables.get(seq);
  if (!tables) {
    const { query, extra } = recordedQuery('wage-table', seq);
    tables = ctx.db.read(query, extra).then(([row]) => toWageTables(row));
    state.tables.set(seq, tables);
  }
  return tables;
}

/**
 * What a field read in its own query (Scorecard.pay reads its pools' reports and the wage table together): the `pay` and
 * `wageGap` fields under it answer from this, with no further query.
 */
export function primePay(
  ctx: Context,
  reports: ReadonlyMap<string, PayReportModel[]>,
  tables: WageTables,
  seq: number | undefined,
): void {
  const state = perRequest(ctx);
  for (const [pool, list] of reports) state.known.set(poolKey(pool, seq), list);
  if (!state.tables.has(seq)) state.tables.set(seq, Promise.resolve(tables));
}

export const workerPoolResolvers: WorkerPoolResolvers = {
  // A small group's pay is withheld exactly as its size is: nothing about it is read.
  pay: (pool, _args, ctx) => (pool.sizeSuppressed ? [] : payOf(ctx, pool)),
  paySuppressed: (pool) => pool.sizeSuppressed,
};

export const payReportResolvers: PayReportResolvers = {
  min: (r) => r.figure.min,
  max: (r) => r.figure.max,
  currency: (r) => r.figure.currency,
  unit: (r) => r.figure.unit,
  reported: (r) => reportedText(r.figure),
  tasksPerHour: (r) => r.figure.tasksPerHour ?? null,
  hoursPerUnit: (r) => r.figure.hoursPerUnit ?? null,
  hourly: (r) => hourlyOf(r).hourly,
  hourlyNote: (r) => hourlyOf(r).note,
  hourlySteps: (r) => hourlyOf(r).steps,
  wageGap: async (r, { kind }, ctx) => wageGapOf(r, WAGE_KIND_OF[kind], await tablesOf(ctx, r.recordedSeq)),
};

export const valueChainResolvers: ValueChainResolvers = {
  // The pool's reports come through the same batched read as WorkerPool.pay: one query for every pool of the request.
  reportedPay: async (chain, _args, ctx) => {
    if (chain.workerPool.sizeSuppressed) return [];
    const [reports, tables] = await Promise.all([
      payOf(ctx, chain.workerPool),
      tablesOf(ctx, chain.workerPool.recordedSeq),
    ]);
    return reports
      .filter((r) => reportIsForTask(r, chain.taskId))
      .map((r) => chainPayOf(r, chain.clientPricePerUnitEur, tables.rates));
  },
};

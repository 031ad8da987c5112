// A database whose transactions send each query through a function of the bench's first: how the side-by-side benches
// reproduce how a write used to be made (rows sent without a field, elements named before a write).
import type { Database, Transaction } from '../server/db/index.js';

/**
 * `db`, whose transactions run each query through `around(tx, shim)`: `tx` is the real transaction, `shim` the one the
 * write's code holds (pass it on to anything that keys its bookkeeping by transaction, as the evidence seal does).
 */
export function withQueries(
  db: Database,
  around: (tx: Transaction, shim: Transaction) => Transaction['run'],
): Database {
  const wrapped: Database = Object.create(db);
  wrapped.transaction = (work, options) =>
    db.transaction((tx) => {
      const shim: Transaction = {
        run: (name, params) => run(name, params),
        beforeCommit: (hook) => tx.beforeCommit(hook),
      };
      const run = around(tx, shim);
      return work(shim);
    }, options);
  return wrapped;
}

// deep-labour verify: recomputes the ledger's hash chain and the evidence's hashes, and names the first change or the
// records and links that do not match (#29.3); with --seal-evidence, covers a store's records and links from before
// the evidence digest.
import { readConfig } from '../../config.js';
import { connectDatabase, type Database } from '../../db/index.js';
import { evidenceFindings, verifyEvidence } from '../../history/evidence-verify.js';
import { verifyLedger } from '../../history/ledger-verify.js';
import { sealUncoveredEvidence } from '../../history/seal-uncovered-evidence.js';
import {
  UsageError,
  type Io,
  cliAuthor,
  confirmed,
  interruptible,
  parseArgs,
  printBookmarks,
  reportUnfinished,
} from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: `  deep-labour verify                                        check that no change, record or link was rewritten outside the history
  deep-labour verify --seal-evidence [--reason TEXT] [--author NAME] [--yes]
                                                            count the records and links made before the evidence digest in it (asks first)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--seal-evidence', '--yes'], ['--reason', '--author']);
  if (positional.length) throw new UsageError('deep-labour: verify takes no argument');
  const seal = flags.has('--seal-evidence');
  if (!seal && (flags.has('--yes') || options.size))
    throw new UsageError('deep-labour: --yes, --reason and --author go with verify --seal-evidence');
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const found = await check(conn.db, io);
    if (!found) return 1;
    if (!seal) {
      io.out(found.line);
      return 0;
    }
    if (found.complete) {
      io.out(
        `${found.line}\ndeep-labour: every record and link is already covered by the evidence digest; nothing to seal.`,
      );
      return 0;
    }
    await reportUnfinished(conn.db, io);
    const what = `deep-labour: verify --seal-evidence will stamp the ${found.uncovered} records and links of ${conn.uri} that carry no hash (made before the evidence digest) with the hash of their content as it is now, and count them in the digest, recorded in the history as a change by ${cliAuthor(options.get('--author'), env)}. From then on verify names any of them changed outside deep-labour; it cannot tell whether they were changed before: look at them first (deep-labour export).`;
    if (!(await confirmed(flags, io, what))) return 1;
    const author = cliAuthor(options.get('--author'), env);
    const done = await interruptible((signal) =>
      sealUncoveredEvidence(conn.db, { author, reason: options.get('--reason') ?? null, signal }),
    );
    if (done.signal) {
      io.err(`deep-labour: stopped by ${done.signal}; the seal was rolled back, so nothing was stamped.`);
      return 130;
    }
    if (done.error) throw done.error;
    const r = done.value!;
    io.out(
      `deep-labour: sealed ${r.records} records and ${r.links} links; the evidence digest now covers the whole store; recorded in the history as ${r.change.id}`,
    );
    await printBookmarks(conn.db, io);
    const after = await check(conn.db, io);
    if (!after) return 1;
    io.out(after.line);
    return 0;
  } finally {
    await conn.close();
  }
}

/** Verifies the ledger and the evidence: null (problems printed) when something was changed outside deep-labour. */
async function check(db: Database, io: Io): Promise<{ line: string; uncovered: number; complete: boolean } | null> {
  const report = await verifyLedger(db);
  const evidenceReport = await verifyEvidence(db);
  const evidence = evidenceFindings(evidenceReport);
  const uncovered = report.beforeLedger
    ? ` (${report.beforeLedger} change${report.beforeLedger === 1 ? '' : 's'} before the ledger, not covered)`
    : '';
  if (report.broken) {
    const b = report.broken;
    const what = b.action ? `change ${b.seq} (${b.action}, ${b.at})` : `change ${b.seq}`;
    io.err(`ledger: ${what} does not match: ${b.why}; the history was changed outside deep-labour`);
  }
  // The evidence (docs/versioning.md): each record's and link's hash, and the digest of them all.
  for (const p of evidence.problems) io.err(`${p}; the evidence was changed outside deep-labour`);
  if (report.broken || evidence.problems.length) return null;
  const head = report.head ? `head seq ${report.head.seq} hash ${report.head.hash}` : 'no head';
  return {
    line: `ledger: ${report.changes} changes, ${head}: intact${uncovered}${evidence.note}`,
    uncovered: evidenceReport.withoutHash,
    complete: evidenceReport.complete,
  };
}

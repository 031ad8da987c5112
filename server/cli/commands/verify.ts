// deep-labour verify: recomputes the ledger's hash chain and names the first change that does not match (#29.3).
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { evidenceFindings, verifyEvidence } from '../../history/evidence-verify.js';
import { verifyLedger } from '../../history/ledger-verify.js';
import { UsageError, type Io, parseArgs } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: `  deep-labour verify                                        check that no change, record or link was rewritten outside the history`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional } = parseArgs(args, [], []);
  if (positional.length) throw new UsageError('deep-labour: verify takes no argument');
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const report = await verifyLedger(conn.db);
    const evidence = evidenceFindings(await verifyEvidence(conn.db));
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
    if (report.broken || evidence.problems.length) return 1;
    const head = report.head ? `head seq ${report.head.seq} hash ${report.head.hash}` : 'no head';
    io.out(`ledger: ${report.changes} changes, ${head}: intact${uncovered}${evidence.note}`);
    return 0;
  } finally {
    await conn.close();
  }
}

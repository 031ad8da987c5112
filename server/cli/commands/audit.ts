// deep-labour audit: judges claims against the graph and writes a citable report (Markdown or JSON); for an organisation, with its scorecard's pay indicator.
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { GraphQLError } from 'graphql';
import { auditClaims } from '../../audit/audit-service.js';
import { auditMarkdown } from '../../audit/audit-report.js';
import { scorecardPayMarkdown, scorecardPayReport } from '../../audit/scorecard-pay-report.js';
import { toScorecardPay } from '../../models/scorecard-pay.js';
import { claimKeptFacts } from '../../replies/claim-kept-facts.js';
import { isPartialDate } from '../../dataset/index.js';
import { ledgerHeadText } from '../../history/ledger-hash.js';
import { publishedLedgerHead } from '../../history/ledger-verify.js';
import { recordedQuery } from '../../db/cypher-template.js';
import { parseMoment } from '../../resolvers/date-scalar.js';
import { recordedSeq } from '../../resolvers/recorded-at.js';
import { UsageError, type Io, cliMoment, mayReplace, parseArgs, replacedBy, writePrivate } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

/** Said after a refused --recorded-at: the command writes no report. */
const NOTHING_WRITTEN = '; no report was written';

export const auditCommand: CliCommand = {
  name: 'audit',
  usage: `  deep-labour audit [--org ID] [--as-of YYYY-MM-DD] [--recorded-at MOMENT] [--format md|json] [--out FILE [--yes]]
                                                            judge claims against the graph, as a citable report
                                                            (asks before replacing an earlier report); --recorded-at:
                                                            the report as the store stood at that moment (ISO 8601)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(
    args,
    ['--yes'],
    ['--org', '--as-of', '--recorded-at', '--format', '--out'],
  );
  if (positional.length)
    throw new UsageError(`deep-labour: audit takes no positional argument, got "${positional[0]}"`);
  const format = options.get('--format') ?? 'md';
  if (format !== 'md' && format !== 'json')
    throw new UsageError(`deep-labour: --format must be md or json, got "${format}"`);
  const asOf = options.get('--as-of') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isPartialDate(asOf))
    throw new UsageError(`deep-labour: --as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  const org = options.get('--org') ?? null;
  const out = options.get('--out');
  const recordedAt = options.get('--recorded-at');
  const moment = recordedAt === undefined ? undefined : cliMoment(() => parseMoment(recordedAt), NOTHING_WRITTEN);
  // Asked before the store is opened: an earlier report may be the one a complaint cites.
  if (out !== undefined && !(await mayReplace(out, replacedBy(out, undefined), flags, io, 'audit'))) return 1;
  // The command runs one audit on a store that may be cold: audit-facts' plan alone can outlast QUERY_TIMEOUT_MS (the
  // server plans it at start-up; a command cannot), so its reads get AUDIT_TIMEOUT_MS instead.
  const config = readConfig(env);
  const conn = await connectDatabase({ ...config, queryTimeoutMs: config.auditTimeoutMs }, io.err);
  try {
    // As recorded (--recorded-at): the store as it stood just after the last change by that moment, throughout.
    const seq =
      moment === undefined
        ? undefined
        : await cliMoment(() => recordedSeq(conn.db, moment, '--recorded-at'), NOTHING_WRITTEN);
    const recorded = seq === undefined ? undefined : { seq, at: moment! };
    let found: Awaited<ReturnType<typeof auditClaims>>;
    try {
      found = await auditClaims(conn.db, {
        organizationId: org,
        claimId: null,
        asOf,
        minPoolSize: config.minPoolSize,
        seq,
      });
    } catch (e) {
      if (e instanceof GraphQLError && e.extensions.code === 'NOT_FOUND') {
        io.err(`deep-labour: ${e.message}`);
        return 1;
      }
      throw e;
    }
    const { audits } = found;
    const title = found.subject?.name ?? 'all claims in the graph';
    // An organisation's report carries its scorecard's pay indicator (small groups withheld, as in the API).
    const minPoolSize = config.minPoolSize;
    const { query, extra } = recordedQuery('scorecard-pay', seq);
    const pay =
      found.subject?.__typename === 'Organization'
        ? toScorecardPay(
            (await conn.db.read(query, { ...extra, organizationId: found.subject.id, asOf, minPoolSize }))[0] ?? {},
            minPoolSize,
            seq,
          )
        : null;
    // Since when each kept verdict holds, and the right of reply on each claim (its status read today; as recorded,
    // as they stood then).
    const today = new Date().toISOString().slice(0, 10);
    const kept = await claimKeptFacts(
      conn.db,
      audits.map((a) => a.claim.id),
      today,
      recorded,
    );
    const withKept = audits.map((a) => ({ ...a, ...kept.get(a.claim.id) }));
    // The ledger's head as readers may see it (the API's `ledger`; as recorded, just after the change read as of), so
    // that a reader can later ask whether the evidence is still that of this report. A report is published: a proposal
    // waiting for review or a rejection does not move it, so it cannot tell one was filed.
    const published = await publishedLedgerHead(conn.db, seq ?? null);
    const head = published && { seq: published.seq, hash: published.hash };
    const asRecorded = recorded ? `, as recorded at ${recorded.at}` : '';
    const text =
      format === 'json'
        ? JSON.stringify(
            {
              title,
              asOf,
              ...(recorded ? { recordedAt: recorded.at } : {}),
              ledger: head,
              audits: withKept,
              ...(pay ? { pay: scorecardPayReport(pay) } : {}),
            },
            null,
            2,
          )
        : auditMarkdown(
            audits,
            {
              title,
              asOf,
              generatedFrom: `the Deep Labour Explorer graph (${conn.uri}; ${ledgerHeadText(head)}${asRecorded})`,
            },
            kept,
          ) + (pay ? `\n${scorecardPayMarkdown(pay)}` : '');
    if (out !== undefined) {
      writePrivate(out, text.endsWith('\n') ? text : `${text}\n`);
      io.out(`deep-labour: wrote ${audits.length} verdict${audits.length === 1 ? '' : 's'} to ${out}`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  } finally {
    await conn.close();
  }
}

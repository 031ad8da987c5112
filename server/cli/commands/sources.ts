// `deep-labour sources`: every source in the store with the records and links that cite it, for a reviewer.
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { parseMoment } from '../../resolvers/date-scalar.js';
import { recordedSeq } from '../../resolvers/recorded-at.js';
import { CHECK_DEFAULTS, checkReport, checkSources, needsAttention } from '../check-sources.js';
import { cliMoment } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export interface SourceCitations {
  source: {
    id: string;
    title: string;
    type?: string;
    publisher?: string;
    date?: string;
    locator?: string;
    url?: string;
    retrievedOn?: string;
    archiveUrl?: string;
    documentSha256?: string;
    datasets?: string[];
  };
  /** Ids of the entities, claims and links that cite it. */
  items: string[];
}

/** One block per source: what it is (publisher, date, where in it, URL), then what cites it, at most `limit` ids. Pure. */
export function sourcesReport(rows: SourceCitations[], limit: number): string {
  if (!rows.length) return 'deep-labour: the store holds no source';
  return rows
    .map(({ source: s, items }) => {
      const about = [
        s.type,
        s.publisher ?? 'publisher not given',
        s.date ?? 'date not given',
        s.locator ? `at ${s.locator}` : 'no locator',
        s.retrievedOn ? `retrieved on ${s.retrievedOn}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      const cited =
        items.length === 0
          ? '  cited by nothing'
          : `  cited by ${items.length}: ${items.slice(0, limit).join(', ')}${items.length > limit ? `, and ${items.length - limit} more (--limit to see them)` : ''}`;
      return [
        `${s.id}: ${s.title} (${about})${s.url ? ` ${s.url}` : ''}${s.archiveUrl ? ` (archived copy: ${s.archiveUrl})` : ''}${s.datasets?.length ? ` [dataset ${s.datasets.join(', ')}]` : ''}`,
        cited,
      ].join('\n');
    })
    .join('\n');
}

export const sourcesCommand: CliCommand = {
  name: 'sources',
  usage: [
    '  deep-labour sources [--limit N]                           list every source with the records and links that cite it',
    '  deep-labour sources --check [--timeout S]                 ask each source URL whether it moved, is gone or changed (network)',
    '  deep-labour sources --recorded-at <moment> [--limit N|--check]',
    '                                                            the same, for the sources and citations the store held then',
  ].join('\n'),
  run: listSources,
};

/**
 * Runs the command (`deep-labour sources [--limit N]`, `deep-labour sources --check [--timeout S]`, either with
 * `--recorded-at <moment>`: the sources and what cited them as the store recorded them then); resolves to the exit code.
 */
export async function listSources(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { out: (t: string) => void; err: (t: string) => void },
): Promise<number> {
  let limit = 100;
  let check = false;
  let timeoutMs = CHECK_DEFAULTS.timeoutMs;
  let at: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const n = Number(args[i + 1]);
    if (args[i] === '--limit' && Number.isInteger(n) && n > 0) {
      limit = n;
      i += 1;
      continue;
    }
    if (args[i] === '--check') {
      check = true;
      continue;
    }
    if (args[i] === '--recorded-at' && args[i + 1] !== undefined) {
      at = args[i + 1];
      i += 1;
      continue;
    }
    if (args[i] === '--timeout' && Number.isFinite(n) && n > 0 && n <= 600) {
      timeoutMs = n * 1000;
      i += 1;
      continue;
    }
    io.err(
      `deep-labour: sources takes --limit N (a whole number above 0: how many citing ids to show per source), --check, and with it --timeout S (seconds per request, above 0, at most 600), and --recorded-at <moment> (ISO 8601 with an offset); got ${JSON.stringify(args[i])}`,
    );
    return 2;
  }
  if (!check && args.includes('--timeout')) {
    io.err('deep-labour: sources --timeout S goes with --check (without it nothing is requested)');
    return 2;
  }
  const moment = at === undefined ? undefined : cliMoment(() => parseMoment(at));
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const seq = moment === undefined ? undefined : await cliMoment(() => recordedSeq(conn.db, moment, '--recorded-at'));
    const rows =
      seq === undefined
        ? await conn.db.read('sources-with-citations')
        : await conn.db.read('sources-with-citations-recorded', { seq });
    if (seq !== undefined)
      io.out(
        `deep-labour: the sources as the store recorded them at ${moment} (just after change ${seq}), retracted ones included`,
      );
    if (check) {
      const sources = rows.map((r) => r.source as SourceCitations['source']);
      const results = await checkSources(sources, { ...CHECK_DEFAULTS, timeoutMs });
      io.out(checkReport(results, sources.length - results.length));
      return results.some(needsAttention) ? 1 : 0;
    }
    io.out(
      sourcesReport(
        rows.map((r) => ({ source: r.source as SourceCitations['source'], items: (r.items as unknown[]).map(String) })),
        limit,
      ),
    );
    return 0;
  } finally {
    await conn.close();
  }
}

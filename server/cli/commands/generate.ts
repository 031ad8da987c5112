// deep-labour generate: writes a generated, fictional dataset of exactly N links, for benchmarks.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateDatasetJson } from '../../dataset/generate-dataset.js';
import { UsageError, type Io, parseArgs, mayReplace, replacedBy } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const generateCommand: CliCommand = {
  name: 'generate',
  usage: `  deep-labour generate --links N [--seed S] --out FILE [--yes]
                                                            write a generated, fictional dataset of exactly N links (benchmarks)`,
  run: (args, _env, io) => run(args, io),
};

async function run(args: string[], io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--yes'], ['--links', '--seed', '--out']);
  if (positional.length) throw new UsageError('deep-labour: generate takes only --links, --seed and --out');
  const links = Number(options.get('--links'));
  const seed = Number(options.get('--seed') ?? 1);
  const out = options.get('--out');
  if (!Number.isInteger(links) || links < 100 || links > 10_000_000)
    throw new UsageError(
      `deep-labour: --links must be a whole number from 100 to 10000000, got "${options.get('--links') ?? ''}"`,
    );
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31)
    throw new UsageError(
      `deep-labour: --seed must be a whole number from 0 to ${2 ** 31}, got "${options.get('--seed')}"`,
    );
  if (!out) throw new UsageError('deep-labour: generate needs --out FILE');
  // A folder given for the file, or a file in no folder, is refused before anything is written (as `export` does).
  if (!(await mayReplace(out, replacedBy(out, undefined), flags, io, 'generate'))) return 1;
  // Streamed to a file beside the target, flushed to disk, and renamed into place only when whole: an interrupted run
  // or a power cut leaves the old file.
  const partial = `${out}.partial-${process.pid}`;
  // Ctrl-C or a kill: the half-written file goes, the old one stays (a kill -9 leaves only the .partial file).
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await pipeline(Readable.from(generateDatasetJson({ links, seed })), createWriteStream(partial, { flush: true }), {
      signal: abort.signal,
    });
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    if (abort.signal.aborted) {
      io.err(`deep-labour: stopped; ${out} was not touched and nothing half-written is left.`);
      return 130;
    }
    throw e;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  io.out(
    `deep-labour: wrote a generated, fictional dataset of ${links.toLocaleString('en')} links (seed ${seed}) to ${out}`,
  );
  return 0;
}

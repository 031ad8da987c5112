// What the deep-labour commands share: their input and output, arguments, reports of problems, confirmation, interruption.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createInterface } from 'node:readline/promises';
import { GraphQLError } from 'graphql';
import { readConfig } from '../config.js';
import type { Connection, Database } from '../db/index.js';
import { nameProblem } from '../../format/safe-text.js';
import {
  commandLineAuthor,
  describeUnfinished,
  readDataset,
  unfinishedImports,
  type Problem,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '../dataset/index.js';
import type { ReadOptions } from '../dataset/read-dataset.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  /** Asks a yes/no question on the terminal; absent when there is none (then --yes is needed). */
  ask?: (question: string) => Promise<boolean>;
}

export function parseArgs(
  args: string[],
  flags: string[],
  options: string[],
): { positional: string[]; flags: Set<string>; options: Map<string, string> } {
  const positional: string[] = [];
  const set = new Set<string>();
  const map = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (flags.includes(a)) set.add(a);
    else if (options.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`deep-labour: ${a} needs a value`);
      map.set(a, v);
    } else if (a.startsWith('--')) throw new UsageError(`deep-labour: unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, flags: set, options: map };
}

/** Who the history names for a change made here: --author, else DEEP_LABOUR_AUTHOR, else "command line"; one plain line. */
export function cliAuthor(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const [value, from] = flag !== undefined ? [flag, '--author'] : [env.DEEP_LABOUR_AUTHOR ?? '', 'DEEP_LABOUR_AUTHOR'];
  const author = value.trim();
  if (author === '') {
    if (flag !== undefined)
      throw new UsageError("deep-labour: --author needs a name, such as your initials or your newsroom's");
    return commandLineAuthor();
  }
  const problem = nameProblem(author);
  if (problem) throw new UsageError(`deep-labour: ${from} ${problem}`);
  return author;
}

/**
 * Writes a file only its owner can read, also when it was there before with wider rights (an export holds withheld
 * figures). All or nothing: the text goes to a temporary file beside it, flushed to disk, then renamed over the path,
 * so a kill or a full disk leaves the file that was there (or none), never a partial one.
 */
export function writePrivate(path: string, text: string): void {
  writeFileAtomic.sync(path, text, { mode: 0o600, fsync: true });
}

/**
 * Writes files into a folder only its owner can read (created 0700 if missing). Every file is written in full to a
 * hidden folder inside it first, and only then renamed into place, one after another: a kill while writing leaves the
 * files that were there. Then the files named in `stale` that were not written are removed (an earlier export's
 * sections that this one does not have); every other file of the folder is left as it is.
 */
export function writePrivateFolder(path: string, files: Record<string, string>, stale: readonly string[] = []): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const staging = mkdtempSync(join(path, '.deep-labour-writing-'));
  try {
    for (const [name, text] of Object.entries(files)) writePrivate(join(staging, name), text);
    for (const name of Object.keys(files)) renameSync(join(staging, name), join(path, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  for (const name of stale) if (!(name in files)) rmSync(join(path, name), { force: true });
}

/**
 * What writing `path` would replace, for the question asked before: the path itself when it is a file, or the files of
 * `folderFiles` it holds when it is a folder (undefined: a file is written). Refuses a folder given for a file, a file
 * given for a folder, and a file in a folder that does not exist.
 */
export function replacedBy(path: string, folderFiles: readonly string[] | undefined): string[] {
  const kind = statSync(path, { throwIfNoEntry: false });
  if (!kind) {
    // A folder format makes its folder; a file needs its folder to exist (checked before the store is read).
    const parent = dirname(path);
    if (folderFiles === undefined && !statSync(parent, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(
        `deep-labour: ${parent} is not a folder that exists, so ${path} cannot be written; create the folder first or give another path (nothing was written)`,
      );
    return [];
  }
  if (folderFiles === undefined) {
    if (kind.isDirectory())
      throw new UsageError(
        `deep-labour: ${path} is a folder; give the path of a file to write (a new name, or one to replace)`,
      );
    return [path];
  }
  if (!kind.isDirectory())
    throw new UsageError(
      `deep-labour: ${path} is a file, and this format writes a folder; give the path of a folder (new or earlier export)`,
    );
  return folderFiles.filter((name) => existsSync(join(path, name)));
}

/** Asks before replacing what `replacedBy` found; true when there is nothing to replace or the user said yes. */
export async function mayReplace(
  path: string,
  replaced: string[],
  flags: Set<string>,
  io: Io,
  command: string,
): Promise<boolean> {
  if (replaced.length === 0) return true;
  const what =
    replaced.length === 1 && replaced[0] === path
      ? `deep-labour: ${path} exists; ${command} will replace it.`
      : `deep-labour: ${path} holds ${replaced.join(', ')} from an earlier export; ${command} will replace them, and remove those it has no rows for, so that the folder reads back as this export (other files stay).`;
  return confirmed(flags, io, what);
}

export function report(problems: Problem[], io: Io, heading: string): void {
  io.err(heading);
  for (const p of problems) io.err(`  ${p.path}: ${p.message}`);
}

/**
 * The organisation kinds of a FollowTheMoney file's companies: a JSON file `{"default": "vendor", "kinds": {"<FtM id>":
 * "platform"}}` (both optional; without one, every foreign Company is of kind "other").
 */
export function ftmKinds(path: string | undefined): ReadOptions['ftmKinds'] {
  if (!path) return undefined;
  let json: { default?: string; kinds?: Record<string, string> };
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as typeof json;
  } catch (e) {
    throw new UsageError(
      `deep-labour: --kinds ${path} is not a readable JSON file (${(e as Error).message}); write {"default": "other", "kinds": {"<FtM id>": "platform"}}`,
    );
  }
  const kinds = ORGANIZATION_KINDS as readonly string[];
  const bad = [json.default, ...Object.values(json.kinds ?? {})].filter((k) => k !== undefined && !kinds.includes(k));
  if (bad.length)
    throw new UsageError(
      `deep-labour: --kinds ${path} names ${bad.map((k) => JSON.stringify(k)).join(', ')}; kinds are ${kinds.join(', ')}`,
    );
  return {
    ...(json.kinds ? { kinds: json.kinds } : {}),
    ...(json.default ? { default: json.default as OrganizationKind } : {}),
  };
}

export function checked(
  path: string,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  ftm?: ReadOptions['ftmKinds'],
  format?: ReadOptions['format'],
) {
  const read = readDataset(path, {
    minPoolSize: readConfig(env).minPoolSize,
    ...(ftm ? { ftmKinds: ftm } : {}),
    ...(format ? { format } : {}),
  });
  if (read.warnings.length > 0)
    report(read.warnings, io, `deep-labour: ${read.warnings.length} warning(s) in ${path}:`);
  if (!read.ok) {
    report(
      read.problems,
      io,
      `deep-labour: ${path} is not a valid deep-labour/v1 dataset; nothing was written. ${read.problems.length} problem(s):`,
    );
  }
  return read;
}

/** Runs `work` with an AbortSignal that SIGINT or SIGTERM trips; says which signal stopped it. */
export async function interruptible<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ value?: T; error?: unknown; signal?: string }> {
  const controller = new AbortController();
  let caught: string | undefined;
  const on = (sig: string) => () => {
    caught = sig;
    controller.abort();
  };
  const handlers = [
    ['SIGINT', on('SIGINT')],
    ['SIGTERM', on('SIGTERM')],
  ] as const;
  for (const [sig, h] of handlers) process.on(sig, h);
  try {
    return { value: await work(controller.signal), ...(caught ? { signal: caught } : {}) };
  } catch (error) {
    return { error, ...(caught ? { signal: caught } : {}) };
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}

export async function reportUnfinished(db: Connection['db'], io: Io): Promise<void> {
  for (const u of await unfinishedImports(db)) io.err(`deep-labour: ${describeUnfinished(u)}`);
}

/** Asks before a destructive command: --yes, or a yes on the terminal; otherwise says how to confirm. */
export async function confirmed(flags: Set<string>, io: Io, what: string): Promise<boolean> {
  if (flags.has('--yes')) return true;
  if (io.ask) return io.ask(`${what}\nType yes to go on: `);
  io.err(`${what}\nNothing was done: add --yes to confirm (there is no terminal to ask on).`);
  return false;
}

/** The write's bookmarks: on a cluster, an API request sending them (header Neo4j-Bookmarks) reads at least this write. */
export async function printBookmarks(db: Database, io: Io): Promise<void> {
  const bookmarks = await db.bookmarks();
  if (bookmarks.length)
    io.out(
      `deep-labour: to read this write through any API replica, send the header Neo4j-Bookmarks: ${bookmarks.join(',')}`,
    );
}

export function defaultIo(): Io {
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    isTTY: Boolean(process.stderr.isTTY),
    ...(tty
      ? {
          async ask(question: string) {
            const rl = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return (await rl.question(question)).trim().toLowerCase() === 'yes';
            } finally {
              rl.close();
            }
          },
        }
      : {}),
  };
}

/**
 * What `read` gives (a `--recorded-at` moment parsed, or the seq it reads the store at); its BAD_USER_INPUT (a moment that
 * is not one, or one before the store's first change) as a usage error, followed by `outcome` (e.g. `; nothing was
 * written`).
 */
export function cliMoment<T>(read: () => T, outcome = ''): T {
  const refused = (e: unknown) =>
    e instanceof GraphQLError && e.extensions.code === 'BAD_USER_INPUT'
      ? new UsageError(`deep-labour: ${e.message.replace(/^DateTime\b/, '--recorded-at')}${outcome}`)
      : e;
  try {
    const out = read();
    return (out instanceof Promise ? out.catch((e: unknown) => Promise.reject(refused(e))) : out) as T;
  } catch (e) {
    throw refused(e);
  }
}

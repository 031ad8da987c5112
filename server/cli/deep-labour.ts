// The deep-labour command: import and export datasets against NEO4J_URI or the embedded Neo4j.
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline/promises';
import { ConfigError, readConfig } from '../config.js';
import { connectDatabase, DatabaseError, EmbeddedNeo4jError, StoreIdentityError, type Connection, type Database } from '../db/index.js';
import {
  describeUnfinished, exportDataset, ImportConflictError, importDataset, readDataset, removeDataset, unfinishedImports, UnknownDatasetError,
  writeCsvFolder, type Problem,
} from '../dataset/index.js';
import { generateDatasetJson } from '../dataset/generate-dataset.js';
import { progressBar } from './progress-bar.js';
import { createToken, listTokens, revokeToken, TokenError } from '../curation/token-store.js';
import { commandLineAuthor, ORGANIZATION_KINDS, type OrganizationKind } from '../dataset/index.js';
import type { ReadOptions } from '../dataset/read-dataset.js';
import { datasetToFtm } from '../interop/ftm.js';
import { datasetToBods } from '../interop/bods.js';
import { GraphQLError } from 'graphql';
import { auditClaims } from '../audit/audit-service.js';
import { auditMarkdown } from '../audit/audit-report.js';
import { isPartialDate } from '../dataset/index.js';
import { sourcesCommand } from './sources-command.js';

const USAGE = `usage:
  deep-labour import <file.json | csv-folder | file.ftm.json | file.bods.json> [--format json|ftm|bods] [--reason TEXT] [--kinds KINDS.json]
                                                            validate, then make the store hold this version of the dataset
  deep-labour import <file.json | csv-folder> --replace-all [--yes]
                                                            empty the whole store and load only this dataset (asks first)
  deep-labour datasets                                      list the datasets in the store
  deep-labour sources [--limit N]                           list every source with the records and links that cite it
  deep-labour remove <dataset-id> [--reason TEXT] [--yes]   take one dataset out of the store (asks first)
  deep-labour export [--format json|csv|ftm|bods] <path>    write the whole graph as a dataset (ftm: FollowTheMoney entities, one per line;
                                                            bods: BODS 0.4 statements of the organisations and who controls them)
  deep-labour validate <file.json | csv-folder>             check a dataset without touching the database
  deep-labour generate --links N [--seed S] --out FILE [--yes]
                                                            write a generated, fictional dataset of exactly N links (benchmarks)
  deep-labour audit [--org ID] [--as-of YYYY-MM-DD] [--format md|json] [--out FILE]
                                                            judge claims against the graph, as a citable report
  deep-labour token create --name NAME --role reader|editor|admin
                                                            make an API token (printed once; the store keeps only its hash)
  deep-labour token list                                    list the tokens: name, role, made when, revoked
  deep-labour token revoke <name> [--yes]                   stop a token at once (asks first)

Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) when set, else starts the embedded Neo4j.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  /** Asks a yes/no question on the terminal; absent when there is none (then --yes is needed). */
  ask?: (question: string) => Promise<boolean>;
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = defaultIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'import': return await importCommand(rest, env, io);
      case 'datasets': return await datasetsCommand(rest, env, io);
      case 'remove': return await removeCommand(rest, env, io);
      case 'export': return await exportCommand(rest, env, io);
      case 'validate': return validateCommand(rest, io);
      case 'generate': return await generateCommand(rest, io);
      case 'audit': return await auditCommand(rest, env, io);
      case 'token': return await tokenCommand(rest, env, io);
      case 'sources': return await sourcesCommand(rest, env, io);
      case undefined: case '--help': case '-h': case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`deep-labour: unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) { io.err(`${e.message}\n\n${USAGE}`); return 2; }
    if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError || e instanceof StoreIdentityError) { io.err(e.message); return 1; }
    if (e instanceof DatabaseError) {
      const cause = e.cause as { code?: string; message?: string } | undefined;
      io.err(cause?.code ? `${e.message} (Neo4j said: ${cause.code}${e.code === 'DATABASE_ERROR' || e.code === 'OUT_OF_MEMORY' ? ` ${cause.message ?? ''}` : ''})` : e.message);
      return 1;
    }
    throw e;
  }
}

function parseArgs(args: string[], flags: string[], options: string[]): { positional: string[]; flags: Set<string>; options: Map<string, string> } {
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

function report(problems: Problem[], io: Io, heading: string): void {
  io.err(heading);
  for (const p of problems) io.err(`  ${p.path}: ${p.message}`);
}

/**
 * The organisation kinds of a FollowTheMoney file's companies: a JSON file `{"default": "vendor", "kinds": {"<FtM id>":
 * "platform"}}` (both optional; without one, every foreign Company is of kind "other").
 */
function ftmKinds(path: string | undefined): ReadOptions['ftmKinds'] {
  if (!path) return undefined;
  let json: { default?: string; kinds?: Record<string, string> };
  try { json = JSON.parse(readFileSync(path, 'utf8')) as typeof json; } catch (e) {
    throw new UsageError(`deep-labour: --kinds ${path} is not a readable JSON file (${(e as Error).message}); write {"default": "other", "kinds": {"<FtM id>": "platform"}}`);
  }
  const kinds = ORGANIZATION_KINDS as readonly string[];
  const bad = [json.default, ...Object.values(json.kinds ?? {})].filter((k) => k !== undefined && !kinds.includes(k));
  if (bad.length) throw new UsageError(`deep-labour: --kinds ${path} names ${bad.map((k) => JSON.stringify(k)).join(', ')}; kinds are ${kinds.join(', ')}`);
  return { ...(json.kinds ? { kinds: json.kinds } : {}), ...(json.default ? { default: json.default as OrganizationKind } : {}) };
}

function checked(path: string, io: Io, env: NodeJS.ProcessEnv = process.env, ftm?: ReadOptions['ftmKinds'], format?: ReadOptions['format']) {
  const read = readDataset(path, { minPoolSize: readConfig(env).minPoolSize, ...(ftm ? { ftmKinds: ftm } : {}), ...(format ? { format } : {}) });
  if (read.warnings.length > 0) report(read.warnings, io, `deep-labour: ${read.warnings.length} warning(s) in ${path}:`);
  if (!read.ok) {
    report(read.problems, io, `deep-labour: ${path} is not a valid deep-labour/v1 dataset; nothing was written. ${read.problems.length} problem(s):`);
  }
  return read;
}

function validateCommand(args: string[], io: Io): number {
  const { positional } = parseArgs(args, [], []);
  if (positional.length !== 1) throw new UsageError('deep-labour: validate takes one file or folder');
  const read = checked(positional[0]!, io);
  if (!read.ok) return 1;
  const d = read.dataset;
  io.out(`deep-labour: ${positional[0]} is valid: ${d.organizations.length + d.workerPools.length + d.tasks.length + d.aiProducts.length} entities, ${d.links.length} links, ${d.claims.length} claims, ${d.sources.length} sources`);
  return 0;
}

/** Runs `work` with an AbortSignal that SIGINT or SIGTERM trips; says which signal stopped it. */
async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value?: T; error?: unknown; signal?: string }> {
  const controller = new AbortController();
  let caught: string | undefined;
  const on = (sig: string) => () => { caught = sig; controller.abort(); };
  const handlers = [['SIGINT', on('SIGINT')], ['SIGTERM', on('SIGTERM')]] as const;
  for (const [sig, h] of handlers) process.on(sig, h);
  try {
    return { value: await work(controller.signal), ...(caught ? { signal: caught } : {}) };
  } catch (error) {
    return { error, ...(caught ? { signal: caught } : {}) };
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}

async function reportUnfinished(db: Connection['db'], io: Io): Promise<void> {
  for (const u of await unfinishedImports(db)) io.err(`deep-labour: ${describeUnfinished(u)}`);
}

/** Asks before a destructive command: --yes, or a yes on the terminal; otherwise says how to confirm. */
async function confirmed(flags: Set<string>, io: Io, what: string): Promise<boolean> {
  if (flags.has('--yes')) return true;
  if (io.ask) return io.ask(`${what}\nType yes to go on: `);
  io.err(`${what}\nNothing was done: add --yes to confirm (there is no terminal to ask on).`);
  return false;
}

async function importCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--replace-all', '--yes', '--replace'], ['--reason', '--kinds', '--format']);
  const format = options.get('--format');
  if (format !== undefined && format !== 'json' && format !== 'ftm' && format !== 'bods') throw new UsageError(`deep-labour: import --format must be json, ftm or bods (or left out: the content says), got "${format}"`);
  if (flags.has('--replace')) throw new UsageError('deep-labour: --replace is now --replace-all, which empties the whole store and asks first; a plain import already replaces the earlier version of the same dataset');
  if (positional.length !== 1) throw new UsageError('deep-labour: import takes one file or folder');
  const path = positional[0]!;
  const read = checked(path, io, env, ftmKinds(options.get('--kinds')), format as 'json' | 'ftm' | 'bods' | undefined);
  if (!read.ok) return 1;
  const config = readConfig(env);
  const conn = await connectDatabase(config, io.err);
  try {
    await reportUnfinished(conn.db, io);
    const replaceAll = flags.has('--replace-all');
    if (replaceAll) {
      const held = await conn.db.read('datasets');
      const what = `deep-labour: --replace-all will delete everything in ${conn.uri}: ${held.length
        ? held.map((d) => `dataset "${String(d.id)}" (${Number(d.entities ?? 0)} entities, ${Number(d.links ?? 0)} links, ${Number(d.claims ?? 0)} claims)`).join('; ')
        : 'no dataset, and any record outside one'}; then load only "${read.dataset.id}".`;
      if (!(await confirmed(flags, io, what))) return 1;
    }
    const bar = io.isTTY ? progressBar((t) => process.stderr.write(t)) : undefined;
    const run = await interruptible((signal) => importDataset(conn.db, read.dataset, {
      replaceAll, ...(config.batchSize ? { batchSize: config.batchSize } : {}), signal, ...(bar ? { onProgress: bar } : {}), reason: options.get('--reason') ?? null,
    }));
    if (run.signal) {
      io.err(`deep-labour: stopped by ${run.signal}; the import of "${read.dataset.id}" was rolled back, so ${conn.uri} holds what it held before.`);
      return 130;
    }
    if (run.error instanceof ImportConflictError) {
      report(run.error.problems.map((p) => ({ ...p, path: read.locate(p.path) })), io,
        `deep-labour: ${path} contradicts datasets already in the store; nothing was written. ${run.error.problems.length} conflict(s):`);
      return 1;
    }
    if (run.error) throw run.error;
    const s = run.value!;
    if (s.warnings.length) report(s.warnings.map((p) => ({ ...p, path: read.locate(p.path) })), io, `deep-labour: ${s.warnings.length} warning(s) against the store:`);
    io.out(`deep-labour: imported "${read.dataset.name}" as dataset "${s.dataset}" into ${conn.uri}: `
      + `records ${s.created.records} new, ${s.updated.records} written again; links ${s.created.links} new, ${s.updated.links} written again; `
      + `no longer in it: ${s.removed.records} records and ${s.removed.links} links deleted, ${s.released.records + s.released.links} left to other datasets`
      + `${s.retracted ? `; ${s.retracted} left out because editors retracted them` : ''}${replaceAll ? '; everything else in the store was replaced' : ''}`
      + `; recorded in the history as ${s.change!.id}`);
    await printBookmarks(conn.db, io);
    return 0;
  } finally {
    await conn.close();
  }
}

/** The write's bookmarks: on a cluster, an API request sending them (header Neo4j-Bookmarks) reads at least this write. */
async function printBookmarks(db: Database, io: Io): Promise<void> {
  const bookmarks = await db.bookmarks();
  if (bookmarks.length) io.out(`deep-labour: to read this write through any API replica, send the header Neo4j-Bookmarks: ${bookmarks.join(',')}`);
}

async function datasetsCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional } = parseArgs(args, [], []);
  if (positional.length) throw new UsageError('deep-labour: datasets takes no argument');
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    await reportUnfinished(conn.db, io);
    const rows = await conn.db.read('datasets');
    if (!rows.length) { io.out(`deep-labour: ${conn.uri} holds no dataset`); return 0; }
    io.out(['id\tname\tentities\tlinks\tclaims\tsources\timported at',
      ...rows.map((d) => [d.id, d.name, d.entities, d.links, d.claims, d.sources, d.importedAt].map((v) => String(v ?? '')).join('\t'))].join('\n'));
    return 0;
  } finally {
    await conn.close();
  }
}

async function removeCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--yes'], ['--reason']);
  if (positional.length !== 1) throw new UsageError('deep-labour: remove takes one dataset id (deep-labour datasets lists them)');
  const id = positional[0]!;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    await reportUnfinished(conn.db, io);
    const held = (await conn.db.read('datasets')).find((d) => d.id === id);
    if (!held) { io.err(`deep-labour: no dataset has id "${id}" in ${conn.uri}; deep-labour datasets lists them. Nothing was done.`); return 1; }
    const what = `deep-labour: remove will take dataset "${id}" (${String(held.name)}: ${Number(held.entities ?? 0)} entities, ${Number(held.links ?? 0)} links, ${Number(held.claims ?? 0)} claims) out of ${conn.uri}; records another dataset also holds stay.`;
    if (!(await confirmed(flags, io, what))) return 1;
    const run = await interruptible((signal) => removeDataset(conn.db, id, { signal, reason: options.get('--reason') ?? null }));
    if (run.signal) { io.err(`deep-labour: stopped by ${run.signal}; the removal was rolled back, so dataset "${id}" is still in the store.`); return 130; }
    if (run.error instanceof UnknownDatasetError) { io.err(`deep-labour: ${run.error.message}`); return 1; }
    if (run.error) throw run.error;
    const r = run.value!;
    io.out(`deep-labour: removed dataset "${id}" from ${conn.uri}: ${r.removed.records} records and ${r.removed.links} links deleted, ${r.released.records + r.released.links} left to other datasets; recorded in the history as ${r.change.id}`);
    await printBookmarks(conn.db, io);
    return 0;
  } finally {
    await conn.close();
  }
}

async function tokenCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  const { positional, flags, options } = parseArgs(rest, ['--yes'], ['--name', '--role']);
  /** Runs `work` on the store; a refused token operation is said, and changes nothing. */
  const onStore = async (work: (db: Database, uri: string) => Promise<number>): Promise<number> => {
    const conn = await connectDatabase(readConfig(env), io.err);
    try {
      return await work(conn.db, conn.uri);
    } catch (e) {
      if (e instanceof TokenError) { io.err(`deep-labour: ${e.message}; nothing was done.`); return 1; }
      throw e;
    } finally {
      await conn.close();
    }
  };
  if (action === 'create') {
    const name = options.get('--name');
    const role = options.get('--role');
    if (!name || !role || positional.length) throw new UsageError('deep-labour: token create takes --name NAME and --role reader|editor|admin');
    return onStore(async (db, uri) => {
      const secret = await createToken(db, name, role, commandLineAuthor());
      io.err(`deep-labour: made ${role} token "${name}" in ${uri}. It is printed once, below, and the store keeps only its hash: keep it in a password manager.`);
      io.out(secret);
      return 0;
    });
  }
  if (action === 'list') {
    if (positional.length || options.size) throw new UsageError('deep-labour: token list takes no argument');
    return onStore(async (db) => {
      const tokens = await listTokens(db);
      if (!tokens.length) io.out('deep-labour: no token yet; deep-labour token create --name NAME --role editor makes one');
      for (const t of tokens) io.out(`${t.name}\t${t.role}\tmade ${t.createdAt}${t.createdBy ? ` by ${t.createdBy}` : ''}${t.revokedAt ? `\tREVOKED ${t.revokedAt}` : ''}`);
      return 0;
    });
  }
  if (action === 'revoke') {
    if (positional.length !== 1 || options.size) throw new UsageError('deep-labour: token revoke takes one token name (deep-labour token list shows them)');
    const name = positional[0]!;
    return onStore(async (db, uri) => {
      if (!(await confirmed(flags, io, `deep-labour: revoke will stop token "${name}" at once in ${uri}: whoever uses it can no longer read (if reads need a token) or change anything. Its name stays in the history.`))) return 1;
      await revokeToken(db, name);
      io.out(`deep-labour: revoked token "${name}"`);
      return 0;
    });
  }
  throw new UsageError(`deep-labour: token takes create, list or revoke${action ? `, not "${action}"` : ''}`);
}

async function generateCommand(args: string[], io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--yes'], ['--links', '--seed', '--out']);
  if (positional.length) throw new UsageError('deep-labour: generate takes only --links, --seed and --out');
  const links = Number(options.get('--links'));
  const seed = Number(options.get('--seed') ?? 1);
  const out = options.get('--out');
  if (!Number.isInteger(links) || links < 100 || links > 10_000_000) throw new UsageError(`deep-labour: --links must be a whole number from 100 to 10000000, got "${options.get('--links') ?? ''}"`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new UsageError(`deep-labour: --seed must be a whole number from 0 to ${2 ** 31}, got "${options.get('--seed')}"`);
  if (!out) throw new UsageError('deep-labour: generate needs --out FILE');
  if (existsSync(out) && !(await confirmed(flags, io, `deep-labour: ${out} exists; generate will replace it.`))) return 1;
  // Streamed to a file beside the target, renamed into place only when whole: an interrupted run leaves the old file.
  const partial = `${out}.partial-${process.pid}`;
  // Ctrl-C or a kill: the half-written file goes, the old one stays (a kill -9 leaves only the .partial file).
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await pipeline(Readable.from(generateDatasetJson({ links, seed })), createWriteStream(partial), { signal: abort.signal });
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    if (abort.signal.aborted) { io.err(`deep-labour: stopped; ${out} was not touched and nothing half-written is left.`); return 130; }
    throw e;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  io.out(`deep-labour: wrote a generated, fictional dataset of ${links.toLocaleString('en')} links (seed ${seed}) to ${out}`);
  return 0;
}

async function exportCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, [], ['--format']);
  const format = options.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'ftm' && format !== 'bods') throw new UsageError(`deep-labour: --format must be json, csv, ftm or bods, got "${format}"`);
  if (positional.length !== 1) throw new UsageError('deep-labour: export takes one path (a .json file, or a folder for --format csv)');
  const path = positional[0]!;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const dataset = await exportDataset(conn.db);
    if (format === 'csv') writeCsvFolder(dataset, path);
    else if (format === 'ftm') writeFileSync(path, datasetToFtm(dataset).map((e) => `${JSON.stringify(e)}\n`).join(''));
    else if (format === 'bods') writeFileSync(path, `${JSON.stringify(datasetToBods(dataset, new Date().toISOString().slice(0, 10)), null, 1)}\n`);
    else writeFileSync(path, `${JSON.stringify(dataset, null, 2)}\n`);
    io.out(`deep-labour: exported ${dataset.organizations.length + dataset.workerPools.length + dataset.tasks.length + dataset.aiProducts.length} entities and ${dataset.links.length} links to ${path}`);
    return 0;
  } finally {
    await conn.close();
  }
}

async function auditCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, [], ['--org', '--as-of', '--format', '--out']);
  if (positional.length) throw new UsageError(`deep-labour: audit takes no positional argument, got "${positional[0]}"`);
  const format = options.get('--format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`deep-labour: --format must be md or json, got "${format}"`);
  const asOf = options.get('--as-of') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isPartialDate(asOf)) throw new UsageError(`deep-labour: --as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  const org = options.get('--org') ?? null;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    let found: Awaited<ReturnType<typeof auditClaims>>;
    try {
      found = await auditClaims(conn.db, { organizationId: org, claimId: null, asOf, minPoolSize: readConfig(env).minPoolSize });
    } catch (e) {
      if (e instanceof GraphQLError && e.extensions.code === 'NOT_FOUND') { io.err(`deep-labour: ${e.message}`); return 1; }
      throw e;
    }
    const { audits } = found;
    const title = found.subject?.name ?? 'all claims in the graph';
    const text = format === 'json'
      ? JSON.stringify({ title, asOf, audits }, null, 2)
      : auditMarkdown(audits, { title, asOf, generatedFrom: `the Deep Labour Explorer graph (${conn.uri})` });
    if (options.has('--out')) {
      writeFileSync(options.get('--out')!, text.endsWith('\n') ? text : `${text}\n`);
      io.out(`deep-labour: wrote ${audits.length} verdict${audits.length === 1 ? '' : 's'} to ${options.get('--out')}`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  } finally {
    await conn.close();
  }
}

function defaultIo(): Io {
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    isTTY: Boolean(process.stderr.isTTY),
    ...(tty ? {
      async ask(question: string) {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        try { return (await rl.question(question)).trim().toLowerCase() === 'yes'; } finally { rl.close(); }
      },
    } : {}),
  };
}

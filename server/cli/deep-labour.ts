// The deep-labour command: import and export datasets against NEO4J_URI or the embedded Neo4j.
import { writeFileSync } from 'node:fs';
import { ConfigError, readConfig } from '../config.js';
import { connectDatabase, DatabaseError, EmbeddedNeo4jError } from '../db/index.js';
import { exportDataset, importDataset, readDataset, writeCsvFolder, type Problem } from '../dataset/index.js';
import { progressBar } from './progress-bar.js';
import { GraphQLError } from 'graphql';
import { auditClaims } from '../audit/audit-service.js';
import { auditMarkdown } from '../audit/audit-report.js';
import { isPartialDate } from '../dataset/index.js';

const USAGE = `usage:
  deep-labour import <file.json | csv-folder> [--replace]   validate, then load a deep-labour/v1 dataset
  deep-labour export [--format json|csv] <path>             write the whole graph as a dataset
  deep-labour validate <file.json | csv-folder>             check a dataset without touching the database
  deep-labour audit [--org ID] [--as-of YYYY-MM-DD] [--format md|json] [--out FILE]
                                                            judge claims against the graph, as a citable report

Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) when set, else starts the embedded Neo4j.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = defaultIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'import': return await importCommand(rest, env, io);
      case 'export': return await exportCommand(rest, env, io);
      case 'validate': return validateCommand(rest, io);
      case 'audit': return await auditCommand(rest, env, io);
      case undefined: case '--help': case '-h': case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`deep-labour: unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) { io.err(`${e.message}\n\n${USAGE}`); return 2; }
    if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError) { io.err(e.message); return 1; }
    if (e instanceof DatabaseError) {
      const cause = e.cause as { code?: string; message?: string } | undefined;
      io.err(e.code === 'DATABASE_ERROR' && cause ? `${e.message}: ${cause.code ?? ''} ${cause.message ?? ''}` : e.message);
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

function checked(path: string, io: Io) {
  const read = readDataset(path);
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

async function importCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags } = parseArgs(args, ['--replace'], []);
  if (positional.length !== 1) throw new UsageError('deep-labour: import takes one file or folder');
  const path = positional[0]!;
  const read = checked(path, io);
  if (!read.ok) return 1;
  const config = readConfig(env);
  const conn = await connectDatabase(config, io.err);
  try {
    const bar = io.isTTY ? progressBar((t) => process.stderr.write(t)) : undefined;
    const s = await importDataset(conn.db, read.dataset, {
      replace: flags.has('--replace'),
      batchSize: config.batchSize,
      ...(bar ? { onProgress: bar } : {}),
    });
    io.out(`deep-labour: imported "${read.dataset.name}" into ${conn.uri}: `
      + `nodes ${s.nodesCreated} created, ${s.nodesUpdated} updated; links ${s.linksCreated} created, ${s.linksUpdated} updated; `
      + `${s.claims} claims${flags.has('--replace') ? `; replaced ${s.deleted.nodes} nodes and ${s.deleted.links} links` : ''}`);
    return 0;
  } finally {
    await conn.close();
  }
}

async function exportCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, [], ['--format']);
  const format = options.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`deep-labour: --format must be json or csv, got "${format}"`);
  if (positional.length !== 1) throw new UsageError('deep-labour: export takes one path (a .json file, or a folder for --format csv)');
  const path = positional[0]!;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const dataset = await exportDataset(conn.db);
    if (format === 'csv') writeCsvFolder(dataset, path);
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
      found = await auditClaims(conn.db, { organizationId: org, claimId: null, asOf });
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
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

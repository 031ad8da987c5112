// Runs Neo4j's offline importer (`neo4j-admin database import full`, from the launcher's Maven Central jars) on the stopped embedded store's directory.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLauncher, EmbeddedNeo4jError, LAUNCHER_DIR } from './embedded-neo4j.js';

export interface OfflineImportOptions {
  /** The embedded store's data directory (NEO4J_DATA_DIR): Neo4j's home, whose data/databases/neo4j the importer makes. */
  dataDir: string;
  /** A folder of this import's own: the importer's empty configuration and its report go there. */
  workDir: string;
  /** CSV files with their header line, each a node file or a relationship file. */
  nodes: string[];
  relationships: string[];
  /** The separator of list values and labels inside a field. */
  arrayDelimiter: string;
  /** Quoted fields hold line breaks (slower: the importer then reads each file on one thread). */
  multiline: boolean;
  /** JVM heap of the importer, e.g. `2g` (the importer keeps most of its data off the heap). */
  heap: string;
  /** Aborting stops the importer (the caller deletes what it wrote). */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** The arguments after `database import full`, in the importer's own syntax. Pure. */
export function importerArguments(o: Omit<OfflineImportOptions, 'dataDir' | 'heap' | 'log' | 'signal'>): string[] {
  return [
    'neo4j',
    ...o.nodes.map((f) => `--nodes=${f}`),
    ...o.relationships.map((f) => `--relationships=${f}`),
    '--delimiter=,',
    // As U+XXXX, so that a control character travels on the command line.
    `--array-delimiter=U+${o.arrayDelimiter.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    '--quote="',
    `--multiline-fields=${o.multiline}`,
    // Every value is written as the ordinary import stores it: "" is an empty string, never trimmed.
    '--ignore-empty-strings=false',
    '--trim-strings=false',
    '--id-type=string',
    // A bad row (which the files never hold: the dataset was validated) stops the import instead of being skipped.
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--bad-tolerance=0',
    `--report-file=${join(o.workDir, 'import.report')}`,
  ];
}

/**
 * Runs the importer as its own JVM (umask 077, as the embedded store's files are its owner's only), and resolves when it
 * has written the store; throws EmbeddedNeo4jError with the importer's last lines when it fails.
 */
export async function runOfflineImport(options: OfflineImportOptions): Promise<void> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  buildLauncher(log);
  const home = resolve(options.dataDir);
  const conf = join(options.workDir, 'conf');
  mkdirSync(conf, { recursive: true, mode: 0o700 });
  // The embedded store takes its settings from the launcher, not from a file: the importer gets none either.
  writeFileSync(join(conf, 'neo4j.conf'), '', { mode: 0o600 });
  const lib = join(LAUNCHER_DIR, 'target', 'lib');
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'umask 077 && exec "$0" "$@"',
      'java',
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      join(lib, '*'),
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      ...importerArguments(options),
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () => child.kill('SIGTERM');
  options.signal?.addEventListener('abort', stop, { once: true });
  const tail: string[] = [];
  const keep = (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '' || /^[.\-\s]+\d+%/.test(line)) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (/^(IMPORT (DONE|FAILED)|\(\d\/\d\)|Imported:|\s+\d+ (nodes|relationships|properties))/.test(line))
        log(`neo4j-admin import: ${line.trim()}`);
    }
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (c) => done(c));
  });
  options.signal?.removeEventListener('abort', stop);
  options.signal?.throwIfAborted();
  if (code !== 0) {
    throw new EmbeddedNeo4jError(
      `neo4j-admin database import failed (exit code ${code}); its last lines:\n${tail.join('\n')}`,
    );
  }
}

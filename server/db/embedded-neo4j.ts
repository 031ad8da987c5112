// Builds (once) and starts the embedded Neo4j launcher in neo4j/, and stops it cleanly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j/', import.meta.url));

export interface EmbeddedOptions {
  port: number;
  dataDir: string;
  /** JVM heap, e.g. `2g`. */
  heap: string;
  /** Neo4j page cache, e.g. `1g`. */
  pageCache: string;
  /** Neo4j's global cap on a transaction's duration. */
  txTimeoutMs: number;
  /** Memory outside the heap for the state of open transactions (an import is one), e.g. `4g`. */
  txStateOffHeap?: string;
  /** The file holding the password of user neo4j (see store-identity.ts). */
  passwordFile: string;
  /** The identity written into the graph when the store is created. */
  identity: string;
  /** Where the launcher's own log lines go; stderr by default. */
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** Sends SIGTERM and resolves once the store is closed. */
  stop(): Promise<void>;
  /** Resolves (with the exit code) when the process ends for any reason. */
  exited: Promise<number | null>;
  /** Why it stopped, in words, when its output said (it ran out of memory); null otherwise. */
  stopReason(): string | null;
}

/** Bytes in a size such as `512m` or `2g` (as config.ts checks them). */
export function bytesOf(size: string): number {
  const m = /^(\d+)([kmg])$/i.exec(size.trim());
  if (!m) throw new EmbeddedNeo4jError(`neo4j: ${size} is not a size such as 512m or 2g`);
  return Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 } as const)[m[2]!.toLowerCase() as 'k' | 'm' | 'g'];
}

/** Thrown when the embedded database cannot be had; the message says what to install or set. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const CLASSES = join(LAUNCHER_DIR, 'target', 'classes', 'deeplabour', 'EmbeddedNeo4j.class');
const LIB = join(LAUNCHER_DIR, 'target', 'lib');

/** True when a tool answers `--version`/`-version`. */
function has(command: string, flag: string): boolean {
  const r = spawnSync(command, [flag], { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

function isBuilt(): boolean {
  if (!existsSync(CLASSES) || !existsSync(LIB) || readdirSync(LIB).length === 0) return false;
  const built = statSync(CLASSES).mtimeMs;
  const sources = [
    join(LAUNCHER_DIR, 'pom.xml'),
    join(LAUNCHER_DIR, 'src', 'main', 'java', 'deeplabour', 'EmbeddedNeo4j.java'),
  ];
  return sources.every((s) => statSync(s).mtimeMs <= built);
}

/** Compiles the launcher and copies Neo4j's jars from Maven Central, unless that is already done. */
export function buildLauncher(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (!has('java', '-version')) {
    throw new EmbeddedNeo4jError(
      'neo4j: Java 17+ is needed for the embedded database. Install it (Debian: apt-get install openjdk-17-jdk-headless maven), ' +
        'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to an existing Neo4j 5.26+ server.',
    );
  }
  if (isBuilt()) return;
  if (!has('mvn', '--version')) {
    throw new EmbeddedNeo4jError(
      'neo4j: Maven 3.8+ is needed once, to fetch Neo4j from Maven Central. Install it (Debian: apt-get install maven), ' +
        'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to an existing Neo4j 5.26+ server.',
    );
  }
  log(
    'neo4j: building the embedded Neo4j launcher with Maven (first run only; fetches Neo4j 5.26 from Maven Central)…',
  );
  const r = spawnSync('mvn', ['-B', '-q', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    throw new EmbeddedNeo4jError(
      'neo4j: the Maven build of neo4j/ failed (see above); check that Maven Central is reachable, or set NEO4J_URI to an existing Neo4j.',
    );
  }
}

/** Starts Neo4j and resolves once it accepts Bolt connections (startOwnStore then checks that it takes its password). */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  buildLauncher(log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // Through a shell that sets the umask and then becomes Java (exec): every file and folder Neo4j makes (store, logs,
  // transaction logs) is its owner's only, from creation. Node cannot set a child's umask itself.
  const child: ChildProcess = spawn(
    '/bin/sh',
    [
      '-c',
      'umask 077 && exec "$0" "$@"',
      'java',
      // The heap grows to its maximum only when a large import needs it (a heap below 512 MB starts at its maximum:
      // the JVM refuses an initial heap larger than the maximum).
      bytesOf(options.heap) < bytesOf('512m') ? `-Xms${options.heap}` : '-Xms512m',
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      `${join(LAUNCHER_DIR, 'target', 'classes')}:${join(LIB, '*')}`,
      'deeplabour.EmbeddedNeo4j',
    ],
    {
      env: {
        ...process.env,
        NEO4J_BOLT_PORT: String(options.port),
        NEO4J_DATA_DIR: dataDir,
        NEO4J_PAGECACHE: options.pageCache,
        NEO4J_TX_TIMEOUT: `${options.txTimeoutMs}ms`,
        NEO4J_TX_STATE_OFF_HEAP: options.txStateOffHeap ?? '8g',
        NEO4J_TX_MEMORY_MAX: `${Math.floor(bytesOf(options.heap) * 0.7 + bytesOf(options.txStateOffHeap ?? '8g'))}`,
        NEO4J_PASSWORD_FILE: options.passwordFile,
        NEO4J_STORE_IDENTITY: options.identity,
        NEO4J_STOP_WITH_PARENT: '1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // The JVM stops on its first OutOfMemoryError (-XX:+ExitOnOutOfMemoryError), with exit code 3, and says so.
  let outOfMemory = false;
  void exited.then((code) => {
    if (code === 3) outOfMemory = true;
  });
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      if (line.includes('OutOfMemoryError')) outOfMemory = true;
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
      if (line.startsWith('neo4j:')) log(line);
    }
  });

  const uri = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new EmbeddedNeo4jError(`neo4j: no answer within 180 s; last output:\n${stderrTail.join('\n')}`));
    }, 180_000);
    let buffered = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('OutOfMemoryError')) outOfMemory = true;
      buffered += chunk;
      const m = /neo4j: ready at (bolt:\/\/\S+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        ready(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(
        new EmbeddedNeo4jError(
          `neo4j: the embedded database exited (code ${code}) before it was ready:\n${stderrTail.join('\n')}`,
        ),
      );
    });
  });
  // own-store.ts says "ready" once the store also takes its password.

  return {
    uri,
    exited,
    stopReason: () =>
      outOfMemory
        ? `it ran out of memory: one transaction needed more than its heap (NEO4J_HEAP=${options.heap}); raise NEO4J_HEAP, or load a big first dataset with import --new-store (docs/configuration.md, docs/cli.md). The write it was doing was not committed`
        : null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// What the command line writes to disk (exports, audit reports): its owner's only, whole or not at all (also when the
// process is killed while writing), and never over an earlier file without asking.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_FILE_NAMES } from '../../format/csv-folder.js';
import { writePrivate, writePrivateFolder } from './cli-support.js';
import { runCli } from './deep-labour.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('writePrivate', () => {
  it('replaces a file that others could read with one only its owner can', () => {
    const path = join(dir, 'export.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    writePrivate(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(mode(path)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['export.json']);
  });

  it('leaves the file that was there, whole, when the process is killed while writing', async () => {
    const path = join(dir, 'export.json');
    const before = `${'o'.repeat(1_000)}\n`;
    writeFileSync(path, before);
    // A child writes 64 MB files over the path in a loop until it is killed: with a plain write, the kill lands in the
    // middle of one and leaves a cut file. It passes bytes, which the function writes as they are, so that the time
    // goes to writing rather than to encoding text.
    const big = (letter: string) => `Buffer.alloc(64 * 1024 * 1024, ${letter.charCodeAt(0)})`;
    const module = pathToFileURL(resolve('server/cli/cli-support.ts')).href;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { writePrivate } = await import(${JSON.stringify(module)});
         const a = ${big('a')}, b = ${big('b')};
         console.log('writing');
         for (;;) { writePrivate(${JSON.stringify(path)}, a); writePrivate(${JSON.stringify(path)}, b); }`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((started) => child.stdout.once('data', () => started()));
    await new Promise((wait) => setTimeout(wait, 700));
    const ended = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await ended;
    const after = readFileSync(path, 'utf8');
    const whole = [before, 'a'.repeat(64 * 1024 * 1024), 'b'.repeat(64 * 1024 * 1024)];
    expect(whole.includes(after), `a cut file of ${after.length} characters`).toBe(true);
  }, 60_000);
});

describe('writePrivateFolder', () => {
  it('writes every file, keeps the files it does not write, and leaves no staging folder', () => {
    const folder = join(dir, 'csv');
    writePrivateFolder(folder, { 'links.csv': 'old links', 'dataset.csv': 'old dataset' });
    writeFileSync(join(folder, 'notes.txt'), 'the reader’s own notes');
    writePrivateFolder(folder, { 'links.csv': 'new links', 'dataset.csv': 'new dataset' });
    expect(readdirSync(folder).sort()).toEqual(['dataset.csv', 'links.csv', 'notes.txt']);
    expect(readFileSync(join(folder, 'links.csv'), 'utf8')).toBe('new links');
    expect(readFileSync(join(folder, 'dataset.csv'), 'utf8')).toBe('new dataset');
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('the reader’s own notes');
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, 'links.csv'))).toBe(0o600);
  });

  it('removes the earlier files of the format that it does not write, and only those', () => {
    const folder = join(dir, 'csv');
    writePrivateFolder(folder, { 'links.csv': 'old links', 'claims.csv': 'old claims', 'dataset.csv': 'old' });
    writeFileSync(join(folder, 'notes.txt'), 'kept');
    writePrivateFolder(folder, { 'links.csv': 'new links', 'dataset.csv': 'new' }, CSV_FILE_NAMES);
    expect(readdirSync(folder).sort()).toEqual(['dataset.csv', 'links.csv', 'notes.txt']);
  });
});

describe('export and audit --out over an earlier file', () => {
  const io = (answer?: string) => {
    const err: string[] = [];
    const asked: string[] = [];
    return {
      err,
      asked,
      io: {
        out: () => {},
        err: (t: string) => err.push(t),
        isTTY: answer !== undefined,
        ...(answer === undefined
          ? {}
          : {
              ask: async (question: string) => {
                asked.push(question);
                return answer === 'yes';
              },
            }),
      },
    };
  };
  // NEO4J_URI points nowhere: each refusal below comes before the store is opened, or the command would fail to connect.
  const env = { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' };

  it('asks before replacing a file, and without a yes leaves it as it was (exit 1)', async () => {
    const path = join(dir, 'evidence.json');
    writeFileSync(path, 'the export an article cites');
    const quiet = io();
    expect(await runCli(['export', path], env, quiet.io)).toBe(1);
    expect(quiet.err.join('\n')).toContain(`deep-labour: ${path} exists; export will replace it.`);
    expect(quiet.err.join('\n')).toContain('Nothing was done: add --yes to confirm');
    const no = io('no');
    expect(await runCli(['export', '--format', 'gexf', path], env, no.io)).toBe(1);
    expect(no.asked.join('\n')).toContain('exists; export will replace it.');
    const report = join(dir, 'report.md');
    writeFileSync(report, 'the report a complaint cites');
    const audit = io();
    expect(await runCli(['audit', '--out', report], env, audit.io)).toBe(1);
    expect(audit.err.join('\n')).toContain(`deep-labour: ${report} exists; audit will replace it.`);
    expect(readFileSync(path, 'utf8')).toBe('the export an article cites');
    expect(readFileSync(report, 'utf8')).toBe('the report a complaint cites');
  });

  it("asks before replacing a folder's earlier CSV files, naming them", async () => {
    const folder = join(dir, 'csv');
    mkdirSync(folder);
    writeFileSync(join(folder, 'links.csv'), 'earlier');
    writeFileSync(join(folder, 'notes.txt'), 'not an export file');
    const quiet = io();
    expect(await runCli(['export', '--format', 'csv', folder], env, quiet.io)).toBe(1);
    expect(quiet.err.join('\n')).toContain(`deep-labour: ${folder} holds links.csv from an earlier export`);
    expect(readFileSync(join(folder, 'links.csv'), 'utf8')).toBe('earlier');
  });

  it('refuses a folder given for a file, a file given for a folder, and a file in no folder (exit 2)', async () => {
    const folder = join(dir, 'somewhere');
    mkdirSync(folder);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const a = io();
    expect(await runCli(['export', folder, '--yes'], env, a.io)).toBe(2);
    expect(a.err.join('\n')).toContain(`${folder} is a folder; give the path of a file`);
    const b = io();
    expect(await runCli(['export', '--format', 'csv', file, '--yes'], env, b.io)).toBe(2);
    expect(b.err.join('\n')).toContain(`${file} is a file, and this format writes a folder`);
    expect(readFileSync(file, 'utf8')).toBe('x');
    // A file in a folder that does not exist: said before the store is read, instead of a stack trace after it.
    for (const command of [['export'], ['audit', '--out']]) {
      const c = io();
      expect(await runCli([...command, join(dir, 'no-such-folder', 'out.json')], env, c.io)).toBe(2);
      expect(c.err.join('\n')).toContain(`${join(dir, 'no-such-folder')} is not a folder that exists`);
    }
  });
});

// What the command line writes to disk (exports, audit reports): its owner's only, and whole or not at all, also when
// the process is killed while writing.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivate, writePrivateFolder } from './cli-support.js';

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
});

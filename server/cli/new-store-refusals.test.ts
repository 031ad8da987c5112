import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './deep-labour.js';

const dir = mkdtempSync(join(tmpdir(), 'deep-labour-new-store-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
};
const env = (dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NEO4J_URI: '',
  NEO4J_DATA_DIR: dataDir,
  ...extra,
});
const fixture = 'fixtures/illustrative-cascade.json';

describe('deep-labour import --new-store refuses, before anything is written, what it cannot do', () => {
  it('a server given by NEO4J_URI', async () => {
    const e = io();
    const dataDir = join(dir, 'uri');
    expect(
      await runCli(['import', fixture, '--new-store'], env(dataDir, { NEO4J_URI: 'bolt://127.0.0.1:1' }), e.io),
    ).toBe(1);
    expect(e.err.join('\n')).toMatch(
      /NEO4J_URI is set \(bolt:\/\/127\.0\.0\.1:1\), a server this program did not create/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a data directory that holds a store already', async () => {
    const e = io();
    const dataDir = join(dir, 'existing');
    mkdirSync(join(dataDir, 'data', 'databases'), { recursive: true });
    expect(await runCli(['import', fixture, '--new-store'], env(dataDir), e.io)).toBe(1);
    expect(e.err.join('\n')).toMatch(/--new-store only creates a new store, and .* holds one already/);
    expect(readdirSync(dataDir)).toEqual(['data']);
  });

  it('the curated dataset, with the ordinary import’s words', async () => {
    const e = io();
    const dataDir = join(dir, 'curated');
    const file = join(dir, 'curated.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(fixture, 'utf8')), id: 'curated' }));
    expect(await runCli(['import', file, '--new-store'], env(dataDir), e.io)).toBe(1);
    expect(e.err.join('\n')).toContain(`dataset "curated" is curated: editors' changes write it`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('an invalid dataset, with the ordinary validation and its messages', async () => {
    const e = io();
    const dataDir = join(dir, 'invalid');
    const file = join(dir, 'invalid.json');
    const d = JSON.parse(readFileSync(fixture, 'utf8'));
    d.links[0].to = 'nobody';
    writeFileSync(file, JSON.stringify(d));
    expect(await runCli(['import', file, '--new-store'], env(dataDir), e.io)).toBe(1);
    expect(e.err[0]).toMatch(/is not a valid deep-labour\/v1 dataset; nothing was written/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('--new-store with --replace-all (a usage error)', async () => {
    const e = io();
    expect(await runCli(['import', fixture, '--new-store', '--replace-all'], env(join(dir, 'both')), e.io)).toBe(2);
    expect(e.err.join('\n')).toMatch(/--new-store creates a new store, --replace-all empties an existing one/);
  });
});

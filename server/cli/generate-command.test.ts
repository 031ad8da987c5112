// `deep-labour generate` needs no database: written whole or not at all, and never over a file without asking.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDataset } from '../../format/validate-dataset.js';
import { runCli } from './deep-labour.js';

const dir = mkdtempSync(join(tmpdir(), 'deep-labour-generate-'));
afterEach(() => {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
}

describe('deep-labour generate', () => {
  it('writes a valid dataset of exactly the links asked, the same for the same seed', async () => {
    const a = io();
    expect(await runCli(['generate', '--links', '3000', '--seed', '5', '--out', join(dir, 'a.json')], {}, a.io)).toBe(
      0,
    );
    expect(a.out.join('')).toMatch(/3,000 links \(seed 5\)/);
    const v = validateDataset(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')));
    expect(v.ok && v.dataset.links.length).toBe(3000);
    await runCli(['generate', '--links', '3000', '--seed', '5', '--out', join(dir, 'b.json')], {}, io().io);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']); // no partial file left behind
  });

  it('asks before replacing a file, and without a terminal leaves it as it was', async () => {
    const path = join(dir, 'mine.json');
    writeFileSync(path, 'my own notes');
    const r = io();
    expect(await runCli(['generate', '--links', '500', '--out', path], {}, r.io)).toBe(1);
    expect(r.err.join('')).toMatch(/exists; generate will replace it[\s\S]*add --yes/);
    expect(readFileSync(path, 'utf8')).toBe('my own notes');
    expect(await runCli(['generate', '--links', '500', '--out', path, '--yes'], {}, io().io)).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"format":"deep-labour\/v1"/);
  });

  it('says what is wrong with its arguments', async () => {
    for (const [args, message] of [
      [['--links', '5', '--out', 'x'], /--links must be a whole number from 100/],
      [['--links', '1000'], /needs --out FILE/],
      [['--links', '1000', '--seed', 'abc', '--out', 'x'], /--seed must be a whole number/],
      [['--links', '1000', '--out', join(dir, 'no-such-folder', 'x.json')], /is not a folder that exists/],
      [['--links', '1000', '--out', dir], /is a folder; give the path of a file/],
    ] as const) {
      const r = io();
      expect(await runCli(['generate', ...args], {}, r.io)).toBe(2);
      expect(r.err.join('')).toMatch(message);
    }
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

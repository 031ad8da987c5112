// The benchmark's smoke run (npm run bench on a small generated graph): every comparison it reports is really made —
// each import method cold and warm, every field over HTTP and through the driver with a non-empty answer, throughput
// with and without the cache, a small dataset written into the imported store. It measures nothing here (CI's machine
// is shared); `npm run bench` is for that.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'deep-labour-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.env.TEST_NEO4J_ROUTING === '1')(
  'npm run bench (smoke; its own stores, so not again through neo4j://)',
  () => {
    it('runs every side-by-side comparison on its own scratch stores and writes them as JSON', () => {
      const out = join(dir, 'bench.json');
      const run = spawnSync('npx', ['tsx', 'bench/run-bench.ts'], {
        encoding: 'utf8',
        timeout: 600_000,
        // No NEO4J_URI: the benchmark starts its own stores and never touches another database.
        env: {
          ...process.env,
          NEO4J_URI: '',
          BENCH_SIZES: '2000',
          BENCH_RUNS: '3',
          BENCH_LOAD_SECONDS: '1',
          BENCH_BROWSER: '500',
          // The --new-store case starts two more stores: npm run bench measures it, the smoke run leaves it out.
          BENCH_NEW_STORE: '0',
          // The edit comparison starts a store of its own: measured by npm run bench and bench/edit-cost.ts, not here.
          BENCH_EDITS: '',
          BENCH_OUT: out,
        },
      });
      expect(run.status, run.stderr.slice(-2000)).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        sizes: {
          links: number;
          import: { method: string; phase: string; rowsPerSecond: number }[];
          ratios: Record<string, number>;
          fields: {
            field: string;
            answer: { objects: number };
            http: { p50: number };
            driver: { p50: number };
            transport: { p50: number };
            ratioP50: number;
            ratioP50NoTransport: number;
          }[];
          throughput: { cache: string; requestsPerSecond: number; failed: number }[];
          browser: { elements: number; drawnMs: number; zoomStepMs: number }[];
          smallWrites: Record<string, number>;
        }[];
      };
      const [size] = result.sizes;
      expect(size!.links).toBe(2000);
      expect(size!.import.map((t) => `${t.method} ${t.phase}`).sort()).toEqual([
        'load-csv cold',
        'load-csv warm',
        'one-row-per-transaction cold',
        'one-row-per-transaction warm',
        'ours cold',
        'ours warm',
      ]);
      for (const t of size!.import) expect(t.rowsPerSecond).toBeGreaterThan(0);
      expect(Object.keys(size!.ratios)).toHaveLength(4);
      expect(size!.fields.length).toBeGreaterThanOrEqual(17);
      for (const f of size!.fields) {
        expect(f.answer.objects, `${f.field} answers something`).toBeGreaterThan(0);
        expect(f.http.p50).toBeGreaterThan(0);
        expect(f.driver.p50).toBeGreaterThan(0);
        expect(f.ratioP50).toBeGreaterThan(0);
        expect(f.transport.p50).toBeGreaterThan(0);
        expect(f.ratioP50NoTransport).toBeLessThanOrEqual(f.ratioP50);
      }
      expect(size!.throughput.map((t) => t.cache)).toEqual(['off', 'on']);
      for (const t of size!.throughput) expect(t.failed).toBe(0);
      expect(run.stdout).toMatch(/ours \/ LOAD CSV, cold/);
      // A small dataset written into the imported store: each step timed.
      expect(Object.keys(size!.smallWrites)).toEqual(['import', 'import again, changed', 'remove']);
      for (const ms of Object.values(size!.smallWrites)) expect(ms).toBeGreaterThan(0);
      // The explorer in Chromium (the test build exists: the integration setup builds it).
      if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
        expect(
          size!.browser.map((b) => {
            const x = b as unknown as { renderer: string; grouped: boolean };
            return `${x.renderer}${x.grouped ? ' grouped' : ''}`;
          }),
        ).toEqual(['canvas', 'webgl', 'canvas grouped']);
        expect(size!.browser[0]!.elements).toBeGreaterThan(100);
        expect(size!.browser[0]!.drawnMs).toBeGreaterThan(0);
      }
    }, 600_000);
  },
);

// Builds the explorer with Vite when dist/ is missing or older than its sources (npm start runs it first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mode = process.argv[2] === '--test' ? 'test' : 'production';
const out = mode === 'test' ? 'dist/client-test/index.html' : 'dist/client/index.html';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest('client'),
  newest('vocabulary'),
  newest('format'),
  newest('docs/queries'),
  statSync('vite.config.ts').mtimeMs,
  statSync('package-lock.json').mtimeMs,
);
if (existsSync(out) && statSync(out).mtimeMs >= sources) process.exit(0);
process.stderr.write(`client: building the explorer (${mode})…\n`);
const r = spawnSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(r.status ?? 1);

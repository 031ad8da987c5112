// Builds the explorer in test mode (window.cy exposed) once per run, for the browser tests.
import { spawnSync } from 'node:child_process';

export function setup(): void {
  const r = spawnSync('npx', ['tsx', 'scripts/build-client.ts', '--test'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('client build failed (see above)');
}

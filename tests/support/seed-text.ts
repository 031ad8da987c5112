// Finds the research text the DiPLab fixture is checked against, which lives outside the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed text's file name, as the research project publishes it. */
export const SEED_FILE = '000_90f0be902bcfe9c2.txt';

/**
 * The folder of seed texts: DEEP_LABOUR_SEEDS when set, else the `shared` folder beside the repository's own folder
 * (where the project's workspace keeps it), found at run time.
 */
export function seedFolder(env: NodeJS.ProcessEnv = process.env): string {
  const repository = resolve(fileURLToPath(new URL('../../', import.meta.url)));
  return env.DEEP_LABOUR_SEEDS ? resolve(env.DEEP_LABOUR_SEEDS) : join(repository, '..', 'shared', 'seeds');
}

/** The seed text and where it was read, or null with where it was looked for (a clone without the workspace). */
export function readSeed(
  env: NodeJS.ProcessEnv = process.env,
): { text: string; path: string } | { text: null; path: string } {
  const path = join(seedFolder(env), SEED_FILE);
  return existsSync(path) ? { text: readFileSync(path, 'utf8'), path } : { text: null, path };
}

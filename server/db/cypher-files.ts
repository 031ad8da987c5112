// Loads every cypher/*.cypher file once at start-up; asking for a missing one fails at once.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { fragmentBody } from './cypher-template.js';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export type CypherFiles = (name: string) => string;

/** Reads the folder and returns a lookup by file name (without `.cypher`). */
export function loadCypherFiles(dir: string = CYPHER_DIR): CypherFiles {
  const files = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.cypher')) files.set(basename(file, '.cypher'), readFileSync(join(dir, file), 'utf8'));
  }
  return (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`db: no query file cypher/${name}.cypher`);
    return text;
  };
}

/** Reads the fragments templates insert (cypher/templates/<name>.cypher.fragment), by name, comment lines dropped. */
export function loadCypherFragments(dir: string = join(CYPHER_DIR, 'templates')): Record<string, string> {
  const fragments: Record<string, string> = {};
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.cypher.fragment'))
      fragments[basename(file, '.cypher.fragment')] = fragmentBody(readFileSync(join(dir, file), 'utf8'));
  }
  return fragments;
}

/** Splits a DDL file into statements on `;` at line ends, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// Writes cypher/<name>.cypher from each cypher/templates/<name>.cypher.template (fragments from <name>.cypher.fragment); with --check, only says which are stale (CI).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCypherFragments } from '../server/db/cypher-files.js';
import { generatedCypher, templateValues } from '../server/db/cypher-template.js';

const check = process.argv.includes('--check');
const dir = 'cypher/templates';
const values = templateValues(loadCypherFragments(dir));
let stale = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cypher.template'))) {
  const target = join('cypher', file.replace(/\.template$/, ''));
  const text = generatedCypher(file, readFileSync(join(dir, file), 'utf8'), values);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    /* missing: stale */
  }
  if (current === text) continue;
  stale += 1;
  if (check) process.stderr.write(`cypher: ${target} is stale; run npm run generate:cypher and commit it\n`);
  else {
    writeFileSync(target, text);
    process.stderr.write(`cypher: wrote ${target}\n`);
  }
}
process.exit(check && stale ? 1 : 0);

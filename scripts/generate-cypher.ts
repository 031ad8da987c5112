// Writes cypher/<name>.cypher from each cypher/templates/<name>.cypher.template (fragments from <name>.cypher.fragment); with --check, only says which are stale (CI).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCypherFragments } from '../server/db/cypher-files.js';
import { RECORDED_VARIANTS, generatedCypher, recordedTemplate, templateValues } from '../server/db/cypher-template.js';

const check = process.argv.includes('--check');
const dir = 'cypher/templates';
const values = templateValues(loadCypherFragments(dir));
let stale = 0;
const outputs = readdirSync(dir)
  .filter((f) => f.endsWith('.cypher.template'))
  .flatMap((file) => {
    const template = readFileSync(join(dir, file), 'utf8');
    const name = file.replace(/\.cypher\.template$/, '');
    const plain = { target: join('cypher', `${name}.cypher`), text: generatedCypher(file, template, values) };
    if (!RECORDED_VARIANTS.includes(name)) return [plain];
    // The `recordedAt` variant (docs/versioning.md): the same query over current and retired links as recorded after $seq.
    const recorded = recordedTemplate(template, values.linkTypes).replace(
      /^\/\/ /,
      '// As recorded after change $seq (links current then, current or retired now; the records they reach as they were then). ',
    );
    return [
      plain,
      { target: join('cypher', `${name}-recorded.cypher`), text: generatedCypher(file, recorded, values) },
    ];
  });
for (const { target, text } of outputs) {
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

// npm run schema:check: the served schema against the last release's (schema/releases); with --release, writes this version's file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchemaChanges, latestRelease, releaseText } from '../server/schema/schema-changes.js';
import { typeDefs } from '../server/schema/index.js';

const DIR = 'schema/releases';
const CHANGELOG = 'docs/api-changelog.md';
const say = (line: string) => process.stderr.write(`schema: ${line}\n`);

if (process.argv.includes('--release')) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const target = join(DIR, `graphql-${version}.graphql`);
  if (existsSync(target)) {
    say(`${target} exists already; raise the version in package.json first`);
    process.exit(1);
  }
  writeFileSync(target, releaseText(typeDefs));
  say(`wrote ${target}; add a "## ${version}" entry to ${CHANGELOG} above the previous one`);
  process.exit(0);
}

const release = latestRelease(existsSync(DIR) ? readdirSync(DIR) : []);
if (!release) {
  say(`no release in ${DIR}; write one with npm run schema:check -- --release`);
  process.exit(1);
}
const result = await checkSchemaChanges(
  readFileSync(join(DIR, release.file), 'utf8'),
  typeDefs,
  readFileSync(CHANGELOG, 'utf8'),
  release.version,
);
for (const p of result.problems) say(`${CHANGELOG}: ${p}`);
for (const c of result.dangerous) say(`dangerous since ${release.version}: ${c.path}: ${c.message}`);
for (const c of result.breaking) {
  say(`breaking since ${release.version}: ${c.path}: ${c.message}${c.documented ? ' (in the changelog)' : ''}`);
}
const missing = result.breaking.filter((c) => !c.documented);
if (missing.length) {
  say(
    `${missing.length} breaking change(s) not in ${CHANGELOG}: add a bullet under "## Unreleased" naming each path in backticks ` +
      `with its migration, e.g. "- Removed \`${missing[0]!.path}\`. Migration: use … instead." (or keep the field, deprecated, until a stated version)`,
  );
}
if (result.ok)
  say(
    `the schema keeps every promise of ${release.version} (${result.breaking.length} breaking change(s), all in the changelog; ${result.dangerous.length} dangerous)`,
  );
process.exit(result.ok ? 0 : 1);

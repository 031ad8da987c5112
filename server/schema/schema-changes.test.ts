// The schema check: the served schema keeps the last release's promises, and a break passes only with its migration written down.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typeDefs } from './index.js';
import { checkSchemaChanges, entriesSince, latestRelease, releaseText } from './schema-changes.js';

const RELEASES = new URL('../../schema/releases/', import.meta.url);
const CHANGELOG = readFileSync(new URL('../../docs/api-changelog.md', import.meta.url), 'utf8');
const release = latestRelease(readdirSync(RELEASES))!;
const previous = readFileSync(new URL(release.file, RELEASES), 'utf8');

/** The changelog with one more bullet in its Unreleased section. */
const withEntry = (bullet: string) => CHANGELOG.replace(/^## Unreleased\n/m, `## Unreleased\n\n${bullet}\n`);

describe('the schema check', () => {
  it('finds the served schema keeping every promise of the last release', async () => {
    expect(release.file).toBe('graphql-0.1.0.graphql');
    const result = await checkSchemaChanges(previous, typeDefs, CHANGELOG, release.version);
    expect(result.problems).toEqual([]);
    expect(result.breaking.filter((b) => !b.documented)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fails on a removed field, and passes once the changelog names it with its migration', async () => {
    const broken = typeDefs.replace(
      /^ {2}"Counts per node label and link type[^\n]*\n {2}stats(\(\n[\s\S]*?\n {2}\))?: Stats!\n/m,
      '',
    );
    expect(broken).not.toBe(typeDefs);
    const failed = await checkSchemaChanges(previous, broken, CHANGELOG, release.version);
    expect(failed.ok).toBe(false);
    expect(failed.breaking).toEqual([expect.objectContaining({ path: 'Query.stats', documented: false })]);

    const named = await checkSchemaChanges(
      previous,
      broken,
      withEntry('- Removed `Query.stats`. Migration: count with `organizations { totalCount }`.'),
      release.version,
    );
    expect(named.ok).toBe(true);
    expect(named.breaking).toEqual([expect.objectContaining({ path: 'Query.stats', documented: true })]);
  });

  it('does not take a bullet without a migration, one under an earlier release, or an example in prose as the entry', async () => {
    const broken = typeDefs.replace(/^ {4}"How many entities at most[^\n]*\n {4}limit: Int = 20\n/m, '');
    expect(broken).not.toBe(typeDefs);
    const path = 'Query.search.limit';
    const check = (changelog: string) =>
      checkSchemaChanges(previous, broken, changelog, release.version).then((r) => r.ok);
    expect(await check(withEntry(`- Removed \`${path}\`.`))).toBe(false);
    expect(
      await check(CHANGELOG.replace(/^## 0\.1\.0\n/m, `## 0.1.0\n\n- Removed \`${path}\`. Migration: none.\n`)),
    ).toBe(false);
    expect(
      await check(
        CHANGELOG.replace(
          /^## Unreleased\n/m,
          `Example:\n\n\`\`\`\n- Removed \`${path}\`. Migration: none.\n\`\`\`\n\n## Unreleased\n`,
        ),
      ),
    ).toBe(false);
    expect(
      await check(
        withEntry(`- Removed \`${path}\`: search answers 20 entities.\n  Migration: ask for more with a longer text.`),
      ),
    ).toBe(true);
  });

  it('lists dangerous changes without failing', async () => {
    const added = typeDefs.replace(/^ {2}BOTH\n/m, '  BOTH\n  "Neither way."\n  NEITHER\n');
    const result = await checkSchemaChanges(previous, added, CHANGELOG, release.version);
    expect(result.ok).toBe(true);
    // Only the change this test made is new: whatever the schema already adds since the release is listed as well.
    const already = (await checkSchemaChanges(previous, typeDefs, CHANGELOG, release.version)).dangerous.map(
      (d) => d.path,
    );
    expect(result.dangerous.map((d) => d.path).filter((p) => !already.includes(p))).toEqual(['Direction.NEITHER']);
  });

  it('says when the changelog has no entry for the release compared with', async () => {
    const result = await checkSchemaChanges(
      previous,
      typeDefs,
      CHANGELOG.replace(/^## 0\.1\.0\n/m, '## Older\n'),
      release.version,
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
  });

  it('keeps release files as printSchema writes them, and finds the newest by version', () => {
    expect(previous).toBe(releaseText(previous));
    expect(latestRelease(['graphql-0.9.0.graphql', 'graphql-0.10.0.graphql', 'notes.md'])).toEqual({
      file: 'graphql-0.10.0.graphql',
      version: '0.10.0',
    });
    expect(latestRelease([])).toBeNull();
    expect(entriesSince('## Unreleased\n- a\n  b\n## 1.0.0\n- c\n', '1.0.0')).toEqual(['- a b']);
  });
});

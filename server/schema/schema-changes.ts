// Compares the served schema with the last release's: breaking changes must be in the API changelog with their migration. Pure.
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, printSchema } from 'graphql';

export interface SchemaChange {
  /** Schema coordinate as graphql-inspector writes it: Type, Type.field, Type.field.argument, Enum.VALUE. */
  path: string;
  message: string;
}

export interface SchemaCheck {
  /** False when a breaking change is not in the changelog. */
  ok: boolean;
  breaking: (SchemaChange & { documented: boolean })[];
  dangerous: SchemaChange[];
  /** What went wrong with the changelog itself (no entry for the release compared with). */
  problems: string[];
}

/** A release file as `printSchema` writes it, so that a later diff of the file shows only real changes. */
export function releaseText(sdl: string): string {
  return `${printSchema(buildSchema(sdl))}\n`;
}

/** The release files' newest: names graphql-<major>.<minor>.<patch>.graphql; null when there are none. */
export function latestRelease(files: readonly string[]): { file: string; version: string } | null {
  const releases = files.flatMap((file) => {
    const m = /^graphql-(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(file);
    return m ? [{ file, version: `${m[1]}.${m[2]}.${m[3]}`, parts: [Number(m[1]), Number(m[2]), Number(m[3])] }] : [];
  });
  releases.sort((a, b) => a.parts[0]! - b.parts[0]! || a.parts[1]! - b.parts[1]! || a.parts[2]! - b.parts[2]!);
  const last = releases.at(-1);
  return last ? { file: last.file, version: last.version } : null;
}

/**
 * The changelog's bullets written since `version` was released: those of the `## Unreleased` and `## <version>` sections
 * above its own `## <version>` heading (an entry for an earlier release never excuses a new break; prose and code blocks
 * elsewhere do not count). Null when the changelog has no heading for that release.
 */
export function entriesSince(changelog: string, version: string): string[] | null {
  const lines = changelog.split('\n');
  const escaped = version.replace(/\./g, '\\.');
  const at = lines.findIndex((l) => new RegExp(`^##\\s+\\[?v?${escaped}\\b`).test(l));
  if (at < 0) return null;
  const bullets: string[] = [];
  let inEntry = false;
  let inCode = false;
  for (const line of lines.slice(0, at)) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (/^#{1,2}\s/.test(line)) {
      inEntry = /^##\s+(Unreleased\b|\[?v?\d+\.\d+\.\d+\b)/i.test(line);
      continue;
    }
    if (!inEntry) continue;
    if (/^\s*[-*]\s/.test(line)) bullets.push(line.trim());
    else if (/^\s+\S/.test(line) && bullets.length) bullets[bullets.length - 1] += ` ${line.trim()}`;
  }
  return bullets;
}

/** A breaking change is documented when one bullet names its path in backticks and says `Migration:`. */
const documents = (bullet: string, path: string) => bullet.includes(`\`${path}\``) && /\bMigration:/.test(bullet);

/** Diffs `previous` (the release's SDL) with `current` and checks the changelog entries written since `version`. */
export async function checkSchemaChanges(
  previous: string,
  current: string,
  changelog: string,
  version: string,
): Promise<SchemaCheck> {
  const changes = await diff(buildSchema(previous), buildSchema(current));
  const entries = entriesSince(changelog, version);
  const problems =
    entries === null
      ? [`the changelog has no "## ${version}" entry for the release compared with; add it (see its 0.1.0 entry)`]
      : [];
  const breaking = changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => {
      const path = c.path ?? c.message;
      return { path, message: c.message, documented: (entries ?? []).some((b) => documents(b, path)) };
    });
  const dangerous = changes
    .filter((c) => c.criticality.level === CriticalityLevel.Dangerous)
    .map((c) => ({ path: c.path ?? c.message, message: c.message }));
  return { ok: problems.length === 0 && breaking.every((b) => b.documented), breaking, dangerous, problems };
}

// Every relative link in the README and the docs pages leads somewhere: a file or folder that exists, and a heading for its #anchor.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The text with fenced code blocks blanked, so that code is never read as a heading. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** The text with fenced code blocks and inline code blanked, so that code is never read as a link. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, (c) => ' '.repeat(c.length));
}

/** Each relative link of a Markdown file (in `root`) that leads nowhere, with the reason. */
export function brokenLinks(file: string, markdown: string, read: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const m of withoutCode(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = path === '' ? file : join(dirname(file), decodeURIComponent(path));
    const text = read(resolved);
    if (text === undefined) {
      problems.push(`${file}: ${target} (no file or folder ${resolved})`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith('.md') && !headingAnchors(text).has(anchor)) {
      problems.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  return problems;
}

const readInRepo = (path: string): string | undefined => {
  const full = join(ROOT, path);
  if (!existsSync(full)) return undefined;
  return path.endsWith('.md') ? readFileSync(full, 'utf8') : '';
};

const markdownFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );

describe('relative links in the README and docs/', () => {
  const files = ['README.md', ...markdownFiles('docs'), 'bench/HISTORY.md'];

  it.each(files)('%s links only to files and headings that exist', (file) => {
    expect(brokenLinks(file, readFileSync(join(ROOT, file), 'utf8'), readInRepo)).toEqual([]);
  });

  it('the README points to every docs page', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(files.length).toBeGreaterThan(10);
    for (const page of files.filter((f) => f.startsWith('docs/') && f.split('/').length === 2))
      expect(readme, `README links ${page}`).toContain(`](${page})`);
  });

  it('a page in a folder of docs/ is linked from the page of the same name (docs/x/y.md from docs/x.md)', () => {
    for (const page of files.filter((f) => f.startsWith('docs/') && f.split('/').length === 3)) {
      const [, folder, name] = page.split('/');
      const parent = readFileSync(join(ROOT, 'docs', `${folder}.md`), 'utf8');
      expect(parent, `docs/${folder}.md links ${page}`).toContain(`](${folder}/${name})`);
    }
  });

  it('says which link is broken: a missing file, a missing heading, and not a link inside code', () => {
    const pages: Record<string, string> = {
      'docs/a.md': '# A page\n## `CONTROLLED_BY` and identifiers\n## Twice\n## Twice\n',
    };
    const read = (p: string) => pages[p];
    const text = [
      '[ok](a.md#a-page) [ok](a.md#controlled_by-and-identifiers) [ok](a.md#twice-1) [ok](https://example.org/x)',
      '[gone](b.md) [no anchor](a.md#nowhere) [self](#nowhere-here) `[code](c.md)`',
      '```',
      '[fenced](d.md)',
      '```',
    ].join('\n');
    expect(brokenLinks('docs/a.md', text, read)).toEqual([
      'docs/a.md: b.md (no file or folder docs/b.md)',
      'docs/a.md: a.md#nowhere (no heading #nowhere in docs/a.md)',
      'docs/a.md: #nowhere-here (no heading #nowhere-here in docs/a.md)',
    ]);
  });
});

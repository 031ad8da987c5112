// Every query the code runs has its cypher/<name>.cypher, every file is used, and generated files are current.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadCypherFiles, splitStatements } from './cypher-files.js';
import { DEFAULT_TEMPLATE_VALUES, renderCypherTemplate } from './cypher-template.js';

const ROOT = new URL('../../', import.meta.url);

function sourceFiles(dir: string): string[] {
  return readdirSync(new URL(dir, ROOT), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}${e.name}`;
    if (e.isDirectory()) return sourceFiles(`${rel}/`);
    return e.name.endsWith('.ts') && e.name !== 'cypher-files.test.ts' ? [rel] : [];
  });
}

/** Query names in calls such as db.read('name', …), write, autoCommit, and in name lists (['import-links', …]). */
function queryNamesIn(text: string): string[] {
  const calls = [...text.matchAll(/\b(?:read|write|autoCommit|run)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!);
  const listed = [...text.matchAll(/\[\s*'([a-z0-9-]+)',\s*(?:\(|\{)/g)].map((m) => m[1]!);
  return [...calls, ...listed];
}

describe('cypher files', () => {
  const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher')).map((f) => f.replace(/\.cypher$/, ''));
  const used = new Map<string, string>();
  for (const path of [...sourceFiles('server/'), ...sourceFiles('tests/'), ...sourceFiles('bench/')]) {
    for (const name of queryNamesIn(readFileSync(new URL(path, ROOT), 'utf8'))) used.set(name, path);
  }

  it('has a file for every query name the code runs', () => {
    expect(used.size).toBeGreaterThan(15);
    for (const [name, where] of used) expect(files, `${where} runs cypher/${name}.cypher`).toContain(name);
  });

  it('has no file that nothing runs', () => {
    for (const name of files.filter((f) => f !== 'schema')) expect([...used.keys()], `cypher/${name}.cypher is never run`).toContain(name);
  });

  it('opens each file with a comment saying what it returns, and uses parameters, not string building', () => {
    const cypher = loadCypherFiles();
    for (const name of files) {
      const text = cypher(name);
      expect(text.startsWith('// '), `cypher/${name}.cypher opens with a comment`).toBe(true);
      expect(text, `cypher/${name}.cypher`).not.toMatch(/\$\{|\{\{/);
    }
  });

  it('generated files match their templates (run npm run generate:cypher)', () => {
    const templates = readdirSync(join(CYPHER_DIR, 'templates')).filter((f) => f.endsWith('.cypher.template'));
    expect(templates).toContain('cascade.cypher.template');
    for (const t of templates) {
      const expected = renderCypherTemplate(readFileSync(join(CYPHER_DIR, 'templates', t), 'utf8'), DEFAULT_TEMPLATE_VALUES);
      expect(readFileSync(join(CYPHER_DIR, t.replace(/\.template$/, '')), 'utf8'), t).toBe(expected);
    }
  });

  it('splits the schema into statements, dropping comments', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE B;\n')).toEqual(['CREATE A', 'CREATE B']);
  });
});

describe('renderCypherTemplate', () => {
  it('repeats a level block and fills in the values', () => {
    const out = renderCypherTemplate('A {{MAX_DEPTH}}\n{{#LEVEL}}\nL [:{{LINK_TYPES}}]\n{{/LEVEL}}\nZ\n', { maxDepth: 3, linkTypes: ['X', 'Y'] });
    expect(out).toBe('A 3\nL [:X|Y]\nL [:X|Y]\nL [:X|Y]\nZ\n');
  });
  it('repeats a block per link type, joined as asked', () => {
    const out = renderCypherTemplate('{{#EACH_LINK_TYPE join="UNION"}}\nMATCH ()-[r:{{TYPE}}]->()\n{{/EACH_LINK_TYPE}}\n', { maxDepth: 1, linkTypes: ['X', 'Y'] });
    expect(out).toBe('MATCH ()-[r:X]->()\nUNION\nMATCH ()-[r:Y]->()\n');
  });
  it('refuses an unknown placeholder or an unclosed block', () => {
    expect(() => renderCypherTemplate('{{NOPE}}\n', DEFAULT_TEMPLATE_VALUES)).toThrow(/unknown placeholder/);
    expect(() => renderCypherTemplate('{{#LEVEL}}\nx\n', DEFAULT_TEMPLATE_VALUES)).toThrow(/not closed/);
  });
});

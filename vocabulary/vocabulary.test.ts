// The places that cannot import the vocabulary (JSON Schema, GraphQL SDL, Cypher) agree with it; a failure names the file to change.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AI_USE_NAMES,
  LINK_TYPES,
  LINK_TYPE_NAMES,
  NODE_KIND_NAMES,
  ORGANIZATION_KIND_NAMES,
  SOURCE_TYPE_NAMES,
  TASK_KIND_NAMES,
  linkSentence,
} from './index.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const sorted = (xs: readonly string[]) => [...xs].sort();

/** Names the graph uses that are not dataset link types: claims point at who made them and what they are about, a record at its earlier versions. */
const INTERNAL_TYPES = ['MADE_BY', 'ABOUT', 'PAY_OF', 'PAY_FOR', 'HAD_VERSION'];

describe('the vocabulary', () => {
  it('matches the JSON Schema enums', () => {
    const schema = JSON.parse(read('schema/deep-labour-v1.schema.json'));
    const enums: string[][] = [];
    JSON.stringify(schema, (key, value) => {
      if (key === 'enum') enums.push(value);
      return value;
    });
    for (const names of [SOURCE_TYPE_NAMES, ORGANIZATION_KIND_NAMES, TASK_KIND_NAMES, LINK_TYPE_NAMES, AI_USE_NAMES]) {
      expect(enums.map(sorted), `schema/deep-labour-v1.schema.json lists ${names.join(', ')}`).toContainEqual(
        sorted(names),
      );
    }
  });

  it('matches the values schema.graphql documents', () => {
    const sdl = read('server/schema/schema.graphql');
    const documented = (typeName: string, field: string): string[] => {
      const body = new RegExp(`type ${typeName}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '';
      const doc = new RegExp(`"([^"\\n]*)"\\n\\s*${field}:`).exec(body)?.[1] ?? '';
      return doc
        .split(';')[0]!
        .split(/,| or /)
        .map((w) => w.trim().replace(/\.$/, '').split(' ')[0]!)
        .filter((w) => /^[a-zA-Z_-]+$/.test(w));
    };
    expect(sorted(documented('Organization', 'kind')), 'Organization.kind').toEqual(sorted(ORGANIZATION_KIND_NAMES));
    expect(sorted(documented('Task', 'taskKind')), 'Task.taskKind').toEqual(sorted(TASK_KIND_NAMES));
    expect(sorted(documented('Source', 'type')), 'Source.type').toEqual(sorted(SOURCE_TYPE_NAMES));
    expect(sorted(documented('AIProductUse', 'use')), 'AIProductUse.use').toEqual(sorted(AI_USE_NAMES));
    expect(sorted(documented('Link', 'type')), 'Link.type').toEqual(sorted(LINK_TYPE_NAMES));
    expect(NODE_KIND_NAMES).toEqual(
      expect.arrayContaining(['worker-pool', 'task', 'ai-product', ...ORGANIZATION_KIND_NAMES]),
    );
  });

  describe('and every Cypher file', () => {
    const files = readdirSync(new URL('../cypher/', import.meta.url)).filter((f) => f.endsWith('.cypher'));
    const known = new Set<string>([...LINK_TYPE_NAMES, ...INTERNAL_TYPES]);

    it.each(files)(
      '%s names only link types the vocabulary has, and lists all of them wherever it lists most',
      (file) => {
        const text = read(`cypher/${file}`)
          .split('\n')
          .filter((l) => !l.trim().startsWith('//'))
          .join('\n');
        // Relationship types in patterns: -[r:A|B]-, -[:A]->, and in constraints FOR ()-[r:A]-().
        for (const m of text.matchAll(/\[\s*\w*\s*:\s*([A-Z_|]+)/g)) {
          // A retired link's type is WAS_ and its type (docs/versioning.md): the `-recorded` queries list both.
          const types = [...new Set(m[1]!.split('|').map((t) => t.replace(/^WAS_/, '')))];
          for (const t of types) expect(known.has(t), `${file}: ${t} is not in vocabulary/index.ts`).toBe(true);
          // A list of more than half the link types is meant as "every link": it must then hold every one.
          if (types.length > LINK_TYPE_NAMES.length / 2)
            expect(sorted(types), `${file} lists link types`).toEqual(sorted(LINK_TYPE_NAMES));
        }
      },
    );

    it('schema.cypher keeps a unique id for every link type, and stats.cypher counts every one', () => {
      const schema = read('cypher/schema.cypher');
      const stats = read('cypher/stats.cypher');
      for (const t of LINK_TYPE_NAMES) {
        expect(schema, `cypher/schema.cypher: constraint for ${t}`).toMatch(
          new RegExp(`\\[r:${t}\\]-\\(\\) REQUIRE r\\.id IS UNIQUE`),
        );
        expect(stats, `cypher/stats.cypher: count of ${t}`).toContain(
          `{name: '${t}', count: COUNT { ()-[:${t}]->() }}`,
        );
      }
    });

    it('the import looks up, creates and merges every link type', () => {
      for (const [file, write] of [
        ['preflight-links', 'MATCH (a)-[r:'],
        ['create-links', 'CREATE (a)-[r:'],
        ['upsert-links', 'MERGE (a)-[r:'],
      ] as const) {
        const text = read(`cypher/${file}.cypher`);
        for (const t of LINK_TYPE_NAMES) {
          expect(text, `cypher/${file}.cypher: rows of ${t}`).toContain(
            `coalesce($${file === 'preflight-links' ? 'ids' : 'rows'}.${t}, [])`,
          );
          expect(text, `cypher/${file}.cypher: ${t} written`).toContain(`${write}${t}`);
        }
      }
    });
  });

  it('reads each link as one sentence, and an unknown type by its name', () => {
    for (const t of LINK_TYPE_NAMES) expect(linkSentence(t, 'A', 'B')).toBe(`A ${LINK_TYPES[t].reads} B`);
    expect(linkSentence('SUBCONTRACTS_FOR', 'Nexa', 'Broker')).toBe('Nexa subcontracts for Broker');
    expect(linkSentence('NEW_TYPE', 'A', 'B')).toBe('A NEW_TYPE B');
  });
});

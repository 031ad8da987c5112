import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fragmentsByName, withFragments } from './with-fragments.js';

const dir = new URL('./operations/', import.meta.url);
const FRAGMENTS = readFileSync(new URL('fragments.graphql', dir), 'utf8');

describe('withFragments', () => {
  it('adds the fragments an operation uses, transitively, and no others', () => {
    const doc = withFragments('query Q { cascade(rootId: "x") { ...SubgraphFields } }', FRAGMENTS);
    expect([...doc.matchAll(/^fragment (\w+)/gm)].map((m) => m[1]).sort()).toEqual([
      'LinkFields',
      'NodeFields',
      'SourceFields',
      'SubgraphFields',
    ]);
    expect(withFragments('query Q { entity(id: "x") { ... on Task { taskKind } } }', FRAGMENTS)).not.toContain(
      'fragment',
    );
  });

  it('refuses a spread of a fragment that does not exist', () => {
    expect(() => withFragments('query Q { x { ...Nope } }', FRAGMENTS)).toThrow(/does not define/);
  });

  it("gives every operation of the explorer a document the server's schema accepts", () => {
    const schema = buildSchema(readFileSync(new URL('../../server/schema/schema.graphql', import.meta.url), 'utf8'));
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql') && f !== 'fragments.graphql');
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(fragmentsByName(FRAGMENTS).size).toBe(12);
    for (const f of files) {
      const doc = withFragments(readFileSync(new URL(f, dir), 'utf8'), FRAGMENTS);
      expect(
        validate(schema, parse(doc)).map((e) => e.message),
        f,
      ).toEqual([]);
    }
  });
});

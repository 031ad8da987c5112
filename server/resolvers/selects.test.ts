import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects } from './selects.js';

const schema = buildSchema(
  'type Query { graph: G } type G { edges: [E] } type E { id: ID sources: [S] } type S { id: ID }',
);

async function asked(query: string): Promise<boolean> {
  let result = false;
  await graphql({
    schema,
    source: query,
    rootValue: {
      graph: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => {
        result = selects(info, ['edges', 'sources']);
        return { edges: [] };
      },
    },
  });
  return result;
}

describe('selects', () => {
  it('sees a nested field asked directly, through a named fragment or an inline one', async () => {
    expect(await asked('{ graph { edges { id sources { id } } } }')).toBe(true);
    expect(
      await asked('{ graph { ...F } } fragment F on G { edges { ...E } } fragment E on E { sources { id } }'),
    ).toBe(true);
    expect(await asked('{ graph { ... on G { edges { ... on E { sources { id } } } } } }')).toBe(true);
  });

  it('says no when the field is not asked for', async () => {
    expect(await asked('{ graph { edges { id } } }')).toBe(false);
    expect(await asked('{ graph { ...F } } fragment F on G { edges { id } }')).toBe(false);
  });
});

import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects, selectsOnly } from './selects.js';

const schema = buildSchema(
  'type Query { graph: G } type G { edges: [E] total: Int } type E { id: ID type: String price: Float sources: [S] } type S { id: ID }',
);

/** What `check` says of the field `graph` when `query` is run. */
async function seen(query: string, check: (info: GraphQLResolveInfo) => boolean): Promise<boolean> {
  let result = false;
  await graphql({
    schema,
    source: query,
    rootValue: {
      graph: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => {
        result = check(info);
        return { edges: [] };
      },
    },
  });
  return result;
}

const asked = (query: string) => seen(query, (info) => selects(info, ['edges', 'sources']));

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

const onlyIdsAndTypes = (query: string) => seen(query, (info) => selectsOnly(info, ['edges'], ['id', 'type']));

describe('selectsOnly', () => {
  it('says yes when nothing beyond the listed fields is asked under the path, or the path is not asked', async () => {
    expect(await onlyIdsAndTypes('{ graph { edges { id type __typename } total } }')).toBe(true);
    expect(await onlyIdsAndTypes('{ graph { edges { a: id } } }')).toBe(true);
    expect(await onlyIdsAndTypes('{ graph { total } }')).toBe(true);
    expect(await onlyIdsAndTypes('{ graph { ...F } } fragment F on G { edges { ... on E { id } } }')).toBe(true);
  });

  it('says no when another field is asked, directly, aliased, in a fragment, skipped or with a selection', async () => {
    expect(await onlyIdsAndTypes('{ graph { edges { id price } } }')).toBe(false);
    expect(await onlyIdsAndTypes('{ graph { edges { id: price } } }')).toBe(false);
    expect(await onlyIdsAndTypes('{ graph { edges { id ...P } } } fragment P on E { price }')).toBe(false);
    expect(await onlyIdsAndTypes('{ graph { edges { id price @skip(if: true) } } }')).toBe(false);
    expect(await onlyIdsAndTypes('{ graph { edges { sources { id } } } }')).toBe(false);
    // The same field asked twice is resolved once, with both selections.
    expect(await onlyIdsAndTypes('{ graph { edges { id } } graph { edges { price } } }')).toBe(false);
  });
});

// Every type, field, argument, enum value and input field of the API is described, for people who write scripts against it.
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from './index.js';
import { missingDescriptions } from './missing-descriptions.js';

describe('missingDescriptions', () => {
  it('finds nothing undescribed in the served schema', () => {
    expect(missingDescriptions(buildSchema(typeDefs))).toEqual([]);
  });

  it('names each undescribed type, field, argument, enum value and input field, and skips built-in types', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        "Described."
        a("Described." x: Int, y: Int): String
        b: Colour
      }
      enum Colour { "Described." RED BLUE }
      input Filter { "Described." kind: String, country: String }
      type Extra { "Described." z(f: Filter): Int }
    `);
    expect(missingDescriptions(schema).sort()).toEqual([
      'Colour',
      'Colour.BLUE',
      'Extra',
      'Extra.z(f:)',
      'Filter',
      'Filter.country',
      'Query.a(y:)',
      'Query.b',
    ]);
  });
});

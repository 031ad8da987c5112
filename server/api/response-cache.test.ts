// Which answers the cache may keep: decided once per operation from its root fields.
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isCacheable, UNCACHED_FIELDS } from './response-cache.js';

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('isCacheable', () => {
  it('keeps the answers to queries of evidence', () => {
    expect(isCacheable(operation('{ stats { claims } }'))).toBe(true);
    expect(
      isCacheable(operation('query Q($id: ID!) { entity(id: $id) { id } cascade(rootId: $id) { truncated } }')),
    ).toBe(true);
  });

  it('never keeps saved investigations, mutations, or a root it cannot read field by field', () => {
    expect([...UNCACHED_FIELDS].sort()).toEqual([
      'changes',
      'history',
      'historyPage',
      'investigation',
      'investigationPage',
      'investigations',
      'recordVersion',
    ]);
    expect(isCacheable(undefined)).toBe(false);
    expect(isCacheable(operation('{ investigations { id } }'))).toBe(false);
    expect(isCacheable(operation('{ stats { claims } investigation(id: "x") { id } }'))).toBe(false);
    expect(isCacheable(operation('mutation { retract(id: "x", reason: "r") { id } }'))).toBe(false);
    expect(isCacheable(operation('{ ... on Query { investigations { id } } }'))).toBe(false);
    expect(isCacheable(operation('query { ...Root } fragment Root on Query { stats { claims } }'))).toBe(false);
  });
});

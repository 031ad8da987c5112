import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createHeavyGate } from '../resolvers/heavy-gate.js';
import { checkBudget } from './request-budget.js';

const check = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return checkBudget(document.definitions[0] as OperationDefinitionNode, document, variables);
};
const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('the request budget', () => {
  it('lets one largest cascade through, and refuses sixteen, whether aliased, in fragments or in variables', () => {
    expect(check('{ cascade(rootId: "a", maxDepth: 12, limit: 5000) { truncated } }').cascadeCost).toBe(60_000);
    const many = `{ ${Array.from({ length: 16 }, (_, i) => `c${i}: cascade(rootId: "a", maxDepth: 12, limit: 5000) { truncated }`).join(' ')} }`;
    expect(code(() => check(many))).toBe('QUERY_TOO_COSTLY');
    expect(
      code(() =>
        check(
          'query($l: Int) { a: cascade(rootId: "a", maxDepth: 12, limit: $l) { truncated } b: cascade(rootId: "b", limit: $l, maxDepth: 12) { truncated } }',
          { l: 5000 },
        ),
      ),
    ).toBe('QUERY_TOO_COSTLY');
    expect(
      code(() =>
        check(
          '{ ...F } fragment F on Query { a: cascade(rootId: "a", maxDepth: 12, limit: 5000) { truncated } b: cascade(rootId: "b", maxDepth: 2, limit: 10) { truncated } }',
        ),
      ),
    ).toBe('QUERY_TOO_COSTLY');
  });

  it('counts heavy fields: four at most per request', () => {
    expect(
      check(
        '{ a: provenance(taskId: "t") { depth } b: valueChain(taskId: "t") { workerShare } c: audit(claimId: "c") { verdict } stats { claims } }',
      ).heavy,
    ).toBe(3);
    expect(
      code(() =>
        check(
          '{ a: provenance(taskId: "t") { depth } b: provenance(taskId: "u") { depth } c: scorecard(organizationId: "o") { asOf } d: whoWorksFor(workerPoolId: "p") { depth } e: workforceBehind(organizationId: "o") { unknownSizes } }',
        ),
      ),
    ).toBe('QUERY_TOO_COSTLY');
  });
});

describe('the heavy-query gate', () => {
  it('runs at most its places at once, and tells the one that waited too long that the server is busy', async () => {
    const gate = createHeavyGate(2, 30);
    let peak = 0;
    let now = 0;
    const slow = () =>
      gate.run(async () => {
        now += 1;
        peak = Math.max(peak, now);
        await new Promise((r) => setTimeout(r, 80));
        now -= 1;
        return 'done';
      });
    const results = await Promise.allSettled([slow(), slow(), slow(), slow()]);
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const busy = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(busy.map((r) => r.reason.extensions.code)).toEqual(['SERVER_BUSY', 'SERVER_BUSY']);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a waiting query in when a place frees in time', async () => {
    const gate = createHeavyGate(1, 1_000);
    const order: string[] = [];
    await Promise.all([
      gate.run(async () => {
        await new Promise((r) => setTimeout(r, 20));
        order.push('first');
      }),
      gate.run(async () => {
        order.push('second');
      }),
    ]);
    expect(order).toEqual(['first', 'second']);
  });
});

import { describe, expect, it } from 'vitest';
import { toLink } from './to-models.js';
import { weakestStep } from './weakest-step.js';

const step = (id: string, extra: Record<string, unknown> = {}) => ({
  link: toLink({
    id,
    type: 'SUBCONTRACTS_FOR',
    from: 'a',
    to: 'b',
    sources: [{ id: 's', title: 'S', type: 'press' }],
    ...extra,
  }),
  along: true,
});

describe('weakestStep', () => {
  it('names an unsourced step first, else the lowest confidence, else none', () => {
    expect(weakestStep([step('a'), step('b', { confidence: 0.5 }), step('c', { sources: [] })])!.link.id).toBe('c');
    expect(weakestStep([step('a', { confidence: 0.8 }), step('b', { confidence: 0.5 })])!.link.id).toBe('b');
    expect(weakestStep([step('a'), step('b', { confidence: 1 })])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { investigationProblems } from './investigation-input.js';

describe('a saved investigation draft', () => {
  it('may hold both times, the store moment as the API takes it', () => {
    expect(
      investigationProblems({ name: 'x', view: '?root=a&asOf=2020-01-01&recordedAt=2026-12-04T15%3A00%3A00.000Z' }),
    ).toEqual([]);
  });

  it('refuses a store moment that is not one, saying what to write', () => {
    const problems = investigationProblems({ name: 'x', view: '?root=a&recordedAt=yesterday' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'investigation.view' });
    expect(problems[0]!.message).toContain('"2026-12-04T15:00:00Z"');
  });
});

import { describe, expect, it } from 'vitest';
import { sourcesReport } from './commands/sources.js';

describe('deep-labour sources', () => {
  it('lists each source with its publisher, date, locator and what cites it, and says when nothing does', () => {
    const text = sourcesReport(
      [
        {
          source: {
            id: 's1',
            title: 'Hearing',
            type: 'hearing',
            publisher: 'DiPLab',
            date: '2019-10-16',
            locator: 'question 5',
            datasets: ['d'],
          },
          items: ['a', 'WORKS_ON:p->o'],
        },
        { source: { id: 's2', title: 'Post', type: 'press' }, items: [] },
      ],
      10,
    );
    expect(text).toBe(
      [
        's1: Hearing (hearing; DiPLab; 2019-10-16; at question 5) [dataset d]',
        '  cited by 2: a, WORKS_ON:p->o',
        's2: Post (press; publisher not given; date not given; no locator)',
        '  cited by nothing',
      ].join('\n'),
    );
  });

  it('shows at most the limit of citing ids per source, and counts the rest', () => {
    const text = sourcesReport([{ source: { id: 's', title: 'T' }, items: ['a', 'b', 'c'] }], 2);
    expect(text).toContain('cited by 3: a, b, and 1 more (--limit to see them)');
  });
});

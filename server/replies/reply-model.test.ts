// The right of reply in words and its status from the dates: answered, no answer by a passed deadline, awaited.
import { describe, expect, it } from 'vitest';
import { replyStatus } from '../../format/model.js';
import { dayInWords } from '../../vocabulary/dates.js';
import { toReply } from './reply-model.js';

const asked = {
  id: 'r1',
  organization: 'ex-taskora',
  askedOn: '2026-03-03',
  askedBy: 'Alice',
  claims: ['c1'],
  deadline: '2026-03-17',
};

describe('the right of reply', () => {
  it('writes days in words', () => {
    expect(dayInWords('2026-03-03')).toBe('3 March 2026');
    expect(dayInWords('2026-12')).toBe('December 2026');
    expect(dayInWords('2026')).toBe('2026');
    expect(dayInWords('soon')).toBe('soon');
  });

  it('is awaited until the deadline (the deadline day included), then unanswered; answered whatever the day', () => {
    expect(replyStatus(asked, '2026-03-17')).toBe('AWAITING');
    expect(replyStatus(asked, '2026-03-18')).toBe('NO_ANSWER');
    expect(replyStatus({ ...asked, answeredOn: '2026-04-01' }, '2026-05-01')).toBe('ANSWERED');
  });

  it('says it in one sentence, with the organisation, the days and the answer', () => {
    const row = (reply: Record<string, unknown>, answerSource: unknown = null) => ({
      reply,
      organizationName: 'Taskora',
      answerSource,
    });
    expect(toReply(row(asked), '2026-03-10').summary).toBe(
      'Taskora was asked on 3 March 2026; an answer is due by 17 March 2026',
    );
    expect(toReply(row(asked), '2026-03-20').summary).toBe(
      'Taskora was asked on 3 March 2026 and did not answer by 17 March 2026',
    );
    const answered = toReply(
      row(
        { ...asked, answeredOn: '2026-03-17', answer: 'We disagree.', answerSource: 's1' },
        { id: 's1', title: 'Letter', type: 'other' },
      ),
      '2026-03-20',
    );
    expect(answered).toMatchObject({ status: 'ANSWERED', claimIds: ['c1'], linkIds: [], answerSource: { id: 's1' } });
    expect(answered.summary).toBe(
      'Taskora was asked on 3 March 2026 and answered on 17 March 2026: We disagree. (source: Letter)',
    );
  });
});

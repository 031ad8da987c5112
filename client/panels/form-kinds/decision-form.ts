// The revert and accept forms: undo a change from the history, or (admins) accept one sent for review.
import { graphql } from '../../api/graphql-client.js';
import { ACCEPT_CHANGE, REVERT } from '../../api/operations.js';
import { text, type Result, type SubmitForm } from './form-kind.js';

const decision =
  (query: string): SubmitForm =>
  async ({ data, reason, done }) => {
    const answer = await graphql<Record<string, Result>>(query, { changeId: text(data, 'changeId'), reason });
    await done(Object.values(answer)[0]!);
  };

export const submitRevertForm = decision(REVERT);
export const submitAcceptForm = decision(ACCEPT_CHANGE);

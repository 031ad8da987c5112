// The retract form: withdraws a record or link from the evidence (kept in the history, revertible), at the version read.
import { graphql } from '../../api/graphql-client.js';
import { RETRACT } from '../../api/operations.js';
import { text, type Result, type SubmitForm } from './form-kind.js';

export const submitRetractForm: SubmitForm = async ({ data, reason, needsReview, opened, dispatch, done }) => {
  const { retract } = await graphql<{ retract: Result }>(RETRACT, {
    id: text(data, 'id'),
    reason,
    needsReview,
    expectedVersion: opened.version,
  });
  if (retract.change.status !== 'pending') dispatch({ type: 'clear-selection' });
  await done(retract);
};

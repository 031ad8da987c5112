// The right-of-reply form: records a request for reply to an organisation, or the answer to one already recorded.
import { graphql } from '../../api/graphql-client.js';
import { UPSERT_REPLY } from '../../api/operations.js';
import { newRecordId } from '../../ui/edit-forms.js';
import { text, type Result, type SubmitForm } from './form-kind.js';

export const submitReplyForm: SubmitForm = async ({ data, reason, needsReview, done }) => {
  const existing = text(data, 'request');
  const answer = {
    ...(text(data, 'answeredOn') ? { answeredOn: text(data, 'answeredOn') } : {}),
    ...(text(data, 'answer') ? { answer: text(data, 'answer') } : {}),
    ...(text(data, 'answerUrl') ? { answerUrl: text(data, 'answerUrl') } : {}),
  };
  const organization = text(data, 'organization');
  const reply = existing
    ? { id: existing, ...answer }
    : {
        id: newRecordId(`reply ${organization} ${text(data, 'askedOn')}`),
        organization,
        askedOn: text(data, 'askedOn'),
        deadline: text(data, 'deadline'),
        claims: data.getAll('claims').map(String),
        ...answer,
      };
  const { upsertReply } = await graphql<{ upsertReply: Result }>(UPSERT_REPLY, { reply, reason, needsReview });
  await done(upsertReply);
};

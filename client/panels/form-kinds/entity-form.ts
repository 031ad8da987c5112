// The entity form: adds an organisation, worker pool, task or AI product, or corrects one (only what changed, at the version read).
import { graphql } from '../../api/graphql-client.js';
import { UPSERT_ENTITY } from '../../api/operations.js';
import { changedOnly, formValues, newRecordId } from '../../ui/edit-forms.js';
import { num, text, yesNo, type Result, type SubmitForm } from './form-kind.js';

export const submitEntityForm: SubmitForm = async ({
  form,
  data,
  reason,
  needsReview,
  opened,
  dispatch,
  done,
  chosenSources,
}) => {
  const name = text(data, 'name');
  const entityKind = text(data, 'kind') || String(form.querySelector<HTMLSelectElement>('#edit-kind')!.value);
  const sources = await chosenSources();
  const aliases = text(data, 'aliases')
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean);
  // "SCHEME:id; SCHEME:id": the server checks each scheme and id, and names the one that is wrong.
  const identifiers = text(data, 'identifiers')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => ({ scheme: x.slice(0, Math.max(0, x.indexOf(':'))).trim(), id: x.slice(x.indexOf(':') + 1).trim() }));
  const entity = {
    id: text(data, 'id') || newRecordId(name),
    name,
    kind: entityKind,
    country: text(data, 'country').toUpperCase() || null,
    aliases: aliases.length ? aliases : null,
    identifiers: identifiers.length ? identifiers : null,
    undisclosedReason: text(data, 'undisclosedReason') || null,
    size: num(data, 'size'),
    taskKind: text(data, 'taskKind') || null,
    unitPayEur: num(data, 'unitPayEur'),
    minutesPerUnit: num(data, 'minutesPerUnit'),
    marketedAsFullyAutomated: yesNo(data, 'marketedAsFullyAutomated'),
    note: text(data, 'note') || null,
    sources,
  };
  const isNew = !text(data, 'id');
  // A correction sends only what the user changed, with the version it was read at (CONFLICT if it moved since).
  const sent = isNew ? entity : changedOnly(entity, opened.values, formValues(data), ['id', 'kind']);
  const { upsertEntity } = await graphql<{ upsertEntity: Result }>(UPSERT_ENTITY, {
    entity: sent,
    reason,
    needsReview,
    expectedVersion: isNew ? null : opened.version,
  });
  await done(upsertEntity);
  if (isNew && upsertEntity.change.status !== 'pending') dispatch({ type: 'open', view: 'cascade', root: entity.id });
};

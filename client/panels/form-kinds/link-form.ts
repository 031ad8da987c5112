// The link form: draws a link between two records on screen, or corrects one (only what changed, at the version read).
import { graphql } from '../../api/graphql-client.js';
import { UPSERT_LINK } from '../../api/operations.js';
import { changedOnly, formValues } from '../../ui/edit-forms.js';
import type { FieldSpec } from '../../../format/field-specs.js';
import { otherLinkFieldSpecs } from '../../ui/link-field-specs.js';
import { num, text, yesNo, type Result, type SubmitForm } from './form-kind.js';

export const submitLinkForm: SubmitForm = async ({
  form,
  data,
  reason,
  needsReview,
  opened,
  dispatch,
  done,
  chosenSources,
}) => {
  const sources = await chosenSources();
  const select = (n: string) => form.querySelector<HTMLSelectElement>(`#edit-${n}`)!.value;
  const link = {
    ...(text(data, 'id') ? { id: text(data, 'id') } : {}),
    type: select('type'),
    from: select('from'),
    to: select('to'),
    since: text(data, 'since') || null,
    until: text(data, 'until') || null,
    disclosedToWorkers: yesNo(data, 'disclosedToWorkers'),
    pricePerUnitEur: num(data, 'pricePerUnitEur'),
    use: text(data, 'use') || null,
    confidence: num(data, 'confidence'),
    note: text(data, 'note') || null,
    sources,
    // Control fields go only with a controlled-by link (the server refuses them elsewhere).
    ...(select('type') === 'CONTROLLED_BY'
      ? {
          interests: data.getAll('interests').map(String),
          shareMin: num(data, 'shareMin'),
          shareMax: num(data, 'shareMax'),
          directOrIndirect: text(data, 'directOrIndirect') || null,
        }
      : {}),
    ...otherLinkValues(data),
  };
  const editing = Boolean(text(data, 'id'));
  const sent = editing ? changedOnly(link, opened.values, formValues(data), ['id', 'type', 'from', 'to']) : link;
  const { upsertLink } = await graphql<{ upsertLink: Result }>(UPSERT_LINK, {
    link: sent,
    reason,
    needsReview,
    expectedVersion: editing ? opened.version : null,
  });
  await done(upsertLink, sources.length ? '' : ' It has no source: it is shown as unsourced.');
  if (upsertLink.change.status !== 'pending' && upsertLink.change.record)
    dispatch({ type: 'select', id: upsertLink.change.record });
};

/**
 * The values of the inputs `otherLinkInputs` drew (the link fields not laid out by hand), read by each field's spec:
 * a field the form does not send is left out (the server keeps it), an empty one (an empty list too) is null, which removes it.
 */
export function otherLinkValues(
  data: FormData,
  specs: readonly FieldSpec[] = otherLinkFieldSpecs(),
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of specs) {
    if (!data.has(f.name) && !(f.shape === 'list' && f.values)) continue;
    if (f.shape === 'list') {
      const list = f.values
        ? data.getAll(f.name).map(String)
        : text(data, f.name)
            .split('\n')
            .map((v) => v.trim())
            .filter((v) => v !== '');
      values[f.name] = list.length ? list : null;
    } else if (f.shape === 'number') values[f.name] = num(data, f.name);
    else if (f.shape === 'boolean') values[f.name] = yesNo(data, f.name);
    else values[f.name] = text(data, f.name) || null;
  }
  return values;
}

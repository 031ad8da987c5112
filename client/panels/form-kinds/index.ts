// Every edit form that changes the evidence, by its `data-form` name: a new form is one module and one line here.
import { submitAcceptForm, submitRevertForm } from './decision-form.js';
import { submitEntityForm } from './entity-form.js';
import type { SubmitForm } from './form-kind.js';
import { submitLinkForm } from './link-form.js';
import { submitReplyForm } from './reply-form.js';
import { submitRetractForm } from './retract-form.js';

export type { Result, Submission, SubmitForm } from './form-kind.js';
export { text } from './form-kind.js';

export const FORM_KINDS: Readonly<Record<string, SubmitForm>> = {
  entity: submitEntityForm,
  link: submitLinkForm,
  retract: submitRetractForm,
  revert: submitRevertForm,
  accept: submitAcceptForm,
  reply: submitReplyForm,
};

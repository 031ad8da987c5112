// The GraphQL the explorer sends, read from client/api/operations/*.graphql (whose types codegen generates); one request per view.
import { withFragments } from './with-fragments.js';

const files = import.meta.glob('./operations/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const FRAGMENTS = files['./operations/fragments.graphql']!;

function operation(name: string): string {
  const text = files[`./operations/${name}.graphql`];
  if (text === undefined) throw new Error(`api: no operation client/api/operations/${name}.graphql`);
  return withFragments(text, FRAGMENTS);
}

export const SEARCH = operation('search');
export const CASCADE = operation('cascade');
export const CASCADE_GROUPS = operation('cascade-groups');
export const CASCADE_GROUP_MEMBERS = operation('cascade-group-members');
export const PROVENANCE = operation('provenance');
export const ENTITY = operation('entity');
export const WHO_WORKS_FOR = operation('who-works-for');
export const WORKFORCE = operation('workforce');
export const SCORECARD = operation('scorecard');
export const REPORT_SCORECARD = operation('report-scorecard');
export const INDICATOR_EVIDENCE = operation('indicator-evidence');
export const AUDIT = operation('audit');
export const CLAIM_AUDIT = operation('claim-audit');
export const VERDICT_HISTORY = operation('verdict-history');
export const UPSERT_REPLY = operation('upsert-reply');
export const REPLY_FORM_DATA = operation('reply-form-data');
export const CONNECTIONS = operation('connections');
export const ENTITY_SOURCES = operation('entity-sources');
export const ME = operation('me');
export const STORE_VERSION = operation('store-version');
export const LEDGER_HEAD = operation('ledger-head');
export const HISTORY = operation('history');
export const RECENT_CHANGES = operation('recent-changes');
export const UPSERT_ENTITY = operation('upsert-entity');
export const UPSERT_LINK = operation('upsert-link');
export const UPSERT_SOURCE = operation('upsert-source');
export const RETRACT = operation('retract');
export const RECORD_VERSION = operation('record-version');
export const REVERT = operation('revert');
export const ACCEPT_CHANGE = operation('accept-change');
export const INVESTIGATION = operation('investigation');
export const SAVE_INVESTIGATION = operation('save-investigation');

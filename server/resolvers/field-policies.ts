// What each GraphQL query field costs and how its answer is kept, declared once per field: the request budget, the
// heavy-query gate's callers, the answer cache and the start-up warm-up all read this table.
import type { QueryResolvers } from '../schema/generated-types.js';
import { auditFactsParams } from '../audit/audit-service.js';

export interface FieldPolicy {
  /** It runs a traversal or an audit: its resolver runs through the heavy-query gate, and a request may hold only a few. */
  heavy?: true;
  /** false: its answers are never cached (saved investigations are not evidence, and proposals waiting for review are not published: neither changes the store's version). */
  cached?: false;
  /** The Cypher it runs, planned once at start-up with parameters that match nothing, so the first person does not wait for the planner. */
  warmUp?: (asOf: string) => [query: string, params: Record<string, unknown>][];
}

/**
 * Every query field (a field the schema gains does not compile until it is given its policy here). The `-recorded`
 * variants (`recordedAt`) of whoWorksFor, provenance and cascade are warmed up; the others are planned on first use:
 * warming every variant up would double the planning that the server's start waits for.
 */
export const FIELD_POLICIES: Record<keyof QueryResolvers, FieldPolicy> = {
  entity: {},
  entities: { warmUp: () => [['entities', { ids: [''], withSources: true }]] },
  search: {},
  organizations: {},
  whoWorksFor: {
    heavy: true,
    warmUp: (asOf) => [
      ['who-works-for', { workerPoolId: '', asOf, maxDepth: 8, withOrganizationSources: true, withPathSources: true }],
      [
        'who-works-for-recorded',
        { workerPoolId: '', asOf, maxDepth: 8, withOrganizationSources: true, withPathSources: true, seq: 0 },
      ],
    ],
  },
  workforceBehind: {
    heavy: true,
    warmUp: (asOf) => [['workforce-behind', { organizationId: '', asOf, maxDepth: 8, withSources: true }]],
  },
  provenance: {
    heavy: true,
    warmUp: (asOf) => [
      ['provenance', { taskId: '', asOf }],
      ['provenance-recorded', { taskId: '', asOf, seq: 0 }],
    ],
  },
  valueChain: { heavy: true, warmUp: (asOf) => [['value-chain', { taskId: '', asOf }]] },
  cascade: {
    heavy: true,
    warmUp: (asOf) => {
      const asked = { rootId: '', direction: 'BOTH', maxDepth: 2, asOf, limit: 500, edgeLimit: 2000 };
      return [
        ['cascade', { ...asked, withSources: true, linkDetail: true }],
        ['cascade-recorded', { ...asked, withSources: true, linkDetail: true, seq: 0 }],
      ];
    },
  },
  cascadeGroups: {
    heavy: true,
    warmUp: (asOf) => [
      ['cascade-groups', { rootId: '', direction: 'BOTH', maxDepth: 3, asOf, limit: 5000, minPoolSize: 0 }],
    ],
  },
  cascadeGroupMembers: {
    heavy: true,
    warmUp: (asOf) => [
      [
        'cascade-group-members',
        {
          rootId: '',
          direction: 'BOTH',
          maxDepth: 3,
          asOf,
          limit: 5000,
          group: '',
          nameContains: null,
          first: 100,
          after: '',
        },
      ],
    ],
  },
  connections: {
    heavy: true,
    warmUp: (asOf) => [['connections', { fromId: '', toId: '', asOf, maxDepth: 6, limit: 20 }]],
  },
  claims: {},
  claimPage: { warmUp: () => [['claim-page', { organizationId: '', first: 100, after: '', withCount: true }]] },
  audit: {
    heavy: true,
    warmUp: (asOf) => [
      [
        'audit-facts',
        auditFactsParams({
          organizationId: '',
          claimId: null,
          asOf,
          minPoolSize: 0,
          indicators: true,
          withEvidence: true,
        }),
      ],
    ],
  },
  // Its indicators and audits run audit-facts (planned by `audit`); its pay, when selected, runs scorecard-pay.
  scorecard: { heavy: true, warmUp: (asOf) => [['scorecard-pay', { organizationId: '', asOf, minPoolSize: 0 }]] },
  stats: {},
  // Proposals waiting for review, and their rejections, do not move the store's version; editors see them here.
  history: { cached: false },
  historyPage: { cached: false },
  changes: { cached: false },
  // Kept changes of verdict are written only with published changes to the evidence, which move the store's version: cached as any answer.
  verdictHistory: {},
  verdictChanges: {},
  replies: {},
  investigation: { cached: false },
  investigations: { cached: false },
  investigationPage: { cached: false },
  me: {},
  // A record's version changes with every edit: an editor reads it just before editing, so it is never cached.
  recordVersion: { cached: false },
  storeVersion: {},
  // The newest published change's seal: it moves only with a published change, which moves the store's version (the
  // answer cache's key), so it is cached as storeVersion is; proposals and rejections, which do not, are left out of it.
  ledger: {},
};

const fieldsWhere = (test: (p: FieldPolicy) => boolean): ReadonlySet<string> =>
  new Set(
    Object.entries(FIELD_POLICIES)
      .filter(([, p]) => test(p))
      .map(([name]) => name),
  );

/** The fields that run a traversal or an audit: each takes a place in the heavy-query gate. */
export const HEAVY_FIELDS = fieldsWhere((p) => p.heavy === true);

/** Root fields whose answers are never cached. */
export const UNCACHED_FIELDS = fieldsWhere((p) => p.cached === false);

/** The queries planned at start-up, with parameters that match nothing. */
export const WARM_UP_QUERIES = (asOf: string): [string, Record<string, unknown>][] =>
  Object.values(FIELD_POLICIES).flatMap((p) => p.warmUp?.(asOf) ?? []);

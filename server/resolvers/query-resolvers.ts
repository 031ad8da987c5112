// The Query fields: each checks its arguments, runs exactly one Cypher query (with `recordedAt`, after the look-up of
// the moment's change: recorded-at.ts), and shapes the rows.
import type { QueryResolvers } from '../schema/generated-types.js';
import { badInput, notFound } from '../errors.js';
import {
  LIMITS,
  checkCountry,
  checkDepth,
  checkId,
  checkKind,
  checkRange,
  decodeCursor,
  encodeCursor,
  toFullTextQuery,
} from './arguments.js';
import { parseIdentifier } from '../../format/model.js';
import { selects, selectsOnly } from './selects.js';
import { readClaimPage } from './page-resolvers.js';
import { asRecorded, auditsAt, readAt, recordedSeq } from './recorded-at.js';
import { auditClaims, scorecardOf } from '../audit/audit-service.js';
import {
  isSmall,
  protectEntity,
  protectLink,
  protectNode,
  protectSubgraph,
  rows,
  sourceIndex,
  toEntity,
  toEntityWithSources,
  toGraphNode,
  toLink,
  weakestStep,
  workerShare,
  workforceTotals,
  type EntityModel,
  type Nesting,
} from '../models/index.js';

/** A cascade draws at most this many links per node it may show; a denser neighbourhood says it was cut. */
export const EDGES_PER_NODE = 4;

/** A link's fields that need none of its properties: a cascade asked only these sends the links without them. */
const LINK_ENDS = ['id', 'type', 'from', 'to'] as const;

/** Id order as Neo4j sorts strings (by code point), for answers whose order the query does not set. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const missing = (what: string, id: string) =>
  notFound(`no ${what} has id "${id}"; check the id (search finds ids by name)`);

export const queryResolvers: QueryResolvers = {
  async entity(_root, { id, recordedAt }, { db, minPoolSize }, info) {
    // An id written SCHEME:id may be an identifier: one query finds the entity with that id or the organisation with it.
    const identifier = parseIdentifier(checkId(id, 'id'));
    const withSources = selects(info, ['sources']);
    if (identifier) {
      const { query, extra } = await asRecorded(db, 'entity-by-identifier', recordedAt);
      const [row] = await db.read(query, { id, padded: ` ${id} `, limit: 1, withSources, ...extra });
      return row
        ? readAt(protectEntity(toEntity(row.entity as Record<string, unknown>), minPoolSize), extra.seq)
        : null;
    }
    const { query, extra } = await asRecorded(db, 'entities', recordedAt);
    const [row] = await db.read(query, { ids: [id], withSources, ...extra });
    const [found] = rows(row?.entities);
    return found
      ? readAt(protectEntity(toEntityWithSources(found, sourceIndex(row?.sources)), minPoolSize), extra.seq)
      : null;
  },

  async entities(_root, { ids, recordedAt }, { db, minPoolSize }, info) {
    if (ids.length > LIMITS.entitiesIds)
      throw badInput(`ids holds ${ids.length} ids; entities takes at most ${LIMITS.entitiesIds} (ask in pages)`);
    const unique = [...new Set(ids.map((id, i) => checkId(id, `ids[${i}]`)))];
    const { query, extra } = await asRecorded(db, 'entities', recordedAt);
    const [row] = await db.read(query, { ids: unique, withSources: selects(info, ['sources']), ...extra });
    const sources = sourceIndex(row?.sources);
    return rows(row?.entities).map((e) =>
      readAt(protectEntity(toEntityWithSources(e, sources), minPoolSize), extra.seq),
    );
  },

  async search(_root, { text, limit, recordedAt }, { db, minPoolSize }, info) {
    const identifier = parseIdentifier(text.trim());
    // The typeahead asks for names only: the sources are read when the query selects them.
    const withSources = selects(info, ['sources']);
    const most = checkRange(limit, 'limit', 1, LIMITS.searchLimit);
    if (identifier) {
      const { query, extra } = await asRecorded(db, 'entity-by-identifier', recordedAt);
      const found = await db.read(query, {
        id: text.trim(),
        padded: ` ${text.trim()} `,
        limit: most,
        withSources,
        ...extra,
      });
      return found.map((row) =>
        readAt(protectEntity(toEntity(row.entity as Record<string, unknown>), minPoolSize), extra.seq),
      );
    }
    const fullText = toFullTextQuery(text);
    const { query, extra } = await asRecorded(db, 'search', recordedAt);
    const found = await db.read(query, { query: fullText, limit: most, withSources, ...extra });
    return found.map((row) =>
      readAt(protectEntity(toEntity(row.entity as Record<string, unknown>), minPoolSize), extra.seq),
    );
  },

  async organizations(_root, { kind, country, first, after, recordedAt }, { db }, info) {
    const params = {
      kind: checkKind(kind),
      country: checkCountry(country),
      first: checkRange(first, 'first', 1, LIMITS.organizationsFirst),
      after: decodeCursor(after),
      withSources: selects(info, ['edges', 'node', 'sources']),
      withCount: selects(info, ['totalCount']),
    };
    const { query, extra } = await asRecorded(db, 'organizations', recordedAt);
    const [row] = await db.read(query, { ...params, ...extra });
    const page = rows(row?.page).map((o) => readAt(toEntity(o), extra.seq));
    const shown = page.slice(0, first);
    return {
      edges: shown.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: page.length > first, endCursor: shown.length ? encodeCursor(shown.at(-1)!.id) : null },
      totalCount: Number(row?.totalCount ?? 0),
    };
  },

  async whoWorksFor(_root, { workerPoolId, asOf, maxDepth, recordedAt }, { db, today, heavy, minPoolSize }, info) {
    const { query, extra } = await asRecorded(db, 'who-works-for', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        workerPoolId: checkId(workerPoolId, 'workerPoolId'),
        asOf: asOf ?? today,
        maxDepth: checkDepth(maxDepth),
        withOrganizationSources: selects(info, ['organization', 'sources']),
        withPathSources: selects(info, ['path', 'sources']),
      }),
    );
    if (!row) throw missing('worker pool', workerPoolId);
    const small = new Set(isSmall(row.poolSize as number | null, minPoolSize) ? [workerPoolId] : []);
    return rows(row.beneficiaries).map((b) => ({
      organization: toEntity(b.organization as Record<string, unknown>),
      depth: Number(b.depth),
      ultimate: Boolean(b.ultimate),
      path: rows(b.path)
        .map(toLink)
        .map((l) => protectLink(l, small)),
    }));
  },

  async workforceBehind(
    _root,
    { organizationId, asOf, maxDepth, recordedAt },
    { db, today, heavy, minPoolSize },
    info,
  ) {
    const { query, extra } = await asRecorded(db, 'workforce-behind', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        organizationId: checkId(organizationId, 'organizationId'),
        asOf: asOf ?? today,
        maxDepth: checkDepth(maxDepth),
        withSources: selects(info, ['workerPools', 'sources']),
      }),
    );
    if (!row) throw missing('organization', organizationId);
    const found = rows(row.workerPools).map(toEntity);
    // Small groups are left out of every total and counted apart, so that no two answers can be subtracted to reveal one.
    const counted = found.filter((p) => !isSmall(p.size, minPoolSize));
    const totals = workforceTotals(
      counted.map((p) => ({ id: p.id, size: p.size })),
      rows(row.nesting) as unknown as Nesting[],
    );
    return {
      workerPools: found.map((p) => readAt(protectEntity(p, minPoolSize), extra.seq)),
      suppressedPools: found.length - counted.length,
      totalWorkersMin: totals.min,
      totalWorkersMax: totals.max,
      totalWorkers: totals.min,
      unknownSizes: totals.unknownSizes,
      countries: (row.countries as string[]) ?? [],
    };
  },

  async provenance(_root, { taskId, asOf, recordedAt }, { db, today, heavy, minPoolSize }) {
    const { query, extra } = await asRecorded(db, 'provenance', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, { ...extra, taskId: checkId(taskId, 'taskId'), asOf: asOf ?? today }),
    );
    if (!row) throw missing('task', taskId);
    const entities = (key: string): EntityModel[] =>
      rows(row[key])
        .map(toEntity)
        .map((e) => readAt(protectEntity(e, minPoolSize), extra.seq));
    return {
      task: protectEntity(toEntity(row.task as Record<string, unknown>), minPoolSize),
      workerPools: entities('workerPools'),
      executionPlatforms: entities('executionPlatforms'),
      clients: entities('clients'),
      endCustomers: entities('endCustomers'),
      aiProducts: rows(row.aiProducts).map((u) => ({
        product: toEntity(u.product as Record<string, unknown>),
        use: String(u.use),
        owner: u.owner ? toEntity(u.owner as Record<string, unknown>) : null,
      })),
      depth: Number(row.depth),
      roleSplit: Boolean(row.roleSplit),
      undisclosedHops: Number(row.undisclosedHops),
      roles: rows(row.roles).map((r) => ({
        workerPool: readAt(protectEntity(toEntity(r.workerPool as Record<string, unknown>), minPoolSize), extra.seq),
        recruitedVia: rows(r.recruitedVia).map(toEntity),
        contractedBy: rows(r.contractedBy).map(toEntity),
        worksOn: rows(r.worksOn).map(toEntity),
      })),
      subgraph: protectSubgraph(
        {
          nodes: rows(row.nodes).map(toGraphNode),
          edges: rows(row.edges).map(toLink),
          truncated: false,
          totalNodes: null,
          edgesTruncated: false,
        },
        minPoolSize,
      ),
    };
  },

  async valueChain(_root, { taskId, asOf, recordedAt }, { db, today, heavy, minPoolSize }) {
    const { query, extra } = await asRecorded(db, 'value-chain', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, { ...extra, taskId: checkId(taskId, 'taskId'), asOf: asOf ?? today }),
    );
    if (!row) throw missing('task', taskId);
    return rows(row.chains).map((c) => {
      const pool = toEntity(c.workerPool as Record<string, unknown>);
      const withheld = isSmall(pool.size, minPoolSize);
      const pay = typeof c.workerPayPerUnitEur === 'number' && !withheld ? c.workerPayPerUnitEur : null;
      const price = typeof c.clientPricePerUnitEur === 'number' ? c.clientPricePerUnitEur : null;
      return {
        taskId: String(row.taskId),
        workerPool: readAt(protectEntity(pool, minPoolSize), extra.seq),
        hops: rows(c.hops).map(toLink),
        workerPayPerUnitEur: pay,
        workerPayBasis: pay === null ? null : String(c.workerPayBasis),
        clientPricePerUnitEur: price,
        workerShare: workerShare(pay, price),
        paySuppressed: withheld && typeof c.workerPayPerUnitEur === 'number',
        chainsAsShort: Number(c.chainsAsShort ?? 0),
      };
    });
  },

  async cascade(
    _root,
    { rootId, direction, maxDepth, asOf, limit, recordedAt },
    { db, today, heavy, minPoolSize },
    info,
  ) {
    const { query, extra } = await asRecorded(db, 'cascade', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        rootId: checkId(rootId, 'rootId'),
        direction,
        maxDepth: checkDepth(maxDepth),
        asOf: asOf ?? today,
        limit: checkRange(limit, 'limit', 1, LIMITS.cascadeLimit),
        edgeLimit: limit * EDGES_PER_NODE,
        withSources: selects(info, ['edges', 'sources']),
        linkDetail: !selectsOnly(info, ['edges'], LINK_ENDS),
      }),
    );
    if (!row) throw missing('entity', rootId);
    const total = Number(row.total);
    const edges = rows(row.edges);
    return protectSubgraph(
      {
        nodes: rows(row.nodes).map(toGraphNode),
        // Cut as Neo4j listed them (the links of the nodes nearest the root first), then shown in id order.
        edges: edges
          .slice(0, limit * EDGES_PER_NODE)
          .map(toLink)
          .sort(byId),
        truncated: total > limit,
        totalNodes: total,
        edgesTruncated: edges.length > limit * EDGES_PER_NODE,
      },
      minPoolSize,
    );
  },

  // Deprecated for claimPage (removed in 0.3.0): its first page, by the same query.
  async claims(_root, { organizationId, first }, { db }) {
    const size = checkRange(first, 'first', 1, LIMITS.claimsFirst);
    return (await readClaimPage(db, organizationId, size, '', false)).page.slice(0, size);
  },

  async audit(_root, { organizationId, claimId, asOf, recordedAt }, { db, today, heavy, minPoolSize }, info) {
    if (!organizationId && !claimId) {
      throw badInput(
        "audit needs organizationId or claimId: judging every claim at once is the CLI's job (deep-labour audit)",
      );
    }
    const seq = await recordedSeq(db, recordedAt);
    const { audits } = await heavy.run(() =>
      auditClaims(db, {
        organizationId: organizationId ? checkId(organizationId, 'organizationId') : null,
        claimId: claimId ?? null,
        asOf: asOf ?? today,
        minPoolSize,
        seq,
        withLinks: selects(info, ['evidence']),
      }),
    );
    return auditsAt(audits, seq, recordedAt);
  },

  async scorecard(_root, { organizationId, asOf, recordedAt }, { db, today, heavy, minPoolSize }, info) {
    const id = checkId(organizationId, 'organizationId');
    const seq = await recordedSeq(db, recordedAt);
    const card = await heavy.run(() =>
      scorecardOf(
        db,
        id,
        asOf ?? today,
        minPoolSize,
        {
          indicators: selects(info, ['indicators']),
          evidence: selects(info, ['indicators', 'evidence']),
          audits: selects(info, ['audits']),
          auditEvidence: selects(info, ['audits', 'evidence']),
        },
        seq,
      ),
    );
    return { ...card, audits: auditsAt(card.audits, seq, recordedAt) };
  },

  async connections(_root, { fromId, toId, asOf, recordedAt, maxDepth, limit }, { db, today, heavy, minPoolSize }) {
    if (checkId(fromId, 'fromId') === checkId(toId, 'toId'))
      throw badInput('fromId and toId are the same entity; give two different ones');
    const { query, extra } = await asRecorded(db, 'connections', recordedAt);
    const [row] = await heavy.run(() =>
      db.read(query, {
        ...extra,
        fromId,
        toId,
        asOf: asOf ?? today,
        maxDepth: checkDepth(maxDepth),
        limit: checkRange(limit, 'limit', 1, LIMITS.connectionsLimit),
      }),
    );
    if (!row?.fromExists) throw missing('entity', fromId);
    if (!row.toExists) throw missing('entity', toId);
    const found = rows(row.paths);
    const nodes = new Map(
      found
        .slice(0, limit)
        .flatMap((p) => rows(p.nodes))
        .map((n) => [String(n.id), protectNode(toGraphNode(n), minPoolSize)]),
    );
    return {
      nodes: [...nodes.values()],
      truncated: found.length > limit,
      paths: found.slice(0, limit).map((p) => {
        const small = new Set(
          rows(p.pools)
            .filter((x) => isSmall(x.size as number | null, minPoolSize))
            .map((x) => String(x.id)),
        );
        const along = (p.along as boolean[] | null) ?? [];
        const steps = rows(p.links).map((l, i) => ({ link: protectLink(toLink(l), small), along: Boolean(along[i]) }));
        return { length: steps.length, steps, weakest: weakestStep(steps) };
      }),
    };
  },

  async stats(_root, { recordedAt }, { db }) {
    const { query, extra } = await asRecorded(db, 'stats', recordedAt);
    const [row] = await db.read(query, extra);
    const counts = (v: unknown) => rows(v).map((c) => ({ name: String(c.name), count: Number(c.count) }));
    return {
      nodes: counts(row?.nodes),
      links: counts(row?.links),
      claims: Number(row?.claims ?? 0),
      sources: Number(row?.sources ?? 0),
    };
  },
};

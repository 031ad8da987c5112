// The right of reply against a real Neo4j, over HTTP: an editor asks an organisation, records its answer (whose web
// address becomes a source that then counts as evidence) or lets the deadline pass; every step is in the history with
// its author; a reader cannot write; a proposal is not published; each claim's audit shows the replies that name it.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import { codes, useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { datasetFile } from '../support/load-dataset.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { cliEnv } from '../support/test-database.js';

const CLAIM = 'ex-claim-modero-no-subcontracting';
const OTHER_CLAIM = 'ex-claim-taskora-intermediary';
const LINK = 'RECRUITED_VIA:ex-pool-mg-moderators->ex-modero';
const tokens: Record<string, string> = {};
const api = useSeededServer(async (db) => {
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  for (const role of ['reader', 'editor', 'admin'] as const)
    tokens[role] = await createToken(db, `reply ${role}`, role, 'test');
});

const as = (who: 'reader' | 'editor' | 'admin' | 'nobody'): Record<string, string> =>
  who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` };
const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

const REPLY =
  'id organizationId organizationName askedOn askedBy claimIds linkIds deadline answeredOn answer answerSource { id url type } status summary';
const UPSERT = `mutation($reply: ReplyInput!, $reason: String!, $review: Boolean) { upsertReply(reply: $reply, reason: $reason, needsReview: $review) { change { id author action status summary } } }`;
const REPLIES = `query($org: ID!, $first: Int, $after: String) { replies(organizationId: $org, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${REPLY} } } } }`;
const HISTORY = `query($id: ID!) { historyPage(id: $id) { edges { node { id author action status summary } } } }`;
const AUDIT = `query($id: ID!) { audit(claimId: $id) { verdict verdictSince replies { ${REPLY} } evidence { edges { id sources { id } } } unsourcedEvidence } }`;

const upsert = (who: Parameters<typeof as>[0], reply: Record<string, unknown>, review = false) =>
  api.query(UPSERT, { reply, reason: 'test: the right of reply', review }, as(who));
const replies = async (first = 50, after?: string) =>
  ok(await api.query(REPLIES, { org: 'ex-modero', first, after })).replies;
const history = async (id: string, who: Parameters<typeof as>[0] = 'nobody') =>
  ok(await api.query(HISTORY, { id }, as(who))).historyPage.edges.map((e: any) => e.node);

// Generous: integration runs share two cores with other work; nothing here is timed.
describe('the right of reply', { timeout: 240_000 }, () => {
  it('an editor asks: the request is kept with who asked (the caller), shown as awaited, in the history with its author', async () => {
    const made = ok(
      await upsert('editor', {
        id: 'reply-modero-1',
        organization: 'ex-modero',
        askedOn: '2026-03-03',
        claims: [CLAIM],
        links: [LINK],
        deadline: '2099-03-17',
      }),
    ).upsertReply.change;
    expect(made).toMatchObject({ author: 'reply editor', action: 'upsert', status: 'applied' });
    const [reply] = (await replies()).edges.map((e: any) => e.node);
    expect(reply).toMatchObject({
      id: 'reply-modero-1',
      organizationId: 'ex-modero',
      organizationName: 'Modero',
      askedBy: 'reply editor',
      claimIds: [CLAIM],
      linkIds: [LINK],
      status: 'AWAITING',
      answeredOn: null,
    });
    expect(reply.summary).toBe('Modero was asked on 3 March 2026; an answer is due by 17 March 2099');
    expect(await history('reply-modero-1')).toEqual([expect.objectContaining({ id: made.id, author: 'reply editor' })]);
  });

  it('the reply appears in the audit of each claim it names, and only there', async () => {
    const [audit] = ok(await api.query(AUDIT, { id: CLAIM })).audit;
    expect(audit.replies.map((r: any) => r.id)).toEqual(['reply-modero-1']);
    expect(audit.verdictSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const [other] = ok(await api.query(AUDIT, { id: OTHER_CLAIM })).audit;
    expect(other.replies).toEqual([]);
  });

  it('the answer: its day, summary and web address, which becomes a source (its own change) that counts as evidence', async () => {
    const answered = ok(
      await upsert('editor', {
        id: 'reply-modero-1',
        answeredOn: '2026-03-17',
        answer: 'Modero says it subcontracts no work.',
        answerUrl: 'https://example.org/modero-answer.pdf',
      }),
    ).upsertReply.change;
    const [reply] = (await replies()).edges.map((e: any) => e.node);
    expect(reply).toMatchObject({
      status: 'ANSWERED',
      answeredOn: '2026-03-17',
      answerSource: {
        id: 'reply-modero-1-answer',
        url: 'https://example.org/modero-answer.pdf',
        type: 'self-declaration',
      },
      askedBy: 'reply editor',
    });
    expect(reply.summary).toBe(
      'Modero was asked on 3 March 2026 and answered on 17 March 2026: Modero says it subcontracts no work. (source: Answer to request for reply reply-modero-1)',
    );
    // Two edits, newest first, both by the editor; the source's own history names it too.
    const changes = await history('reply-modero-1');
    expect(changes[0].id).toBe(answered.id);
    expect(changes.map((c: any) => c.author)).toEqual(['reply editor', 'reply editor']);
    expect((await history('reply-modero-1-answer')).map((c: any) => c.author)).toEqual(['reply editor']);

    // A link that cites the answer's source decides the verdict with it, sourced like any other.
    ok(
      await api.query(
        'mutation($link: LinkInput!) { upsertLink(link: $link, reason: "test: named in the answer") { change { id } } }',
        {
          link: {
            id: 'reply-nexa-modero',
            type: 'SUBCONTRACTS_FOR',
            from: 'ex-nexa',
            to: 'ex-modero',
            since: '2024',
            sources: ['reply-modero-1-answer'],
          },
        },
        as('editor'),
      ),
    );
    const [audit] = ok(await api.query(AUDIT, { id: CLAIM })).audit;
    expect(audit.verdict).toBe('CONTRADICTED');
    const edge = audit.evidence.edges.find((e: any) => e.id === 'reply-nexa-modero');
    expect(edge.sources.map((s: any) => s.id)).toEqual(['reply-modero-1-answer']);
    expect(audit.unsourcedEvidence).toBe(0);
    expect(audit.replies[0].status).toBe('ANSWERED');
  });

  it('no answer by a deadline that has passed: the status says so, from the dates', async () => {
    ok(
      await upsert('editor', {
        id: 'reply-modero-2',
        organization: 'ex-modero',
        askedOn: '2026-01-05',
        askedBy: 'Paris newsroom',
        claims: [CLAIM],
        deadline: '2026-01-19',
      }),
    );
    const page = await replies();
    const late = page.edges.map((e: any) => e.node).find((r: any) => r.id === 'reply-modero-2');
    expect(late).toMatchObject({ status: 'NO_ANSWER', askedBy: 'Paris newsroom' });
    expect(late.summary).toBe('Modero was asked on 5 January 2026 and did not answer by 19 January 2026');
    // Most recently asked first, a page at a time.
    expect(page.totalCount).toBe(2);
    const first = await replies(1);
    expect(first.edges[0].node.id).toBe('reply-modero-1');
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await replies(1, first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.id)).toEqual(['reply-modero-2']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('a reader cannot write a reply, nor can anyone without a token; nothing is written', async () => {
    const reply = {
      id: 'reply-by-reader',
      organization: 'ex-modero',
      askedOn: '2026-03-03',
      claims: [CLAIM],
      deadline: '2026-04-01',
    };
    expect(codes(await upsert('reader', reply))).toEqual(['FORBIDDEN']);
    expect(codes(await upsert('nobody', reply))).toEqual(['UNAUTHENTICATED']);
    expect((await replies()).totalCount).toBe(2);
  });

  it('bad input is refused with the field named, and nothing is written', async () => {
    const r = await upsert('editor', {
      id: 'reply-bad',
      organization: 'ex-modero',
      askedOn: '2026-03-03',
      claims: ['no-such-claim'],
      deadline: '2026-02-01',
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const paths = ((r.errors![0]!.extensions as any).problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['reply.claims[0]', 'reply.deadline']));
    expect((await replies()).totalCount).toBe(2);
  });

  it('a request sent for review is not published: readers see neither it nor its change; an admin accepts it, then all do', async () => {
    const proposed = ok(
      await upsert(
        'editor',
        {
          id: 'reply-modero-3',
          organization: 'ex-modero',
          askedOn: '2026-04-01',
          links: [LINK],
          deadline: '2099-04-15',
        },
        true,
      ),
    ).upsertReply.change;
    expect(proposed.status).toBe('pending');
    expect((await replies()).totalCount).toBe(2);
    expect(await history('reply-modero-3', 'reader')).toEqual([]);
    expect((await history('reply-modero-3', 'editor')).map((c: any) => c.status)).toEqual(['pending']);
    ok(
      await api.query(
        'mutation($id: ID!) { acceptChange(changeId: $id, reason: "test: checked") { change { id } } }',
        { id: proposed.id },
        as('admin'),
      ),
    );
    const page = await replies();
    expect(page.totalCount).toBe(3);
    expect(page.edges[0].node).toMatchObject({ id: 'reply-modero-3', askedBy: 'reply editor', status: 'AWAITING' });
  });

  it("the CLI's audit report gives each claim its requests for reply and since when its verdict holds, in Markdown and JSON", async () => {
    const printed: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: () => {}, isTTY: false };
    expect(await runCli(['audit', '--org', 'ex-modero', '--format', 'json'], cliEnv(), io)).toBe(0);
    const report = JSON.parse(printed.join('\n'));
    const claim = report.audits.find((a: any) => a.claim.id === CLAIM);
    expect(claim.verdictSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // reply-modero-3 names a link only: it is in Modero's replies, not on the claim.
    expect(claim.replies.map((r: any) => [r.id, r.status])).toEqual([
      ['reply-modero-1', 'ANSWERED'],
      ['reply-modero-2', 'NO_ANSWER'],
    ]);
    printed.length = 0;
    expect(await runCli(['audit', '--org', 'ex-modero'], cliEnv(), io)).toBe(0);
    const md = printed.join('\n');
    expect(md).toContain('- Right of reply: Modero was asked on 5 January 2026 and did not answer by 19 January 2026.');
    expect(md).toMatch(/- Verdict kept since \d{1,2} [A-Z][a-z]+ \d{4}\./);
  });
});

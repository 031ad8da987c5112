import { describe, expect, it } from 'vitest';
import type { ClaimAudit, Entity, Indicator } from '../api/types.js';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';
import { auditPanelHtml, verdictChangesHtml } from './audit-panel.js';
import { asShortNote, entityHtml, linkHtml, sourcesHtml } from './details-panel.js';
import { sourceRow } from '../../tests/support/source-row.js';

const evil = '<img src=x onerror=alert(1)>';

describe('details panel HTML', () => {
  it('says when the chain a share is read along is one of several as short, and says nothing otherwise', () => {
    expect(asShortNote(3)).toContain('One of 3 chains as short to the client');
    expect(asShortNote(3)).toContain('another may give another share');
    expect([asShortNote(1), asShortNote(0)]).toEqual(['', '']);
  });

  it('escapes every string from the API and says when there is no source', () => {
    const e: Entity = {
      __typename: 'Organization',
      id: 'o1',
      name: evil,
      kind: 'platform',
      country: 'FR',
      aliases: ['A&B'],
      identifiers: [{ scheme: 'LEI', id: evil }],
      undisclosedReason: null,
      note: null,
      sources: [],
    };
    const html = entityHtml(e);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A&amp;B');
    expect(html).toContain('No source is given for this platform. Treat it as unverified.');
    expect(html).toContain('data-action="workforce" data-id="o1"');
  });

  it('gives each kind of entity its own question', () => {
    const base = { id: 'x', name: 'X', kind: 'task', note: null, sources: [] };
    const task = entityHtml({
      ...base,
      __typename: 'Task',
      taskKind: 'annotation',
      unitPayEur: 0.05,
      paySuppressed: false,
      minutesPerUnit: 0.5,
    });
    expect(task).toContain('data-action="provenance"');
    expect(task).toContain('€6.00 an hour at the stated pace');
    expect(
      entityHtml({
        ...base,
        __typename: 'WorkerPool',
        kind: 'worker-pool',
        country: 'MG',
        size: 40,
        sizeSuppressed: false,
        paySuppressed: false,
        pay: [],
      }),
    ).toContain('A group of workers, never an individual.');
  });

  it("reads a link with the vocabulary's label, its dates, disclosure and confidence", () => {
    const link = viewFixture().edges.find((e) => e.id === 'SUBCONTRACTS_FOR:v-platform->v-broker')!;
    const html = linkHtml(link, (id) => ({ 'v-platform': 'Platform & Co', 'v-broker': 'Hidden broker' })[id] ?? id);
    expect(html).toContain('Platform &amp; Co <span class="muted">subcontracts for</span> Hidden broker');
    expect(html).toContain('no — workers are not told');
    expect(html).toContain('50%');
    expect(html).toContain('no dates: valid at every date');
  });

  it('never makes a link of anything but a web address', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '//evil.example/x',
      ' javascript:alert(1)',
    ]) {
      const html = sourcesHtml(
        [
          {
            id: 's',
            title: 'T',
            type: 'press',
            url,
            date: null,
            publisher: null,
            locator: null,
            retrievedOn: null,
            archiveUrl: url,
            documentSha256: null,
          },
        ],
        'link',
      );
      expect(html, url).not.toContain('<a ');
      expect(html).not.toContain('href');
    }
  });

  it('lists sources with links only to their URLs, escaped', () => {
    const html = sourcesHtml(
      [sourceRow({ id: 's', title: 'T "q"', type: 'press', url: 'https://example.org/?a=1&b=2', date: '2019' })],
      'link',
    );
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(html).toContain('T &quot;q&quot;');
  });

  it("shows a source's archived copy next to the original, when it was retrieved, and its hash shortened with the whole in a tooltip", () => {
    const hash = '3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccd';
    const html = sourcesHtml(
      [
        sourceRow({
          id: 's',
          title: 'Report',
          type: 'report',
          url: 'https://example.org/r.pdf',
          date: '2024',
          publisher: 'Example Press (fictional)',
          retrievedOn: '2024-03-05',
          archiveUrl: 'https://web.archive.org/web/2024/https://example.org/r.pdf?a=1&b=2',
          documentSha256: hash,
        }),
        sourceRow({ id: 's2', title: 'Post', type: 'press' }),
      ],
      'link',
    );
    expect(html).toContain(
      '<a class="archived-copy" href="https://web.archive.org/web/2024/https://example.org/r.pdf?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">archived copy</a>',
    );
    expect(html).toContain('retrieved on 2024-03-05');
    expect(html).toContain(`title="SHA-256 of the document as retrieved: ${hash}">SHA-256 3f2a9c0d1e4b…</span>`);
    expect(html.match(/archived copy/g)).toHaveLength(1);
    expect(html.match(/class="muted small kept"/g)).toHaveLength(1);
  });

  it("shows each source's publisher, date and locator, and says when the publisher or date is not given", () => {
    const html = sourcesHtml(
      [
        sourceRow({
          id: 's1',
          title: 'Hearing',
          type: 'hearing',
          date: '2019-10-16',
          publisher: 'DiPLab & co',
          locator: 'question 2, « Pay »',
        }),
        sourceRow({ id: 's2', title: 'Post', type: 'press' }),
      ],
      'link',
    );
    expect(html).toContain('hearing · DiPLab &amp; co · 2019-10-16');
    expect(html).toContain('at: question 2, « Pay »');
    expect(html).toContain('press · publisher not given · date not given');
    expect(html.match(/class="small locator"/g)).toHaveLength(1);
  });

  it('shows what the sources say of an entity, escaped, and nothing when there is no note', () => {
    const base = {
      __typename: 'AIProduct' as const,
      id: 'a',
      name: 'A',
      kind: 'ai-product',
      marketedAsFullyAutomated: null,
      sources: [],
    };
    const html = entityHtml({ ...base, note: `The text says ${evil}` });
    expect(html).toContain('<h3>What the sources say</h3>');
    expect(html).toContain('The text says &lt;img');
    expect(entityHtml({ ...base, note: null })).not.toContain('What the sources say');
  });
});

describe('audit panel HTML', () => {
  const audit: ClaimAudit = {
    claim: { id: 'claim "1"', kind: 'MIN_PAY', text: evil, date: null, note: null, by: { name: 'Alpha' }, sources: [] },
    verdict: 'CONTRADICTED',
    explanation: 'Pay is low.',
    unsourcedEvidence: 2,
    verdictSince: null,
    replies: [],
  };
  const indicator: Indicator = {
    id: 'role-split',
    label: 'Role split',
    value: 'yes',
    evidenceLinks: viewFixture().edges.length,
  };

  it('carries claim and indicator ids on the buttons, never positions, escaped', () => {
    const html = auditPanelHtml([audit], [indicator], 'org-1');
    expect(html).toContain('data-action="evidence" data-claim="claim &quot;1&quot;"');
    expect(html).toContain('data-action="indicator" data-organization="org-1" data-indicator="role-split"');
    expect(html).not.toContain('<img');
  });

  it('shows the verdict, and says when the claim or its deciding links have no source', () => {
    const html = auditPanelHtml([audit], null);
    expect(html).toContain('data-verdict="CONTRADICTED"');
    expect(html).toContain('The claim itself has no source.');
    expect(html).toContain('2 deciding links have no source.');
    expect(html).not.toContain('Transparency scorecard');
    expect(auditPanelHtml([], null)).toContain('No claim by or about it is recorded.');
  });

  it('shows since when the verdict holds, the right of reply beside it (escaped) and a closed history under the claim', () => {
    const html = auditPanelHtml(
      [
        {
          ...audit,
          verdictSince: '2026-06-12T08:00:00Z',
          replies: [
            {
              id: 'r1',
              organizationId: 'alpha',
              organizationName: 'Alpha',
              askedOn: '2026-03-03',
              askedBy: 'Ed <b>',
              deadline: '2026-03-17',
              answeredOn: null,
              answer: null,
              status: 'NO_ANSWER',
              summary: `Alpha was asked on 3 March 2026 and did not answer by 17 March 2026 ${evil}`,
              answerSource: null,
            },
          ],
        },
      ],
      null,
    );
    expect(html).toContain('since 12 June 2026');
    expect(html).toContain('data-reply-status="NO_ANSWER"');
    expect(html).toContain('did not answer by 17 March 2026');
    expect(html).toContain('asked by Ed &lt;b&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<details class="verdict-history" data-claim-history="claim &quot;1&quot;">');
    expect(auditPanelHtml([audit], null)).not.toContain('Right of reply');
  });
});

describe('changes of verdict HTML', () => {
  it('escapes the claim and the change, says old → new (none for a new claim), links the feed of this organisation and counts what is not shown', () => {
    const html = verdictChangesHtml(
      [
        {
          id: 'verdict-change-3',
          claimId: 'c1',
          claimText: evil,
          old: null,
          new: 'CONTRADICTED',
          at: '2026-03-17T10:00:00Z',
          changeId: 'change-9',
          changeSummary: evil,
        },
      ],
      5,
      'org&1',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('none</span> → <span class="badge bad" data-verdict-new="CONTRADICTED">contradicted</span>');
    expect(html).toContain('href="/feeds/verdicts.atom?organization=org%261"');
    expect(html).toContain('The 1 newest of 5');
  });

  it('says when nothing has changed', () => {
    expect(verdictChangesHtml([], 0, 'o')).toContain('No verdict on its claims has changed');
  });
});

// The right of reply and each claim's history of verdicts in the explorer, in a real Chromium against the real server
// and Neo4j holding the fixtures: an editor records Taskora's answer over the API; the audit panel shows it beside the
// verdict, says since when the verdict holds, opens the claim's history under it, and axe finds nothing to fix.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession } from './explorer-session.js';
import { createToken } from '../../server/auth/token-store.js';

const CLAIM = 'ex-claim-taskora-intermediary';

describe.skipIf(browserMissing !== null)('the right of reply in the explorer', { timeout: 240_000 }, () => {
  const explorer = useExplorerSession();

  it("shows the reply beside the claim's verdict, since when it holds, and the claim's history under it", async () => {
    const token = await createToken(explorer.db, 'e2e editor', 'editor', 'test');
    const res = await fetch(`${explorer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation($r: ReplyInput!) { upsertReply(reply: $r, reason: "e2e: findings put to Taskora") { change { id author } } }',
        variables: {
          r: {
            id: 'e2e-reply-taskora',
            organization: 'ex-taskora',
            askedOn: '2026-03-03',
            claims: [CLAIM],
            deadline: '2026-03-17',
            answeredOn: '2026-03-17',
            answer: 'Taskora says it only hosts the work.',
            answerUrl: 'https://example.org/taskora-answer.pdf',
          },
        },
      }),
    });
    const answer = (await res.json()) as any;
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data.upsertReply.change.author).toBe('e2e editor');

    await explorer.page.goto(`${explorer.url}/?root=ex-taskora&depth=1&sel=ex-taskora`);
    await explorer.page.waitForSelector('#audit-panel [data-reply="e2e-reply-taskora"]');
    // Beside the verdict of the claim it names, and only there.
    const claim = explorer.page.locator('#audit-panel ol.claims > li', {
      has: explorer.page.locator(`[data-claim="${CLAIM}"]`),
    });
    const reply = claim.locator('[data-reply="e2e-reply-taskora"]');
    expect(await reply.getAttribute('data-reply-status')).toBe('ANSWERED');
    expect(await reply.textContent()).toContain(
      'Taskora was asked on 3 March 2026 and answered on 17 March 2026: Taskora says it only hosts the work.',
    );
    expect(await reply.locator('a').getAttribute('href')).toBe('https://example.org/taskora-answer.pdf');
    expect(await explorer.page.locator('#audit-panel [data-reply]').count()).toBe(1);
    // Since when the verdict holds: the fixtures' import gave it its first kept verdict.
    expect(await claim.locator('.verdict-since').textContent()).toMatch(/^since \d{1,2} [A-Z][a-z]+ \d{4}$/);

    // The claim's history opens under it: its first verdict, from nothing.
    const history = claim.locator(`details[data-claim-history="${CLAIM}"]`);
    expect(await history.getAttribute('open')).toBeNull();
    await history.locator('summary').click();
    await claim.locator('.claim-verdicts li').first().waitFor();
    const first = (await claim.locator('.claim-verdicts li').first().textContent())!;
    expect(first).toMatch(/none\s*→\s*contradicted/);
    expect(first).toContain('imported');

    const axe = await new AxeBuilder({ page: explorer.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
  });

  it('an editor records a request for reply with the form under an organisation; the verdict then says it went unanswered', async () => {
    const token = await createToken(explorer.db, 'e2e reply form editor', 'editor', 'test');
    await explorer.page.goto(`${explorer.url}/?root=ex-modero&depth=1&sel=ex-modero`);
    await explorer.page.waitForSelector('#audit-panel .badge[data-verdict]');
    await explorer.page.click('#sign-in');
    await explorer.page.fill('#edit-token', token);
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('#signed-in:not([hidden])');
    await explorer.page.click('button[data-edit="reply"]');
    await explorer.page.waitForSelector('form[data-form="reply"]');
    const axe = await new AxeBuilder({ page: explorer.page })
      .include('form[data-form="reply"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await explorer.page.check(
      'form[data-form="reply"] input[name="claims"][value="ex-claim-modero-no-subcontracting"]',
    );
    await explorer.page.fill('#edit-askedOn', '2026-01-06');
    await explorer.page.fill('#edit-deadline', '2026-01-20');
    await explorer.page.fill('#edit-reason', 'e2e: findings sent to Modero');
    await explorer.page.click('#editor button[type=submit]');
    await explorer.page.waitForSelector('form[data-form="reply"]', { state: 'detached' });

    await explorer.page.goto(`${explorer.url}/?root=ex-modero&depth=1&sel=ex-modero`);
    const reply = explorer.page.locator('#audit-panel [data-reply-status="NO_ANSWER"]');
    await reply.waitFor();
    expect(await reply.textContent()).toContain(
      'Modero was asked on 6 January 2026 and did not answer by 20 January 2026',
    );
    expect(await reply.textContent()).toContain('asked by e2e reply form editor');
  });
});

// Sources that do not rot, in a real Chromium against the real server and Neo4j holding the fixtures: an editor records
// a (fictional) source with its retrieval date, archived copy and document hash over the API; the details panel of what
// cites it shows the archived copy next to the original, when it was retrieved and the hash.
import { describe, expect, it } from 'vitest';
import { browserMissing, useExplorerSession } from './explorer-session.js';
import { createToken } from '../../server/auth/token-store.js';
import { KEPT_SOURCE } from '../fixtures/minimal-dataset.js';

describe.skipIf(browserMissing !== null)('sources that do not rot in the explorer', { timeout: 240_000 }, () => {
  const api = useExplorerSession();

  async function edit(token: string, query: string, variables: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await res.json()) as { errors?: unknown };
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  }

  it('shows the archived copy next to the original, with the retrieval date and the hash in the details panel', async () => {
    const token = await createToken(api.db, 'e2e editor', 'editor', 'test');
    await edit(
      token,
      'mutation($s: SourceInput!) { upsertSource(source: $s, reason: "e2e: a source kept from rot") { change { id } } }',
      { s: { id: 'e2e-src-kept', title: 'Kept report (fictional)', type: 'report', ...KEPT_SOURCE } },
    );
    await edit(
      token,
      'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "e2e: cites the kept source") { change { id } } }',
      { e: { id: 'e2e-org-kept', name: 'Kept Labelling (fictional)', kind: 'vendor', sources: ['e2e-src-kept'] } },
    );

    const page = api.page;
    await page.goto(`${api.url}/?root=e2e-org-kept&sel=e2e-org-kept`);
    await page.waitForSelector('#details ol.sources a.archived-copy');
    const item = page.locator('#details ol.sources li', { hasText: 'Kept report (fictional)' });
    const original = item.locator('a', { hasText: 'Kept report (fictional)' });
    expect(await original.getAttribute('href')).toBe(KEPT_SOURCE.url);
    const archived = item.locator('a.archived-copy');
    expect(await archived.textContent()).toBe('archived copy');
    expect(await archived.getAttribute('href')).toBe(KEPT_SOURCE.archiveUrl);
    expect(await archived.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await archived.getAttribute('target')).toBe('_blank');
    expect(await item.textContent()).toContain(`retrieved on ${KEPT_SOURCE.retrievedOn}`);
    const hash = item.locator('.document-hash');
    expect(await hash.textContent()).toBe(`SHA-256 ${KEPT_SOURCE.documentSha256.slice(0, 12)}…`);
    expect(await hash.getAttribute('title')).toContain(KEPT_SOURCE.documentSha256);
  });
});

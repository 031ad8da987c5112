import { describe, expect, it } from 'vitest';
import {
  replyFormHtml,
  changedOnly,
  changeHtml,
  entityFormHtml,
  formValues,
  historyHtml,
  linkTypesBetween,
  newRecordId,
  problemsByField,
  sectionOfKind,
  sourceMatches,
  sourceSearchText,
} from './edit-forms.js';
import { sourceRow } from '../../tests/support/source-row.js';

describe('edit forms', () => {
  it('offer only the link types the vocabulary allows between two kinds', () => {
    expect(linkTypesBetween('vendor', 'client')).toEqual(['SUBCONTRACTS_FOR', 'CONTROLLED_BY']);
    expect(linkTypesBetween('worker-pool', 'platform')).toEqual(['RECRUITED_VIA', 'CONTRACTED_BY', 'WORKS_ON']);
    expect(linkTypesBetween('task', 'ai-product')).toEqual(['FEEDS']);
    expect(linkTypesBetween('ai-product', 'task')).toEqual([]);
    expect(sectionOfKind('undisclosed')).toBe('organizations');
  });

  it('put each server problem under the field it names, the others at the top', () => {
    const by = problemsByField(
      [
        { path: 'link.until', message: 'ends (2019) before it starts (2021)' },
        { path: 'link.sources[0]', message: '"x" is not the id of a source' },
        { path: 'dataset "curated": links[0].to', message: 'm' },
      ],
      'link',
    );
    expect(by.get('until')).toEqual(['ends (2019) before it starts (2021)']);
    expect(by.get('sources')).toEqual(['"x" is not the id of a source']);
    expect(by.get('')).toEqual(['dataset "curated": links[0].to: m']);
  });

  it('make readable ids that do not collide', () => {
    expect(newRecordId('Nexa Données SA', () => 0.5)).toBe('cur-nexa-donnees-sa-7fffff');
    expect(newRecordId('!!!', () => 0)).toBe('cur-record-000000');
  });

  it('escape what a change says, and offer revert only on what stands', () => {
    const c = {
      __typename: 'Change' as const,
      id: 'change-3',
      at: '2026-11-29T05:00:00Z',
      author: '<b>x</b>',
      role: 'editor',
      dataset: 'curated',
      reason: 'why',
      summary: 's',
      action: 'upsert',
      record: 'r',
      status: 'applied',
      revertOf: null,
      reviewedBy: null,
      settledBy: null,
    };
    expect(changeHtml(c, true)).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(changeHtml(c, true)).toContain('data-edit="revert"');
    expect(changeHtml({ ...c, status: 'reverted' }, true)).not.toContain('data-edit="revert"');
    expect(changeHtml(c, false)).not.toContain('data-edit="revert"');
    // A history as recorded says its moment and offers no revert: what was applied then may be reverted since.
    expect(historyHtml([c], true)).toContain('data-edit="revert"');
    const then = historyHtml([c], true, '2026-11-30T10:00:00Z');
    expect(then).toContain('History as recorded on 30 November 2026, 10:00:00 UTC');
    expect(then).not.toContain('data-edit="revert"');
  });

  it('show a withheld value disabled, so the form leaves it as it is', () => {
    expect(entityFormHtml({ id: 'p', name: 'P', kind: 'worker-pool', withheld: ['size'] }, [])).toMatch(
      /id="edit-size"[^>]*disabled/,
    );
  });

  it('find sources by every word of their title or publisher, in any order', () => {
    const text = sourceSearchText({ title: 'Les travailleurs du clic', publisher: 'Le Monde' });
    expect(sourceMatches(text, '')).toBe(true);
    expect(sourceMatches(text, 'monde CLIC')).toBe(true);
    expect(sourceMatches(text, 'figaro')).toBe(false);
    expect(sourceMatches(sourceSearchText({ title: 'T', publisher: null }), 't')).toBe(true);
    expect(
      sourceMatches(
        sourceSearchText({ title: 'Hearing', publisher: 'DiPLab', locator: 'question 5' }),
        'hearing question 5',
      ),
    ).toBe(true);
  });

  it('give the source picker a labelled search box and each source its title, publisher and date', () => {
    const html = entityFormHtml({ sources: ['s2'] }, [
      sourceRow({ id: 's1', title: 'A <b>', type: 'press', date: '2019', publisher: 'Pub & co', locator: 'p. 2' }),
      sourceRow({ id: 's2', title: 'B', type: 'press' }),
    ]);
    expect(html).toContain('<label for="edit-sourceFilter">Find a source by title, publisher or place in it</label>');
    expect(html).toContain('data-search="a &lt;b&gt; pub &amp; co p. 2"');
    expect(html).toContain('(Pub &amp; co, 2019, p. 2)');
    expect(html).toMatch(/value="s2" checked/);
  });

  it("offer a new source's retrieval date, archived copy and document hash, named as the server's problems name them", () => {
    const html = entityFormHtml({ sources: [] }, []);
    for (const name of ['sourceRetrievedOn', 'sourceArchiveUrl', 'sourceDocumentSha256'])
      expect(html).toMatch(new RegExp(`<input[^>]* name="${name}"`));
    expect(html).toMatch(
      /<input[^>]* name="sourceArchiveUrl"[^>]* type="url"|<input[^>]* type="url"[^>]* name="sourceArchiveUrl"/,
    );
  });
});

describe('a correction sends only what the user changed', () => {
  const opened = formValues([
    ['id', 'ex-nexa'],
    ['name', 'Nexa'],
    ['country', 'FR'],
    ['sources', 'a'],
    ['sources', 'b'],
    ['sourceTitle', ''],
  ]);
  const input = { id: 'ex-nexa', kind: 'vendor', name: 'Nexa', country: 'DE', aliases: null, sources: ['a', 'b'] };

  it('keeps the fields changed and those that name the record, and leaves the rest out', () => {
    const now = formValues([
      ['id', 'ex-nexa'],
      ['name', 'Nexa'],
      ['country', 'DE'],
      ['sources', 'a'],
      ['sources', 'b'],
      ['sourceTitle', ''],
    ]);
    expect(changedOnly(input, opened, now, ['id', 'kind'])).toEqual({ id: 'ex-nexa', kind: 'vendor', country: 'DE' });
  });

  it('counts a ticked or unticked source, and a new source typed in, as a change of the sources', () => {
    const unticked = formValues([
      ['id', 'ex-nexa'],
      ['name', 'Nexa'],
      ['country', 'FR'],
      ['sources', 'a'],
      ['sourceTitle', ''],
    ]);
    expect(changedOnly(input, opened, unticked, ['id'])).toEqual({ id: 'ex-nexa', sources: ['a', 'b'] });
    const typed = formValues([
      ['id', 'ex-nexa'],
      ['name', 'Nexa'],
      ['country', 'FR'],
      ['sources', 'a'],
      ['sources', 'b'],
      ['sourceTitle', 'New report'],
    ]);
    expect(changedOnly(input, opened, typed, ['id'])).toEqual({ id: 'ex-nexa', sources: ['a', 'b'] });
  });
});

describe('right-of-reply form', () => {
  it('offers a new request on the organisation claims, or the answer to a recorded one, every value escaped', () => {
    const html = replyFormHtml(
      { id: 'ex-taskora', name: 'Taskora <b>' },
      [{ id: 'c1', text: 'We only host <i>' }],
      [
        {
          id: 'r1',
          status: 'AWAITING',
          summary: 'Taskora was asked on 3 March 2026; an answer is due by 17 March 2026',
        },
      ],
      '2026-12-03',
    );
    expect(html).toContain('data-form="reply"');
    expect(html).toContain('Right of reply: Taskora &lt;b&gt;');
    expect(html).toContain('<input type="hidden" name="organization" value="ex-taskora">');
    expect(html).toContain('<input type="checkbox" name="claims" value="c1"> “We only host &lt;i&gt;”');
    expect(html).toContain('<option value="r1">Answer to: Taskora was asked on 3 March 2026');
    expect(html).toContain('id="edit-askedOn" name="askedOn" type="date" value="2026-12-03"');
    for (const name of ['deadline', 'answeredOn', 'answer', 'answerUrl', 'reason'])
      expect(html).toContain(`id="edit-${name}-error"`);
    expect(html).not.toMatch(/<[bi]>/);
  });
});

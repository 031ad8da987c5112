// The sourcing rules a documented dataset (one built from documents, not illustrative) must follow, checked on the file. Pure.
import type { Dataset } from './model.js';
import type { Problem } from './validate-dataset.js';

export interface DocumentationRules {
  /** Built from public reporting: every source must also be citable by URL. */
  requireUrls: boolean;
  /** Sources that no document dates, each with why: a listed, explained exception (a public-reporting dataset has none). */
  undatedSources?: Readonly<Record<string, string>>;
  /** Claims of a kind no audit rule judges, each with why: a listed, explained exception. */
  unjudgedClaims?: Readonly<Record<string, string>>;
}

/**
 * What breaks the sourcing rules: an item that cites no source; a source without title, type, publisher, date (unless
 * listed as undated), locator, or URL where required; a dated link whose note does not name the source that dates it
 * (by publisher or title); a reading (confidence below 1) without a note; a claim of a kind no rule in `judgedKinds` judges.
 */
export function documentationProblems(
  d: Dataset,
  rules: DocumentationRules,
  judgedKinds: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  d.sources.forEach((s, i) => {
    const missing = (['title', 'type', 'publisher', 'locator'] as const).filter((f) => !s[f]?.trim());
    if (!s.date && !rules.undatedSources?.[s.id]) missing.push('date' as never);
    if (rules.requireUrls && !s.url) missing.push('url' as never);
    if (missing.length)
      fail(
        `sources[${i}]`,
        `source "${s.id}" has no ${missing.join(', ')}: a documented dataset's sources say who published what, when, where in it, and${rules.requireUrls ? ' where to read it' : ' what it is'}`,
      );
  });
  for (const section of ['organizations', 'workerPools', 'tasks', 'aiProducts', 'links', 'claims'] as const) {
    (d[section] as { id: string; sources?: string[] }[]).forEach((item, i) => {
      if (!item.sources?.length)
        fail(
          `${section}[${i}]`,
          `"${item.id}" cites no source: every item of a documented dataset cites the document it comes from`,
        );
    });
  }
  d.links.forEach((l, i) => {
    if (l.since || l.until) {
      const cited = (l.sources ?? []).map((id) => sources.get(id)).filter((s) => s !== undefined);
      // A publisher counts by its name before any bracket or comma ("TIME (Billy Perrigo)" is named by "TIME"), or its first word.
      const names = (publisher: string | undefined) =>
        publisher ? [publisher, publisher.split(/[(,;]/)[0]!, publisher.split(/\s/)[0]!] : [];
      const named = cited.some((s) =>
        [...names(s.publisher), s.title].some(
          (x) => x && x.trim().length >= 3 && l.note?.toLowerCase().includes(x.trim().toLowerCase()),
        ),
      );
      if (!named)
        fail(
          `links[${i}]`,
          `"${l.id}" is dated (${[l.since, l.until].filter(Boolean).join(' to ')}) but its note does not name the source that dates it (by publisher or title)`,
        );
    }
    if (l.confidence !== undefined && l.confidence < 1 && !l.note?.trim())
      fail(
        `links[${i}]`,
        `"${l.id}" is a reading (confidence ${l.confidence}) without a note saying what the source states`,
      );
  });
  d.claims.forEach((c, i) => {
    if (!judgedKinds.includes(c.kind) && !rules.unjudgedClaims?.[c.id])
      fail(
        `claims[${i}]`,
        `claim "${c.id}" is of kind ${c.kind}, which no audit rule judges: use a judged kind (${judgedKinds.join(', ')}) or add the kind with its rule`,
      );
  });
  return problems;
}

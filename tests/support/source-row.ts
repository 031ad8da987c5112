// A source as the API answers it, for tests: what a test names, every other field null, so that a new source field
// changes this file rather than every test that spells a source out.

/** The optional fields of a source as the API answers it (null when not recorded). */
export interface SourceRowFields {
  url: string | null;
  date: string | null;
  publisher: string | null;
  locator: string | null;
  retrievedOn: string | null;
  archiveUrl: string | null;
  documentSha256: string | null;
}

/** `given` with every optional field it does not name set to null. */
export function sourceRow<K extends string>(
  given: { id: string; title: string; type: K } & Partial<SourceRowFields>,
): { id: string; title: string; type: K } & SourceRowFields {
  return {
    url: null,
    date: null,
    publisher: null,
    locator: null,
    retrievedOn: null,
    archiveUrl: null,
    documentSha256: null,
    ...given,
  };
}

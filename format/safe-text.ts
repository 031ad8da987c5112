// What text a dataset may hold: ids that survive every format, names on one line, free text without hidden controls,
// web links only. Pure; every check returns what is wrong, or null.

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Control characters other than the line breaks and tabs that free text may hold. */
const CONTROL_IN_FREE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides and isolates: they can make text read differently from what it holds. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Characters that show nothing, or break a line where a reader expects none: zero-width space, left-to-right, right-to-left
 * and Arabic letter marks, line and paragraph separators, the byte order mark, the invisible operators, the word joiner,
 * the Mongolian vowel separator and the Hangul fillers. Two names that look the same must be the same name.
 */
const INVISIBLE = /[\u115f\u1160\u180e\u200b\u200e\u200f\u061c\u2028\u2029\u2060-\u2064\ufeff\u3164\uffa0]/;
/**
 * The zero-width joiner and non-joiner (U+200C, U+200D) are part of how Persian, the Indic scripts and emoji are written:
 * allowed between two letters, marks or symbols, refused anywhere else (at an end, beside a space, doubled).
 */
const STRAY_JOINER = /(?<![\p{L}\p{M}\p{N}\p{S}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{N}\p{S}])/u;
/** Lone surrogates cannot be written as UTF-8, XML or JSON for other tools. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const MAX_LENGTH = { id: 200, name: 500, text: 10_000, url: 2_000 } as const;

const codepoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function hidden(value: string, control: RegExp): string | null {
  const c = control.exec(value);
  if (c) return `holds the control character ${codepoint(c[0])}; remove it`;
  const b = BIDI.exec(value);
  if (b)
    return `holds the bidirectional control ${codepoint(b[0])}, which can make text read differently from what it says; remove it`;
  const i = INVISIBLE.exec(value);
  if (i)
    return `holds the invisible or line-breaking character ${codepoint(i[0])}, which makes text look like other text; remove it`;
  const j = STRAY_JOINER.exec(value);
  if (j)
    return `holds the zero-width joiner ${codepoint(j[0].replace(/[^\u200c\u200d]/gu, ''))} outside a word (it belongs only between two letters); remove it`;
  if (LONE_SURROGATE.test(value))
    return 'holds a broken character (a lone UTF-16 surrogate); re-save the file as UTF-8';
  return null;
}

/** An id: one line, no spaces at the ends, no `|` (the CSV list separator). */
export function idProblem(value: string): string | null {
  if (value.length > MAX_LENGTH.id) return `is ${value.length} characters long; an id has at most ${MAX_LENGTH.id}`;
  if (value !== value.trim()) return 'has spaces at its ends; remove them';
  if (value.includes('|')) return 'holds "|", which separates list items in CSV; use another character';
  return hidden(value, CONTROL);
}

/** A name, title or label: one line. */
export function nameProblem(value: string): string | null {
  if (value.length > MAX_LENGTH.name) return `is ${value.length} characters long; at most ${MAX_LENGTH.name}`;
  return hidden(value, CONTROL);
}

/** Free text (a claim's text, a description, a note): line breaks and tabs allowed. */
export function freeTextProblem(value: string): string | null {
  if (value.length > MAX_LENGTH.text) return `is ${value.length} characters long; at most ${MAX_LENGTH.text}`;
  return hidden(value, CONTROL_IN_FREE_TEXT);
}

/** A source's link: an absolute http or https URL, nothing a browser would run. */
export function urlProblem(value: string): string | null {
  if (value.length > MAX_LENGTH.url) return `is ${value.length} characters long; at most ${MAX_LENGTH.url}`;
  const bad = hidden(value, CONTROL);
  if (bad) return bad;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute web address such as https://example.org/page';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `must be an http or https address, not ${url.protocol}`;
  if (value.trim() !== value || /\s/.test(value)) return 'must not hold spaces; encode them as %20';
  return null;
}

/** True for an http(s) URL that can be made a link (for outputs reading data stored before these checks). */
export function isWebUrl(value: unknown): value is string {
  return typeof value === 'string' && urlProblem(value) === null;
}

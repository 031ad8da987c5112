import { describe, expect, it } from 'vitest';
import { freeTextProblem, idProblem, nameProblem, urlProblem } from './safe-text.js';

describe('invisible and line-breaking characters', () => {
  const refused = [
    '\u2028',
    '\u2029',
    '\u200b',
    '\u200e',
    '\u200f',
    '\u061c',
    '\ufeff',
    '\u2060',
    '\u2063',
    '\u180e',
    '\u3164',
  ];
  it.each(refused.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    '%s is refused in ids, names, free text and links, as a bidi override is',
    (code, c) => {
      for (const check of [idProblem, nameProblem, freeTextProblem]) expect(check(`Nexa${c}Labs`)).toContain(code);
      expect(urlProblem(`https://example.org/a${c}b`)).toContain(code);
    },
  );

  it('allows the zero-width joiners between letters (Persian, Indic scripts, emoji), and refuses them anywhere else', () => {
    expect(nameProblem('می\u200cخواهم')).toBeNull();
    expect(nameProblem('क्\u200dष')).toBeNull();
    expect(nameProblem('👩\u200d💻 Labs')).toBeNull();
    expect(nameProblem('Nexa\u200d')).toMatch(/U\+200D/);
    expect(nameProblem('\u200cNexa')).toMatch(/U\+200C/);
    expect(nameProblem('Nexa \u200d Labs')).toMatch(/U\+200D/);
  });

  it('still allows ordinary text in every script, and line breaks in free text', () => {
    expect(nameProblem("Société Générale d'Annotation — Антананариву 東京")).toBeNull();
    expect(freeTextProblem('First line\nsecond line\ttabbed')).toBeNull();
    expect(nameProblem('Alpha \u202eflow')).toMatch(/bidirectional control U\+202E/);
  });
});

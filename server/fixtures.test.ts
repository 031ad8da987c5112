// The documented fixture states only what the seed text states: every item sourced, no date the text does not give,
// every reading marked (confidence below 1, with a note) and listed, every quote found in the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset/index.js';
import { FIXTURES } from './fixtures.js';

const read = readDataset(FIXTURES.diplab);
if (!read.ok) throw new Error(`the documented fixture is invalid: ${JSON.stringify(read.problems)}`);
const d = read.dataset;
const SEED = readFileSync(new URL('../../shared/seeds/000_90f0be902bcfe9c2.txt', import.meta.url), 'utf8');
const normalise = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
const key = (l: { type: string; from: string; to: string }) => `${l.type}:${l.from}->${l.to}`;

/** Links the text dates, with the statement that dates them. None: the text gives no date to any relation. */
const DATED_STATEMENTS: Record<string, string> = {};

/** Links that are readings of the text, not stated in so many words. Adding one here is a decision: say why in its note. */
const READINGS = [
  'PERFORMED_BY:task-search-engine-checking->pool-foule-factory', 'PERFORMED_BY:task-text-recognition-checking->pool-foule-factory',
  'RECRUITED_VIA:pool-deep-labour->undisclosed-deep-labour-recruiter', 'CONTRACTED_BY:pool-deep-labour->undisclosed-deep-labour-contractor',
  'WORKS_ON:pool-deep-labour->undisclosed-deep-labour-platforms', 'SUBCONTRACTS_FOR:undisclosed-deep-labour-contractor->undisclosed-deep-labour-platforms',
  'SUBCONTRACTS_FOR:undisclosed-deep-labour-platforms->undisclosed-gafam',
  'CONTRACTED_BY:pool-fr-occasional->undisclosed-platforms-hearing', 'CONTRACTED_BY:pool-fr-regular->undisclosed-platforms-hearing',
  'CONTRACTED_BY:pool-fr-very-active->undisclosed-platforms-hearing',
  'PART_OF:pool-fr-regular->pool-fr-occasional', 'PART_OF:pool-fr-very-active->pool-fr-regular', 'PART_OF:pool-foule-factory->pool-fr-occasional',
  'PART_OF:pool-fr-on-international-platforms->pool-fr-occasional',
  'WORKS_ON:pool-transcription-checkers->undisclosed-humanite-intermediary', 'EXECUTED_ON:task-transcription-checking->undisclosed-humanite-intermediary',
  'ORDERED_BY:task-transcription-checking->undisclosed-humanite-client', 'FEEDS:task-transcription-checking->ai-cortana',
  'EXECUTED_ON:task-voice-extract-listening->undisclosed-voice-platform-tat', 'FEEDS:task-voice-extract-listening->ai-alexa',
  'FEEDS:task-voice-extract-listening->ai-cortana', 'ORDERED_BY:task-content-moderation->undisclosed-social-networks',
];

describe('the documented fixture', () => {
  it('gives every entity, link and claim a source', () => {
    const items = [...d.organizations, ...d.workerPools, ...d.tasks, ...d.aiProducts, ...d.links, ...d.claims];
    const bare = items.filter((x) => !x.sources || x.sources.length === 0).map((x) => x.id);
    expect(bare).toEqual([]);
  });

  it('dates no link the text does not date, and no claim', () => {
    const dated = d.links.filter((l) => l.since || l.until).map(key);
    expect(dated.sort()).toEqual(Object.keys(DATED_STATEMENTS).sort());
    expect(d.claims.filter((c) => c.date).map((c) => c.id)).toEqual([]);
  });

  it('marks every reading with confidence below 1 and a note, lists each in the description, and marks nothing else', () => {
    const marked = d.links.filter((l) => l.confidence !== undefined && l.confidence < 1);
    expect(marked.map(key).sort()).toEqual([...READINGS].sort());
    for (const l of marked) {
      expect(l.note, key(l)).toMatch(/reading|one or both|only some/);
      expect(d.description, key(l)).toContain(key(l));
    }
  });

  it('quotes the text exactly wherever it quotes it', () => {
    const seed = normalise(SEED);
    const texts = [...d.links.map((l) => l.note ?? ''), ...d.claims.flatMap((c) => [c.text, c.note ?? ''])];
    const quotes = texts.flatMap((t) => [...t.matchAll(/«\s*([^«»]{12,}?)\s*»/g)].map((m) => normalise(m[1]!)));
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) expect(seed.includes(q) || seed.includes(`« ${q} »`), q).toBe(true);
  });

  it('names a real organisation only as the text names it', () => {
    for (const o of d.organizations.filter((x) => x.kind !== 'undisclosed')) expect(SEED, o.name).toContain(o.name);
  });

  it('holds deep labour itself, the nested populations, and no parties named beyond what the text says', () => {
    const ids = new Set(d.links.map(key));
    for (const type of ['RECRUITED_VIA', 'CONTRACTED_BY', 'WORKS_ON']) expect([...ids].some((k) => k.startsWith(`${type}:pool-deep-labour->`)), type).toBe(true);
    expect(d.workerPools.filter((p) => p.size).map((p) => p.size)).toEqual([260000, 50000, 15000]);
    expect(d.tasks.find((t) => t.id === 'task-voice-extract-listening')!.kind).toBe('other');
  });
});

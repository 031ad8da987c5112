// The documented fixture states only what the seed text states: every item sourced, no date the text does not give,
// every reading marked (confidence below 1, with a note) and listed, every quote found in the text. The text lives outside
// the repository: its checks run wherever it is found, are skipped in a clone without it, and fail on CI without it.
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset/index.js';
import { FIXTURES } from './fixtures.js';
import { readSeed } from '../tests/support/seed-text.js';

const read = readDataset(FIXTURES.diplab);
if (!read.ok) throw new Error(`the documented fixture is invalid: ${JSON.stringify(read.problems)}`);
const d = read.dataset;
const seed = readSeed();
/** The seed text, or a failed assertion saying where it was looked for and how to point at it. */
const seedText = (): string => {
  expect(
    seed.text,
    `the DiPLab seed text is not at ${seed.path}: set DEEP_LABOUR_SEEDS to the folder that holds it`,
  ).not.toBeNull();
  return seed.text!;
};
/** Without the seed, its checks are skipped, except on CI (CI set), where they run and fail. */
const withoutSeed = seed.text === null && !process.env.CI;
const normalise = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
const key = (l: { type: string; from: string; to: string }) => `${l.type}:${l.from}->${l.to}`;

/** Links the text dates, with the statement that dates them. None: the text gives no date to any relation. */
const DATED_STATEMENTS: Record<string, string> = {};

/** Links that are readings of the text, not stated in so many words. Adding one here is a decision: say why in its note. */
const READINGS = [
  'PERFORMED_BY:task-search-engine-checking->pool-foule-factory',
  'PERFORMED_BY:task-text-recognition-checking->pool-foule-factory',
  'RECRUITED_VIA:pool-deep-labour->undisclosed-deep-labour-recruiter',
  'CONTRACTED_BY:pool-deep-labour->undisclosed-deep-labour-contractor',
  'WORKS_ON:pool-deep-labour->undisclosed-deep-labour-platforms',
  'SUBCONTRACTS_FOR:undisclosed-deep-labour-contractor->undisclosed-deep-labour-platforms',
  'SUBCONTRACTS_FOR:undisclosed-deep-labour-platforms->undisclosed-gafam',
  'CONTRACTED_BY:pool-fr-occasional->undisclosed-platforms-hearing',
  'CONTRACTED_BY:pool-fr-regular->undisclosed-platforms-hearing',
  'CONTRACTED_BY:pool-fr-very-active->undisclosed-platforms-hearing',
  'PART_OF:pool-fr-regular->pool-fr-occasional',
  'PART_OF:pool-fr-very-active->pool-fr-regular',
  'PART_OF:pool-foule-factory->pool-fr-occasional',
  'PART_OF:pool-fr-on-international-platforms->pool-fr-occasional',
  'WORKS_ON:pool-transcription-checkers->undisclosed-humanite-intermediary',
  'EXECUTED_ON:task-transcription-checking->undisclosed-humanite-intermediary',
  'ORDERED_BY:task-transcription-checking->undisclosed-humanite-client',
  'FEEDS:task-transcription-checking->ai-cortana',
  'EXECUTED_ON:task-voice-extract-listening->undisclosed-voice-platform-tat',
  'FEEDS:task-voice-extract-listening->ai-alexa',
  'FEEDS:task-voice-extract-listening->ai-cortana',
  'ORDERED_BY:task-content-moderation->undisclosed-social-networks',
  'SUBCONTRACTS_FOR:undisclosed-deep-labour-recruiter->undisclosed-deep-labour-contractor',
  'PERFORMED_BY:task-deep-labour-ai-projects->pool-deep-labour',
  'EXECUTED_ON:task-deep-labour-ai-projects->undisclosed-deep-labour-platforms',
  'ORDERED_BY:task-deep-labour-ai-projects->undisclosed-gafam',
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

  it.skipIf(withoutSeed)(
    'quotes the text exactly wherever it quotes it: names, titles, texts and notes, inner quotes included',
    () => {
      const text = normalise(seedText());
      const entities = [...d.organizations, ...d.workerPools, ...d.tasks, ...d.aiProducts];
      const texts = [
        ...d.sources.map((s) => s.title),
        ...entities.flatMap((e) => [e.name, e.note ?? '']),
        ...d.links.map((l) => l.note ?? ''),
        ...d.claims.flatMap((c) => [c.text, c.note ?? '']),
      ];
      // Innermost « … » first, then any quote that holds one (the inner one written as the text writes it).
      const quotes = texts.flatMap((t) =>
        [...t.matchAll(/«\s*([^«»]{2,}?)\s*»/g), ...t.matchAll(/«\s*((?:[^«»]|«[^«»]*»){2,}?)\s*»/g)].map((m) =>
          normalise(m[1]!),
        ),
      );
      expect(quotes.length).toBeGreaterThan(20);
      for (const q of quotes) expect(text.includes(q) || text.includes(`« ${q} »`), q).toBe(true);
    },
  );

  it.skipIf(withoutSeed)('names a real organisation only as the text names it', () => {
    const text = seedText();
    for (const o of d.organizations.filter((x) => x.kind !== 'undisclosed')) expect(text, o.name).toContain(o.name);
  });

  it('gives every source a publisher and a locator, and every organisation, pool, task and AI product a note', () => {
    expect(d.sources.filter((s) => !s.publisher || !s.locator).map((s) => s.id)).toEqual([]);
    expect(
      [...d.organizations, ...d.workerPools, ...d.tasks, ...d.aiProducts].filter((e) => !e.note).map((e) => e.id),
    ).toEqual([]);
  });

  it('attributes the mere-intermediary claim to the platforms in general, and records no country the text does not give', () => {
    const claim = d.claims.find((c) => c.id === 'claim-platforms-mere-intermediaries')!;
    expect([claim.by, claim.subject]).toEqual(['undisclosed-platforms-hearing', 'undisclosed-platforms-hearing']);
    expect(d.workerPools.find((p) => p.id === 'pool-foule-factory')!.country).toBeUndefined();
    expect([...d.organizations, ...d.workerPools].filter((x) => x.country === 'MG')).toEqual([]);
  });

  it('holds deep labour itself, the nested populations, and no parties named beyond what the text says', () => {
    const ids = new Set(d.links.map(key));
    for (const type of ['RECRUITED_VIA', 'CONTRACTED_BY', 'WORKS_ON'])
      expect(
        [...ids].some((k) => k.startsWith(`${type}:pool-deep-labour->`)),
        type,
      ).toBe(true);
    expect(d.workerPools.filter((p) => p.size).map((p) => p.size)).toEqual([260000, 50000, 15000]);
    expect(d.tasks.find((t) => t.id === 'task-voice-extract-listening')!.kind).toBe('other');
  });
});

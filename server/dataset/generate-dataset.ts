// A generated, fictional deep-labour/v1 dataset of exactly N links, for benchmarks and tests: deterministic for a seed,
// and streamed as JSON text so that a million links never sit in memory at once (every id is made from an index, so no
// set of seen ids is needed either).
//
// Its shape follows the research's pattern at scale: platforms whose sizes are heavy-tailed (a few host most pools),
// recruiting, contracting and execution split across platforms for part of the pools, chains of subcontracting from one
// to eight organisations deep, chains that cross borders, dated links (some ended), a few cycles, small pools, and claims.
import type { Dataset } from '../../format/model.js';

export interface GenerateOptions {
  /** Exactly this many links. */
  links: number;
  seed?: number;
}

const COUNTRIES = ['FR', 'MG', 'KE', 'IN', 'PH', 'VE', 'DE', 'US', 'MA', 'NG'];
const LAYERS = 8;
const SOURCE = 'gen-src';

/** A small deterministic generator (LCG): the same seed gives the same dataset on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Counts {
  organizations: number;
  pools: number;
  tasks: number;
  aiProducts: number;
}

/** Organisations, tasks and AI products for N links; the pools (three links each) take what the rest leave. */
function baseCounts(links: number): Omit<Counts, 'pools'> {
  if (!Number.isInteger(links) || links < 100)
    throw new RangeError(`generate: --links must be a whole number of at least 100, got ${links}`);
  const organizations = Math.max(LAYERS * 4, Math.round(links / 10));
  const tasks = Math.max(4, Math.round(links / 50));
  return { organizations, tasks, aiProducts: Math.ceil(tasks / 5) };
}

type Org = Dataset['organizations'][number];
type Link = Dataset['links'][number];

/** The organisations of layer `l` are ids [start(l), start(l+1)): layer 0 platforms, then vendors, clients, end customers. */
function layerStart(organizations: number, l: number): number {
  return Math.floor((organizations * l) / LAYERS);
}
function layerOf(organizations: number, i: number): number {
  let l = 0;
  while (l < LAYERS - 1 && i >= layerStart(organizations, l + 1)) l += 1;
  return l;
}

const org = (i: number) => `gen-org-${i}`;

/** Link dates: most have none, some a start, some ended. */
function dated(rnd: () => number): Partial<Link> {
  const r = rnd();
  if (r < 0.15)
    return {
      since: `${2016 + Math.floor(rnd() * 6)}-0${1 + Math.floor(rnd() * 9)}`,
      until: `${2022 + Math.floor(rnd() * 2)}-06-30`,
    };
  if (r < 0.4) return { since: `${2015 + Math.floor(rnd() * 8)}` };
  return {};
}

/** Heavy tail: cubing a uniform number sends most pools and tasks to the first few platforms. */
const platformOf = (rnd: () => number, platforms: number) => Math.floor(platforms * rnd() ** 3);

/**
 * The links between organisations and those of tasks and AI products (ids only from indexes: never a duplicate).
 * Subcontracting: each organisation below the end customers works for one or two of the next layers, some skipping
 * layers (chains from one to eight deep); every 50th of layer 2 and beyond also goes back a layer (a cycle).
 */
function* structureLinks(n: Omit<Counts, 'pools'>, pools: number, rnd: () => number): Generator<Omit<Link, 'id'>> {
  const inLayer = (l: number) => {
    const a = layerStart(n.organizations, l);
    return a + Math.floor(rnd() * (layerStart(n.organizations, l + 1) - a));
  };
  const platforms = layerStart(n.organizations, 1);
  for (let i = 0; i < layerStart(n.organizations, LAYERS - 1); i++) {
    const l = layerOf(n.organizations, i);
    const first = inLayer(Math.min(LAYERS - 1, l + 1 + (rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0)));
    yield {
      type: 'SUBCONTRACTS_FOR',
      from: org(i),
      to: org(first),
      pricePerUnitEur: Math.round((0.04 + l * 0.04 + rnd() * 0.03) * 100) / 100,
      disclosedToWorkers: rnd() < 0.4,
      ...dated(rnd),
    };
    if (rnd() < 0.5) {
      const second = inLayer(l + 1);
      if (second !== first)
        yield {
          type: 'SUBCONTRACTS_FOR',
          from: org(i),
          to: org(second),
          disclosedToWorkers: rnd() < 0.4,
          ...dated(rnd),
        };
    }
    if (l >= 2 && i % 50 === 0)
      yield { type: 'SUBCONTRACTS_FOR', from: org(i), to: org(inLayer(l - 1)), confidence: 0.5 };
  }
  // Tasks: two pools each, the platform they run on, the client that orders them, and one AI product in five.
  for (let i = 0; i < n.tasks; i++) {
    const task = `gen-task-${i}`;
    const pool = (i * 7) % pools;
    yield { type: 'PERFORMED_BY', from: task, to: `gen-pool-${pool}` };
    yield { type: 'PERFORMED_BY', from: task, to: `gen-pool-${(pool + 1) % pools}` };
    yield { type: 'EXECUTED_ON', from: task, to: org(platformOf(rnd, platforms)) };
    yield {
      type: 'ORDERED_BY',
      from: task,
      to: org(inLayer(LAYERS - 2)),
      pricePerUnitEur: Math.round((0.3 + rnd() * 0.5) * 100) / 100,
      ...dated(rnd),
    };
    if (i % 5 === 0) {
      yield {
        type: 'FEEDS',
        from: task,
        to: `gen-ai-${i / 5}`,
        use: (['training', 'verification', 'imitation'] as const)[Math.floor(rnd() * 3)]!,
      };
      yield { type: 'OWNED_BY', from: `gen-ai-${i / 5}`, to: org(inLayer(LAYERS - 1)) };
    }
  }
}

/** How many of each record the dataset of `options` holds. */
export function generatedCounts(options: GenerateOptions): Counts {
  const base = baseCounts(options.links);
  const seed = options.seed ?? 1;
  let structure = 0;
  // The pool count does not change how many structure links there are (it only names which pools tasks use).
  for (const _ of structureLinks(base, 2, random(seed + 1))) structure += 1;
  return { ...base, pools: Math.max(2, Math.ceil((options.links - structure) / 3)) };
}

/** The dataset, piece by piece: the JSON text of one record at a time, sections in the format's order. */
export function* generateDatasetJson(options: GenerateOptions): Generator<string> {
  const seed = options.seed ?? 1;
  const n = generatedCounts(options);
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const platforms = layerStart(n.organizations, 1);
  const kindOf = (i: number): Org['kind'] => {
    const l = layerOf(n.organizations, i);
    if (l === 0) return 'platform';
    if (l === LAYERS - 1) return 'end-customer';
    if (l === LAYERS - 2) return 'client';
    return i % 23 === 0 ? 'undisclosed' : 'vendor';
  };

  yield `{"format":"deep-labour/v1","id":"generated-${options.links}-${seed}","name":${JSON.stringify(`Generated deep-labour graph (${options.links.toLocaleString('en')} links, seed ${seed})`)},` +
    '"description":"Illustrative: generated, fictional names, for benchmarks and tests only. No real organisation is described.",' +
    `"sources":[${JSON.stringify({ id: SOURCE, title: 'Generated scenario (fictional)', type: 'other', date: '2026-01-01', publisher: 'Deep Labour Explorer' })}],`;

  yield '"organizations":[';
  for (let i = 0; i < n.organizations; i++) {
    const kind = kindOf(i);
    const o: Org = {
      id: org(i),
      name: kind === 'undisclosed' ? `Undisclosed party ${i}` : `Generated ${kind} ${i}`,
      kind,
      ...(kind === 'undisclosed' ? {} : { country: pick(COUNTRIES) }),
      sources: [SOURCE],
    };
    yield `${i ? ',' : ''}${JSON.stringify(o)}`;
  }
  yield '],"workerPools":[';
  for (let i = 0; i < n.pools; i++) {
    // One pool in ten is a small group (fewer than ten people), whose size and pay the API withholds.
    const size = i % 10 === 3 ? 3 + (i % 5) : rnd() < 0.8 ? 10 + Math.floor(rnd() ** 2 * 5000) : undefined;
    yield `${i ? ',' : ''}${JSON.stringify({ id: `gen-pool-${i}`, name: `Generated pool ${i}`, country: pick(COUNTRIES), ...(size ? { size } : {}), sources: [SOURCE] })}`;
  }
  yield '],"tasks":[';
  for (let i = 0; i < n.tasks; i++) {
    yield `${i ? ',' : ''}${JSON.stringify({ id: `gen-task-${i}`, name: `Generated task ${i}`, kind: pick(['annotation', 'transcription', 'verification', 'moderation'] as const), unitPayEur: Math.round((0.01 + rnd() * 0.05) * 1000) / 1000, minutesPerUnit: 1 + Math.floor(rnd() * 3), sources: [SOURCE] })}`;
  }
  yield '],"aiProducts":[';
  for (let i = 0; i < n.aiProducts; i++) {
    yield `${i ? ',' : ''}${JSON.stringify({ id: `gen-ai-${i}`, name: `Generated AI product ${i}`, marketedAsFullyAutomated: i % 2 === 0, sources: [SOURCE] })}`;
  }

  yield '],"links":[';
  let written = 0;
  // One link in nine has no source, as in real data.
  const json = (l: Omit<Link, 'id'>) =>
    `${written ? ',' : ''}${JSON.stringify({ id: `${l.type}:${l.from}->${l.to}`, ...l, ...(written % 9 === 4 ? {} : { sources: [SOURCE] }) })}`;
  for (const l of structureLinks(n, n.pools, random(seed + 1))) {
    yield json(l);
    written += 1;
  }
  // Pools: recruited, contracted and working on platforms; for two pools in five the three roles are three platforms.
  const prnd = random(seed + 2);
  for (let i = 0; i < n.pools && written < options.links; i++) {
    const pool = `gen-pool-${i}`;
    const home = platformOf(prnd, platforms);
    const split = prnd() < 0.4;
    const contractor = split ? (home + 1 + Math.floor(prnd() * (platforms - 2))) % platforms : home;
    let exec = home;
    if (split) {
      exec = (contractor + 1) % platforms;
      if (exec === home) exec = (exec + 1) % platforms;
    }
    const links: Omit<Link, 'id'>[] = [
      { type: 'RECRUITED_VIA', from: pool, to: org(home), ...dated(prnd) },
      {
        type: 'CONTRACTED_BY',
        from: pool,
        to: org(contractor),
        pricePerUnitEur: Math.round((0.01 + prnd() * 0.04) * 1000) / 1000,
        disclosedToWorkers: prnd() < 0.7,
        ...dated(prnd),
      },
      { type: 'WORKS_ON', from: pool, to: org(exec) },
    ];
    for (const l of links)
      if (written < options.links) {
        yield json(l);
        written += 1;
      }
  }
  if (written !== options.links)
    throw new Error(`generate: made ${written} links of the ${options.links} asked (a bug in the proportions)`);

  yield '],"claims":[';
  const claims = Math.max(1, Math.floor(platforms / 10));
  for (let c = 0; c < claims; c++) {
    const by = org(c);
    const claim =
      c % 2 === 0
        ? {
            id: `gen-claim-${c}`,
            by,
            subject: by,
            kind: 'MERE_INTERMEDIARY',
            text: 'We only put clients and freelancers in touch (fictional).',
            sources: [SOURCE],
          }
        : {
            id: `gen-claim-${c}`,
            by,
            subject: by,
            kind: 'NO_SUBCONTRACTING',
            text: 'We never subcontract our work (fictional).',
            sources: [SOURCE],
          };
    yield `${c ? ',' : ''}${JSON.stringify(claim)}`;
  }
  yield ']}\n';
}

/** The whole dataset as one object (for tests and small benchmarks). */
export function generateDataset(options: GenerateOptions): unknown {
  return JSON.parse([...generateDatasetJson(options)].join(''));
}

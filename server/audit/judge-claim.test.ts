import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIM_RULES } from './rules/index.js';
import { judgeClaim, type AuditFacts, type FactLink } from './judge-claim.js';

function facts(links: Partial<FactLink>[], extra: Partial<AuditFacts> = {}): AuditFacts {
  const full = links.map(
    (l) =>
      ({
        type: 'SUBCONTRACTS_FOR',
        disclosedToWorkers: null,
        pricePerUnitEur: null,
        use: null,
        sourceCount: 1,
        ...l,
      }) as FactLink,
  );
  const names = ['s', 'p', 'a', 'b', 'u', 't', 'ai'];
  return {
    subject: { id: 's', name: 'Subject', kind: 'platform', country: 'FR' },
    links: new Map(full.map((l) => [l.id, l])),
    nodes: new Map(
      names.map((id) => [
        id,
        {
          id,
          name: id.toUpperCase(),
          kind: id === 'u' ? 'undisclosed' : id === 'p' ? 'worker-pool' : 'vendor',
          country: 'FR',
        },
      ]),
    ),
    poolLinks: [],
    scOut: [],
    onward: [],
    scIn: [],
    control: [],
    splitVia: [],
    splitContracts: [],
    chainFirstHops: [],
    chainSc: [],
    feeds: [],
    workforce: [],
    ...extra,
  };
}

describe('judgeClaim', () => {
  it('judges a hub: every link in the evidence once, the first ten named and the rest counted', () => {
    // 30,000 pools working on the platform, each link given twice (two facts can cite the same link).
    const n = 30_000;
    const links = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, type: 'WORKS_ON', from: `p${i}`, to: 's' }));
    const f = facts(links, { poolLinks: [...links.map((l) => l.id), ...links.map((l) => l.id)] });
    for (let i = 0; i < n; i++)
      f.nodes.set(`p${i}`, { id: `p${i}`, name: `Pool ${i}`, kind: 'worker-pool', country: 'FR' });
    const j = judgeClaim({ kind: 'MERE_INTERMEDIARY', params: null }, f);
    expect(j.verdict).toBe('SUPPORTED');
    expect(j.evidence).toEqual(links.map((l) => l.id));
    expect(j.explanation).toContain(
      'Subject has worker pools (Pool 0, Pool 1, Pool 2, Pool 3, Pool 4, Pool 5, Pool 6, Pool 7, Pool 8, Pool 9, and 29,990 more)',
    );
  });

  it('contradicts a mere intermediary that works for a non-ultimate buyer, naming both layers', () => {
    const f = facts(
      [
        { id: 'l1', from: 's', to: 'a' },
        { id: 'l2', from: 'a', to: 'b' },
      ],
      { scOut: ['l1'], onward: ['l2'], poolLinks: [] },
    );
    const j = judgeClaim({ kind: 'MERE_INTERMEDIARY', params: null }, f);
    expect(j.verdict).toBe('CONTRADICTED');
    expect(j.evidence).toEqual(['l1', 'l2']);
    expect(j.explanation).toMatch(/A.*B/);
  });

  it('reads control: a subcontractor the subject controls is the subject (NO_SUBCONTRACTING), and one that is not still contradicts', () => {
    const links = [
      { id: 'w', from: 'a', to: 's' },
      { id: 'k', type: 'CONTROLLED_BY', from: 'a', to: 's' },
      { id: 'c', type: 'CONTRACTED_BY', from: 'p', to: 's' },
      { id: 'x', from: 'b', to: 's' },
    ];
    const grouped = judgeClaim(
      { kind: 'NO_SUBCONTRACTING', params: null },
      facts(links, { scIn: ['w'], control: ['k'], poolLinks: ['c'] }),
    );
    expect(grouped.verdict).toBe('SUPPORTED');
    expect(grouped.evidence).toEqual(expect.arrayContaining(['w', 'k']));
    expect(grouped.explanation).toMatch(/A works for Subject within its own group/);
    expect(
      judgeClaim(
        { kind: 'NO_SUBCONTRACTING', params: null },
        facts(links, { scIn: ['w'], control: [], poolLinks: ['c'] }),
      ).verdict,
    ).toBe('CONTRADICTED');
    expect(
      judgeClaim(
        { kind: 'NO_SUBCONTRACTING', params: null },
        facts(links, { scIn: ['w', 'x'], control: ['k'], poolLinks: ['c'] }),
      ).verdict,
    ).toBe('CONTRADICTED');
  });

  it("reads control: pools contracted by a company of the subject's own group are not a split of roles (MERE_INTERMEDIARY)", () => {
    const links = [
      { id: 'v', type: 'WORKS_ON', from: 'p', to: 's' },
      { id: 'c', type: 'CONTRACTED_BY', from: 'p', to: 'a' },
      { id: 'k', type: 'CONTROLLED_BY', from: 's', to: 'a' },
    ];
    const split = judgeClaim(
      { kind: 'MERE_INTERMEDIARY', params: null },
      facts(links, { poolLinks: ['v'], splitVia: ['v'], splitContracts: ['c'] }),
    );
    expect(split.verdict).toBe('CONTRADICTED');
    const group = judgeClaim(
      { kind: 'MERE_INTERMEDIARY', params: null },
      facts(links, { poolLinks: ['v'], splitVia: ['v'], splitContracts: ['c'], control: ['k'] }),
    );
    expect(group.verdict).toBe('SUPPORTED');
    expect(group.explanation).toMatch(/one group \(control\)/);
    expect(group.evidence).toEqual(expect.arrayContaining(['c', 'k']));
  });

  it('says when a deciding link has no source', () => {
    const f = facts([{ id: 'l1', from: 'a', to: 's', sourceCount: 0 }], { scIn: ['l1'] });
    const j = judgeClaim({ kind: 'NO_SUBCONTRACTING', params: null }, f);
    expect(j.verdict).toBe('CONTRADICTED');
    expect(j.explanation).toMatch(/has no source/);
    // Many: ten said, the rest counted.
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, from: `o${i}`, to: 's', sourceCount: 0 }));
    const k = judgeClaim({ kind: 'NO_SUBCONTRACTING', params: null }, facts(many, { scIn: many.map((l) => l.id) }));
    expect(k.evidence).toHaveLength(12);
    expect(k.explanation).toMatch(/Note: (o\d+ subcontracts for S; ){10}and 2 more have no source\.$/);
  });

  it('treats an undisclosed party on the chain as hiding the client', () => {
    const f = facts([{ id: 'l1', from: 's', to: 'u', disclosedToWorkers: true }], { chainSc: ['l1'] });
    expect(judgeClaim({ kind: 'CLIENT_DISCLOSED', params: null }, f).verdict).toBe('CONTRADICTED');
  });

  it('never supports full automation, and checks the subject is an AI product', () => {
    const training = facts([{ id: 'f1', type: 'FEEDS', from: 't', to: 's', use: 'training' }], {
      feeds: ['f1'],
      subject: { id: 's', name: 'AI', kind: 'ai-product', country: null },
    });
    expect(judgeClaim({ kind: 'FULLY_AUTOMATED', params: null }, training).verdict).toBe('UNVERIFIABLE');
    expect(judgeClaim({ kind: 'FULLY_AUTOMATED', params: null }, facts([])).verdict).toBe('UNVERIFIABLE');
  });

  it('computes hourly pay from the contract price and minutes per unit', () => {
    const f = facts(
      [
        { id: 'c', type: 'CONTRACTED_BY', from: 'p', to: 's', pricePerUnitEur: 0.05 },
        { id: 'pb', type: 'PERFORMED_BY', from: 't', to: 'p' },
      ],
      {
        workforce: [
          {
            pool: { id: 'p', name: 'Pool', country: 'MG', size: 3 },
            chain: ['c'],
            contract: 'c',
            contracts: ['c'],
            performed: [{ task: { id: 't', name: 'Task', unitPayEur: 1, minutesPerUnit: 0.5 }, link: 'pb' }],
          },
        ],
      },
    );
    const j = judgeClaim({ kind: 'MIN_PAY', params: { eurPerHour: 10 } }, f);
    expect(j.verdict).toBe('CONTRADICTED');
    expect(j.explanation).toContain('€6.00 an hour');
    expect(judgeClaim({ kind: 'MIN_PAY', params: { eurPerHour: 6 } }, f).verdict).toBe('SUPPORTED');
    expect(judgeClaim({ kind: 'MIN_PAY', params: null }, f).verdict).toBe('UNVERIFIABLE');
    expect(judgeClaim({ kind: 'WORKFORCE_LOCATION', params: { countries: ['FR'] } }, f).verdict).toBe('CONTRADICTED');
  });

  it('judges NOT_EMPLOYER by who holds the contracts of the pools behind the subject, its group counting as itself', () => {
    // The pool works on platform A, which subcontracts for the subject S; B holds the pool's contract.
    const links = [
      { id: 'w', type: 'WORKS_ON', from: 'p', to: 'a' },
      { id: 'sc', from: 'a', to: 's' },
      { id: 'cb', type: 'CONTRACTED_BY', from: 'p', to: 'b' },
    ];
    const pool = { id: 'p', name: 'Pool', country: 'KE', size: 100 };
    const byB = facts(links, {
      workforce: [{ pool, chain: ['w', 'sc'], contract: null, contracts: ['cb'], performed: [] }],
    });
    const supported = judgeClaim({ kind: 'NOT_EMPLOYER', params: null }, byB);
    expect(supported.verdict).toBe('SUPPORTED');
    expect(supported.evidence).toEqual(['cb', 'w', 'sc']);
    expect(supported.explanation).toContain('contracted by another organisation: B');
    // B is controlled by S: the pool is S's group's staff.
    const grouped = facts([...links, { id: 'k', type: 'CONTROLLED_BY', from: 'b', to: 's' }], {
      control: ['k'],
      workforce: byB.workforce,
    });
    const contradicted = judgeClaim({ kind: 'NOT_EMPLOYER', params: null }, grouped);
    expect(contradicted.verdict).toBe('CONTRADICTED');
    expect(contradicted.evidence).toEqual(['cb', 'w', 'sc', 'k']);
    expect(contradicted.explanation).toBe("Pool are contracted by B, of Subject's group.");
    // Nobody known to hold the contract, or no workforce at all: nothing to say.
    const unknown = judgeClaim(
      { kind: 'NOT_EMPLOYER', params: null },
      facts(links, { workforce: [{ ...byB.workforce[0]!, contracts: [] }] }),
    );
    expect(unknown.verdict).toBe('UNVERIFIABLE');
    expect(unknown.explanation).toContain('Who holds the contracts of Pool is not known');
    expect(judgeClaim({ kind: 'NOT_EMPLOYER', params: null }, facts([])).verdict).toBe('UNVERIFIABLE');
  });

  it('does not judge kinds it has no rule for', () => {
    expect(judgeClaim({ kind: 'FREE_TIME', params: null }, facts([])).verdict).toBe('UNVERIFIABLE');
  });
});

describe('the claim rules registry', () => {
  it('names, for a split role, the pools and who contracts them', () => {
    const f = facts(
      [
        { id: 'v', type: 'WORKS_ON', from: 'p', to: 's' },
        { id: 'c', type: 'CONTRACTED_BY', from: 'p', to: 'a' },
      ],
      { poolLinks: ['v'], splitVia: ['v'], splitContracts: ['c'] },
    );
    const j = judgeClaim({ kind: 'MERE_INTERMEDIARY', params: null }, f);
    expect(j.verdict).toBe('CONTRADICTED');
    expect(j.evidence).toEqual(['v', 'c']);
    expect(j.explanation).toContain('P works on S');
    expect(j.explanation).toContain('contracted by A');
  });

  it('has one rule per kind, each stated in the table of docs/audits.md in the same words', () => {
    const kinds = CLAIM_RULES.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const readme = readFileSync(new URL('../../docs/audits.md', import.meta.url), 'utf8');
    for (const rule of CLAIM_RULES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.kind}\``));
      expect(row, `docs/audits.md row for ${rule.kind}`).toBeDefined();
      expect(row).toContain(`| ${rule.contradictedWhen} |`);
      expect(row).toContain(`| ${rule.supportedWhen} |`);
      expect(row).toContain(rule.subject === 'ai-product' ? '(AI product' : '(organisation');
    }
  });

  it('reads only facts that audit-facts.cypher gathers', () => {
    const cypher = readFileSync(new URL('../../cypher/audit-facts.cypher', import.meta.url), 'utf8');
    for (const rule of CLAIM_RULES)
      for (const fact of rule.reads) expect(cypher, `${rule.kind} reads ${fact}`).toMatch(new RegExp(`AS ${fact}\\b`));
  });

  it('checks what a claim is about before judging it', () => {
    const onPool = facts([], { subject: { id: 's', name: 'Pool S', kind: 'worker-pool', country: 'FR' } });
    for (const rule of CLAIM_RULES) {
      const j = judgeClaim({ kind: rule.kind, params: null }, onPool);
      expect(j.verdict).toBe('UNVERIFIABLE');
      expect(j.explanation).toMatch(/is not an (organisation|AI product)/);
    }
  });
});

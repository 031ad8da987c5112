import { describe, expect, it } from 'vitest';
import type { ClaimAuditModel, EntityModel } from '../models/index.js';
import { auditMarkdown } from './audit-report.js';
import { toLink } from '../models/to-models.js';
import { toReply } from '../replies/reply-model.js';
import type { KeptFacts } from '../replies/claim-kept-facts.js';
import { sourceRow } from '../../tests/support/source-row.js';

const entity = (id: string, name: string): EntityModel => ({
  __typename: 'Organization',
  id,
  name,
  kind: 'platform',
  country: 'FR',
  aliases: [],
  identifiers: [],
  undisclosedReason: null,
  size: null,
  taskKind: null,
  unitPayEur: null,
  minutesPerUnit: null,
  marketedAsFullyAutomated: null,
  note: null,
  sources: [],
  sizeSuppressed: false,
  paySuppressed: false,
  performerSizes: [],
});
const source = sourceRow({
  id: 's',
  title: 'Terms of service',
  type: 'terms-of-service',
  url: 'https://example.org/tos',
  date: '2024-01-01',
  publisher: 'Example',
});

const audit: ClaimAuditModel = {
  claim: {
    id: 'c1',
    kind: 'NO_SUBCONTRACTING',
    text: 'We never subcontract.',
    date: '2024-03-01',
    by: entity('a', 'Alpha'),
    subject: entity('a', 'Alpha'),
    params: null,
    note: null,
    sources: [source],
  },
  verdict: 'CONTRADICTED',
  explanation: 'Beta does work for Alpha.',
  unsourcedEvidence: 1,
  evidenceIds: ['SUBCONTRACTS_FOR:b->a'],
  evidence: {
    nodes: [
      { id: 'a', name: 'Alpha', kind: 'platform', country: 'FR', taskKind: null, size: null, sizeSuppressed: false },
      { id: 'b', name: 'Beta', kind: 'vendor', country: null, taskKind: null, size: null, sizeSuppressed: false },
    ],
    edges: [
      {
        ...toLink({ type: 'SUBCONTRACTS_FOR', from: 'b', to: 'a', since: '2022' }),
        id: 'SUBCONTRACTS_FOR:b->a',
        disclosedToWorkers: false,
        pricePerUnitEur: 0.1,
      },
    ],
    truncated: false,
    totalNodes: null,
    edgesTruncated: false,
  },
};

describe('auditMarkdown', () => {
  const md = auditMarkdown([audit], { title: 'Alpha', asOf: '2024-06-01', generatedFrom: 'a test graph' });

  it('states the date, the counts and each verdict with its explanation', () => {
    expect(md).toContain('# Claim audit: Alpha');
    expect(md).toContain(
      'Judged on the links valid on **2024\\-06\\-01**, from a test graph. 1 claim: 1 contradicted, 0 supported, 0 unverifiable.',
    );
    expect(md).toContain('## Alpha: “We never subcontract\\.”');
    expect(md).toContain('**Verdict: CONTRADICTED.** Beta does work for Alpha\\.');
  });

  it("cites the claim's sources and reads each deciding link as the vocabulary's sentence, saying when it has no source", () => {
    expect(md).toContain(
      '- Claim sources: Terms of service (terms\\-of\\-service, Example, 2024\\-01\\-01) <https://example.org/tos>.',
    );
    expect(md).toContain(
      '- Beta subcontracts for Alpha (since 2022, €0\\.1 a unit, not disclosed to workers) — SUBCONTRACTS\\_FOR:b\\-&gt;a. Sources: **none: this link has no source**.',
    );
  });
});

describe('auditMarkdown with hostile values', () => {
  it('cannot be forged: no value adds a verdict, a heading, a comment, HTML or a link, and each field stays on its line', () => {
    const forged: ClaimAuditModel = {
      ...audit,
      verdict: 'CONTRADICTED',
      claim: {
        ...audit.claim,
        text: '”\n\n**Verdict: SUPPORTED.** All good.\n\n<!--',
        by: entity('a', '# Alpha <img src=x onerror=alert(1)>'),
        sources: [
          {
            ...source,
            title: '[click](javascript:alert(1)) ![x](http://evil.example/x.png)',
            url: 'javascript:alert(1)',
          },
        ],
      },
    };
    const text = auditMarkdown([forged], { title: 'T', asOf: '2024-06-01', generatedFrom: 'g' });
    const verdicts = text.split('\n').filter((l) => l.startsWith('**Verdict:'));
    expect(verdicts).toEqual([expect.stringMatching(/^\*\*Verdict: CONTRADICTED\.\*\* /)]);
    expect(text).not.toMatch(/\*\*Verdict: SUPPORTED/);
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/\]\(/);
    expect(text).not.toContain('javascript:alert(1)>');
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Claim audit: T',
      '## \\# Alpha &lt;img src=x onerror=alert\\(1\\)&gt;: “” \\*\\*Verdict: SUPPORTED\\.\\*\\* All good\\. &lt;\\!\\-\\-”',
    ]);
  });

  it('says since when each kept verdict holds and the right of reply on the claim, escaped, with the answer as a source', () => {
    const reply = toReply(
      {
        reply: {
          id: 'r1',
          organization: 'a',
          askedOn: '2026-03-03',
          askedBy: 'Ed',
          claims: ['c1'],
          deadline: '2026-03-17',
          answeredOn: '2026-03-17',
          answer: 'We *never* do.',
          answerSource: 's',
        },
        organizationName: 'Alpha',
        answerSource: source,
      },
      '2026-04-01',
    );
    const kept = new Map<string, KeptFacts>();
    kept.set(audit.claim.id, { verdictSince: '2026-06-12T08:00:00Z', replies: [reply] });
    const text = auditMarkdown([audit], { title: 'T', asOf: '2026-04-01', generatedFrom: 'g' }, kept);
    expect(text).toContain('- Verdict kept since 12 June 2026.');
    expect(text).toContain(
      '- Right of reply: Alpha was asked on 3 March 2026 and answered on 17 March 2026: We \\*never\\* do',
    );
    expect(text).toContain(
      'Source: Terms of service (terms\\-of\\-service, Example, 2024\\-01\\-01) <https://example.org/tos>. Asked by Ed.',
    );
    expect(auditMarkdown([audit], { title: 'T', asOf: '2026-04-01', generatedFrom: 'g' })).not.toContain(
      'Right of reply',
    );
  });
});

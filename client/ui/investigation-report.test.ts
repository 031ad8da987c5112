import { describe, expect, it } from 'vitest';
import { investigationReportHtml, type ReportInput } from './investigation-report.js';
import { sourceRow } from '../../tests/support/source-row.js';

const input = (): ReportInput =>
  ({
    name: 'Who orders <the> annotation?',
    notes: 'Check the vendor.\nThen the client.',
    itemNotes: new Map([
      ['v', 'Registry says 2019 <script>'],
      ['l1', 'Price from an interview'],
    ]),
    asOf: '2024-06-30',
    recordedAt: null,
    madeAt: '2026-11-29T05:30:00.000Z',
    ledger: { seq: 42, hash: 'ab'.repeat(32) },
    title: 'Around Vendor, 2 hops',
    url: 'http://localhost:4000/?investigation=abc',
    picture: 'data:image/png;base64,AAAA',
    nodes: [
      {
        __typename: 'GraphNode',
        id: 'v',
        name: 'Vendor (fictional)',
        kind: 'vendor',
        country: 'FR',
        taskKind: null,
        size: null,
        sizeSuppressed: false,
      },
      {
        __typename: 'GraphNode',
        id: 'c',
        name: 'Client (fictional)',
        kind: 'client',
        country: 'FR',
        taskKind: null,
        size: null,
        sizeSuppressed: false,
      },
    ],
    edges: [
      {
        __typename: 'Link',
        id: 'l1',
        type: 'SUBCONTRACTS_FOR',
        from: 'v',
        to: 'c',
        since: '2019',
        until: null,
        disclosedToWorkers: false,
        pricePerUnitEur: 0.4,
        priceSuppressed: false,
        use: null,
        confidence: 1,
        note: null,
        sources: [],
      },
    ],
    entitySources: new Map([
      [
        'v',
        [
          {
            __typename: 'Source',
            id: 's',
            title: 'Registry extract (fictional)',
            type: 'registry',
            url: null,
            date: '2019',
            publisher: null,
          },
        ],
      ],
    ]),
    audits: [
      {
        __typename: 'ClaimAudit',
        verdict: 'CONTRADICTED',
        explanation: 'Vendor passes work to Client.',
        unsourcedEvidence: 1,
        claim: {
          __typename: 'Claim',
          id: 'k',
          kind: 'NO_SUBCONTRACTING',
          text: 'We never subcontract',
          date: null,
          note: null,
          by: { __typename: 'Organization', name: 'Vendor (fictional)' },
          sources: [],
        },
        verdictSince: '2026-06-12T08:00:00Z',
        replies: [
          {
            id: 'r',
            status: 'NO_ANSWER',
            summary: 'Vendor was asked on 3 March 2026 and did not answer by 17 March 2026 <b>',
          },
        ],
      },
    ],
  }) as unknown as ReportInput;

describe('investigation report', () => {
  it('holds the picture, notes, tables with sources, verdicts and the date, every value escaped', () => {
    const html = investigationReportHtml(input());
    expect(html).toContain('<title>Who orders &lt;the&gt; annotation?</title>');
    expect(html).toContain('Links valid on <strong>2024-06-30</strong>');
    expect(html).toContain('<img src="data:image/png;base64,AAAA"');
    expect(html).toContain('Check the vendor.<br>Then the client.');
    expect(html).toContain('Registry says 2019 &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Registry extract (fictional) (2019)');
    expect(html).toContain('no source given');
    expect(html).toContain('Vendor (fictional) → Client (fictional) (SUBCONTRACTS_FOR)');
    expect(html).toMatch(/class="bad">contradicted<\/td>/);
    expect(html).toContain('(since 12 June 2026)');
    expect(html).toContain(
      '<strong>Right of reply:</strong> Vendor was asked on 3 March 2026 and did not answer by 17 March 2026 &lt;b&gt;.',
    );
    expect(html).toContain('http://localhost:4000/?investigation=abc');
  });

  it("prints the ledger's head beside both times, in the words of the CLI's reports, and says when there is none", () => {
    const head = `Links valid on <strong>2024-06-30</strong>, as recorded now. Evidence as of change 42, ledger hash ${'ab'.repeat(32)}. Report made`;
    expect(investigationReportHtml(input())).toContain(head);
    expect(investigationReportHtml({ ...input(), ledger: null })).toContain(
      'Links valid on <strong>2024-06-30</strong>, as recorded now. Evidence before any sealed change (the store has no ledger yet). Report made',
    );
  });

  it('says the moment the evidence is read as recorded, and that the head printed is the store when the report was made', () => {
    expect(investigationReportHtml({ ...input(), recordedAt: '2026-12-04T15:00:02.000Z' })).toContain(
      `Links valid on <strong>2024-06-30</strong>, as recorded on <strong>4 December 2026, 15:00:02 UTC</strong> (imports, edits and removals after that moment left out). The store when the report was made: evidence as of change 42, ledger hash ${'ab'.repeat(32)}. Report made`,
    );
  });
});

describe('investigation report: pay against the local minimum', () => {
  it("gives each organisation's pay indicator with its pools' reports, ratios and sources, small groups withheld, escaped", () => {
    const source = sourceRow({ id: 's', title: 'Survey <fictional>', type: 'report' });
    const gap = {
      reference: { id: 'wage-mg', country: 'MG', year: 2019, sources: [source] },
      ratioMin: 0.36,
      ratioMax: 0.72,
      steps: [],
      reason: null,
    };
    const against = {
      kind: 'legal-minimum',
      compared: 1,
      below: 1,
      spanning: 0,
      atOrAbove: 0,
      notComparable: 0,
      ratioMin: 0.36,
      ratioMax: 0.72,
      references: [gap.reference],
    };
    const html = investigationReportHtml({
      ...input(),
      pay: [
        {
          organization: 'Vendor <fictional>',
          pay: {
            pools: 2,
            withheld: 1,
            withPay: 1,
            withSourcedPay: 1,
            withHourly: 1,
            value: '1 of 2 pools with sourced pay',
            legalMinimum: against,
            livingWage: { ...against, kind: 'living-wage' },
            workerPools: [
              {
                id: 'p',
                name: 'Annotators (fictional)',
                country: 'MG',
                paySuppressed: false,
                pay: [
                  {
                    id: 'r',
                    reported: '€0.03 a task',
                    reportedBy: 'workers',
                    since: '2019',
                    until: null,
                    taskName: null,
                    hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
                    hourlyNote: null,
                    hourlySteps: [],
                    sources: [source],
                    legalMinimum: gap,
                    livingWage: {
                      ...gap,
                      reference: null,
                      ratioMin: null,
                      ratioMax: null,
                      reason: 'no living wage for MG',
                    },
                  },
                ],
              },
            ],
          } as any,
        },
      ],
    });
    expect(html).toContain('<h2>Pay against the local minimum</h2>');
    expect(html).toContain('<h3>Vendor &lt;fictional&gt;</h3>');
    expect(html).toContain('1 small group withheld');
    expect(html).toContain('<td>0.36–0.72× (MG 2019, wage-mg)</td>');
    expect(html).toContain('not compared: no living wage for MG');
    expect(html).toContain('Survey &lt;fictional&gt;');
    expect(investigationReportHtml(input())).not.toContain('Pay against the local minimum');
  });
});

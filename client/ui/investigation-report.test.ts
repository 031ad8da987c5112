import { describe, expect, it } from 'vitest';
import { investigationReportHtml, type ReportInput } from './investigation-report.js';

const input = (): ReportInput => ({
  name: 'Who orders <the> annotation?', notes: 'Check the vendor.\nThen the client.', itemNotes: new Map([['v', 'Registry says 2019 <script>'], ['l1', 'Price from an interview']]),
  asOf: '2024-06-30', madeAt: '2026-11-29T05:30:00.000Z', title: 'Around Vendor, 2 hops', url: 'http://localhost:4000/?investigation=abc', picture: 'data:image/png;base64,AAAA',
  nodes: [{ __typename: 'GraphNode', id: 'v', name: 'Vendor (fictional)', kind: 'vendor', country: 'FR', taskKind: null, size: null, sizeSuppressed: false },
    { __typename: 'GraphNode', id: 'c', name: 'Client (fictional)', kind: 'client', country: 'FR', taskKind: null, size: null, sizeSuppressed: false }],
  edges: [{ __typename: 'Link', id: 'l1', type: 'SUBCONTRACTS_FOR', from: 'v', to: 'c', since: '2019', until: null, disclosedToWorkers: false, pricePerUnitEur: 0.4, priceSuppressed: false, use: null, confidence: 1, note: null, sources: [] }],
  entitySources: new Map([['v', [{ __typename: 'Source', id: 's', title: 'Registry extract (fictional)', type: 'registry', url: null, date: '2019', publisher: null }]]]),
  audits: [{ __typename: 'ClaimAudit', verdict: 'CONTRADICTED', explanation: 'Vendor passes work to Client.', unsourcedEvidence: 1,
    claim: { __typename: 'Claim', id: 'k', kind: 'NO_SUBCONTRACTING', text: 'We never subcontract', date: null, note: null, by: { __typename: 'Organization', name: 'Vendor (fictional)' }, sources: [] },
    evidence: { __typename: 'Subgraph', nodes: [], edges: [], truncated: false, edgesTruncated: false } }],
} as unknown as ReportInput);

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
    expect(html).toContain('http://localhost:4000/?investigation=abc');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate-dataset.js';
import type { Dataset } from './model.js';
import { bodsToDataset, datasetToBods, parseBods, type Statement } from './bods.js';

/** Open Ownership's validator, from the virtual environment .ci/run makes (BODS_PYTHON to use another). */
const PYTHON = process.env.BODS_PYTHON ?? '.venv-test/bin/python';
const haveValidator = existsSync(PYTHON);

function valid(raw: unknown): Dataset {
  const v = validateDataset(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.dataset;
}

const control = () =>
  valid({
    format: 'deep-labour/v1',
    id: 'ctl',
    name: 'Control (fictional)',
    sources: [
      {
        id: 's',
        title: 'Registry extract (fictional)',
        type: 'registry',
        url: 'https://example.org/registry',
        locator: 'page 2',
        retrievedOn: '2024-03-05',
        archiveUrl: 'https://web.archive.org/web/20240305120000/https://example.org/registry',
        documentSha256: '3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccd',
      },
    ],
    organizations: [
      {
        id: 'parent',
        name: 'Parent Holding (fictional)',
        kind: 'platform',
        country: 'FR',
        identifiers: [{ scheme: 'XI-TEST', id: 'P1' }],
        note: 'The extract names it as the parent (fictional).',
        sources: ['s'],
      },
      { id: 'sub', name: 'Sub Labelling (fictional)', kind: 'vendor', country: 'MG', sources: ['s'] },
      {
        id: 'hidden',
        name: 'Owner not disclosed',
        kind: 'undisclosed',
        undisclosedReason: 'interestedPartyHasNotProvidedInformation',
      },
    ],
    workerPools: [{ id: 'pool', name: 'A pool (fictional)', size: 40 }],
    links: [
      {
        type: 'CONTROLLED_BY',
        from: 'sub',
        to: 'parent',
        since: '2019-03-01',
        interests: ['shareholding', 'votingRights'],
        shareMin: 50,
        shareMax: 75,
        directOrIndirect: 'direct',
        sources: ['s'],
      },
      {
        type: 'CONTROLLED_BY',
        from: 'parent',
        to: 'hidden',
        until: '2024-06-30',
        interests: ['shareholding'],
        shareMin: 30,
        shareMax: 30,
        directOrIndirect: 'direct',
      },
      { type: 'CONTRACTED_BY', from: 'pool', to: 'sub' },
    ],
  });

describe('BODS 0.4', () => {
  it("writes organisations and control, never labour links, as statements Open Ownership's validator accepts", () => {
    const statements = datasetToBods(control(), '2026-11-29');
    expect(statements.map((s) => s.recordType)).toEqual(['entity', 'entity', 'entity', 'relationship', 'relationship']);
    const hidden = statements.find((s) => s.recordId === 'hidden')!.recordDetails;
    expect(hidden).toMatchObject({
      entityType: { type: 'anonymousEntity' },
      unspecifiedEntityDetails: { reason: 'interestedPartyHasNotProvidedInformation' },
    });
    expect(statements.find((s) => s.recordId === 'CONTROLLED_BY:sub->parent')!.recordDetails).toMatchObject({
      subject: 'sub',
      interestedParty: 'parent',
      interests: [
        {
          type: 'shareholding',
          directOrIndirect: 'direct',
          share: { minimum: 50, maximum: 75 },
          startDate: '2019-03-01',
        },
        { type: 'votingRights' },
      ],
    });
  });

  it.skipIf(!haveValidator && !process.env.CI)(
    'passes libcovebods: JSON Schema, normative checks, no additional fields',
    () => {
      expect(
        haveValidator,
        `${PYTHON} is missing: .ci/run makes it (python3 -m venv .venv-test && .venv-test/bin/pip install libcovebods==0.16.0)`,
      ).toBe(true);
      const file = join(mkdtempSync(join(tmpdir(), 'deep-labour-bods-')), 'out.json');
      writeFileSync(file, JSON.stringify(datasetToBods(control(), '2026-11-29')));
      const run = spawnSync(PYTHON, ['tests/support/bods_validate.py', file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as {
        schemaVersion: string;
        schema: unknown[];
        checks: unknown[];
        additionalFields: Record<string, unknown>;
      };
      expect(report.schemaVersion).toBe('0.4');
      expect(report.schema).toEqual([]);
      expect(report.checks).toEqual([]);
      expect(report.additionalFields).toEqual({});
      // The validator is real: a broken file is reported.
      const broken = JSON.parse(JSON.stringify(datasetToBods(control(), '2026-11-29'))) as Statement[];
      (broken[3]!.recordDetails.interests as { share: unknown }[])[0]!.share = { minimum: 80, maximum: 20 };
      writeFileSync(file, JSON.stringify(broken));
      const bad = JSON.parse(
        spawnSync(PYTHON, ['tests/support/bods_validate.py', file], { encoding: 'utf8' }).stdout,
      ) as { checks: { type: string }[] };
      expect(bad.checks.map((c) => c.type)).toContain(
        'statement_relationship_interests_not_exact_max_greater_than_min',
      );
    },
  );

  it('export → import gives the organisations and control back', () => {
    const original = control();
    const back = bodsToDataset(parseBods(JSON.stringify(datasetToBods(original, '2026-11-29')))!, {
      id: 'ctl',
      name: 'Control (fictional)',
    });
    const v = valid(back.doc);
    expect(v.organizations.map((o) => [o.id, o.kind, o.country ?? null, o.undisclosedReason ?? null])).toEqual([
      ['parent', 'platform', 'FR', null],
      ['sub', 'vendor', 'MG', null],
      ['hidden', 'undisclosed', null, 'interestedPartyHasNotProvidedInformation'],
    ]);
    expect(v.organizations[0]!.identifiers).toEqual([{ scheme: 'XI-TEST', id: 'P1' }]);
    expect(v.organizations.map((o) => o.note ?? null)).toEqual([
      'The extract names it as the parent (fictional).',
      null,
      null,
    ]);
    expect(v.links).toEqual([
      {
        id: 'CONTROLLED_BY:sub->parent',
        type: 'CONTROLLED_BY',
        from: 'sub',
        to: 'parent',
        since: '2019-03-01',
        interests: ['shareholding', 'votingRights'],
        shareMin: 50,
        shareMax: 75,
        directOrIndirect: 'direct',
        sources: [expect.stringMatching(/^bods-/)],
      },
      {
        id: 'CONTROLLED_BY:parent->hidden',
        type: 'CONTROLLED_BY',
        from: 'parent',
        to: 'hidden',
        until: '2024-06-30',
        interests: ['shareholding'],
        shareMin: 30,
        shareMax: 30,
        directOrIndirect: 'direct',
      },
    ]);
    // BODS has no locator field: it follows the title in the source's description, and comes back in the title.
    // Its retrievedAt is the retrieval day; it has no field for an archived copy or the document's hash.
    expect(v.sources[0]).toEqual({
      id: expect.stringMatching(/^bods-/),
      title: 'Registry extract (fictional) (page 2)',
      type: 'registry',
      url: 'https://example.org/registry',
      retrievedOn: '2024-03-05',
    });
  });

  it('writes retrievedAt only for a retrieval known to the day, from the source that gives the URL', () => {
    const d = control();
    const sourceOfSub = () => datasetToBods(d, '2026-11-29').find((x) => x.recordId === 'sub')!.source;
    expect(sourceOfSub()).toMatchObject({ url: 'https://example.org/registry', retrievedAt: '2024-03-05' });
    d.sources[0]!.retrievedOn = '2024-03';
    expect(sourceOfSub()).not.toHaveProperty('retrievedAt');
    d.sources.push({ id: 's2', title: 'Letter (fictional)', type: 'self-declaration', retrievedOn: '2024-04-01' });
    d.organizations[1]!.sources = ['s2', 's'];
    expect(sourceOfSub()).toMatchObject({ url: 'https://example.org/registry' });
    expect(sourceOfSub()).not.toHaveProperty('retrievedAt');
    d.organizations[1]!.sources = ['s2'];
    expect(sourceOfSub()).toEqual({
      type: ['selfDeclaration'],
      description: 'Letter (fictional)',
      retrievedAt: '2024-04-01',
    });
  });

  it('reads the shapes of the official examples: latest statement wins, people skipped, unspecified parties and indirect interests undisclosed, closed records end', () => {
    const pub = {
      publicationDate: '2024-01-01',
      bodsVersion: '0.4',
      publisher: { name: 'Example register (fictional)' },
    };
    const st = (
      n: number,
      recordId: string,
      recordType: string,
      recordDetails: Record<string, unknown>,
      extra: Record<string, unknown> = {},
    ): Statement => ({
      statementId: `${String(n).padStart(32, '0')}`,
      statementDate: '2023-01-01',
      publicationDetails: pub,
      declarationSubject: 'e-co',
      recordId,
      recordType,
      recordStatus: 'new',
      recordDetails,
      source: { type: ['officialRegister'], description: 'Company register (fictional)' },
      ...extra,
    });
    const statements = [
      st(1, 'e-co', 'entity', {
        isComponent: false,
        entityType: { type: 'registeredEntity' },
        name: 'Old name (fictional)',
        jurisdiction: { name: 'France', code: 'FR' },
        identifiers: [{ scheme: 'XI-TEST', id: '123 456' }],
      }),
      st(
        2,
        'e-co',
        'entity',
        {
          isComponent: false,
          entityType: { type: 'registeredEntity' },
          name: 'Example Co (fictional)',
          jurisdiction: { name: 'France', code: 'FR' },
        },
        { statementDate: '2024-02-01', recordStatus: 'updated' },
      ),
      st(3, 'p-1', 'person', {
        isComponent: false,
        personType: 'knownPerson',
        names: [{ fullName: 'A person (fictional)' }],
      }),
      st(4, 'r-person', 'relationship', {
        isComponent: false,
        subject: 'e-co',
        interestedParty: 'p-1',
        interests: [{ type: 'shareholding', directOrIndirect: 'direct', beneficialOwnershipOrControl: true }],
      }),
      st(5, 'e-anon', 'entity', {
        isComponent: false,
        entityType: { type: 'anonymousEntity' },
        unspecifiedEntityDetails: { reason: 'subjectExemptFromDisclosure' },
      }),
      st(6, 'r-anon', 'relationship', {
        isComponent: false,
        subject: 'e-co',
        interestedParty: 'e-anon',
        interests: [
          { type: 'votingRights', directOrIndirect: 'direct', share: { exact: 20 }, startDate: '2020-05-01' },
        ],
      }),
      st(7, 'r-unspec', 'relationship', {
        isComponent: false,
        subject: 'e-co',
        interestedParty: { reason: 'interestedPartyHasNotProvidedInformation' },
        interests: [{ type: 'unknownInterest', directOrIndirect: 'unknown' }],
      }),
      st(8, 'e-hold', 'entity', {
        isComponent: false,
        entityType: { type: 'registeredEntity' },
        name: 'Holding (fictional)',
      }),
      st(9, 'r-indirect', 'relationship', {
        isComponent: false,
        subject: 'e-co',
        interestedParty: 'e-hold',
        interests: [{ type: 'shareholding', directOrIndirect: 'indirect', share: { minimum: 25, maximum: 50 } }],
      }),
      st(
        10,
        'r-closed',
        'relationship',
        {
          isComponent: false,
          subject: 'e-co',
          interestedParty: 'e-hold',
          interests: [{ type: 'boardMember', directOrIndirect: 'direct', startDate: '2019-01-01' }],
        },
        { statementDate: '2021-01-01' },
      ),
      st(
        11,
        'r-closed',
        'relationship',
        {
          isComponent: false,
          subject: 'e-co',
          interestedParty: 'e-hold',
          interests: [{ type: 'boardMember', directOrIndirect: 'direct', startDate: '2019-01-01' }],
        },
        { statementDate: '2022-03-15', recordStatus: 'closed' },
      ),
    ];
    const read = bodsToDataset(statements, { id: 'ex', name: 'Examples (fictional)' });
    expect(read.skippedPeople).toBe(1);
    expect(read.notes).toEqual([
      'relationship r-person: its interested party is a person; left out (this tool never models individuals)',
    ]);
    const v = valid(read.doc);
    const orgs = Object.fromEntries(v.organizations.map((o) => [o.id, o]));
    expect(orgs['e-co']).toMatchObject({ name: 'Example Co (fictional)', kind: 'other', country: 'FR' });
    expect(orgs['e-co']!.identifiers).toBeUndefined(); // the latest statement has none
    expect(orgs['e-anon']).toMatchObject({ kind: 'undisclosed', undisclosedReason: 'subjectExemptFromDisclosure' });
    expect(orgs['r-unspec-unspecified']).toMatchObject({
      kind: 'undisclosed',
      undisclosedReason: 'interestedPartyHasNotProvidedInformation',
    });
    expect(orgs['r-indirect-intermediate']).toMatchObject({ kind: 'undisclosed' });
    const links = Object.fromEntries(v.links.map((l) => [l.id, l]));
    expect(links['r-anon']).toMatchObject({
      from: 'e-co',
      to: 'e-anon',
      interests: ['votingRights'],
      shareMin: 20,
      shareMax: 20,
      since: '2020-05-01',
    });
    expect(links['r-unspec']).toMatchObject({ from: 'e-co', to: 'r-unspec-unspecified' });
    expect([links['r-indirect-1'], links['r-indirect-2']].map((l) => [l?.from, l?.to])).toEqual([
      ['e-co', 'r-indirect-intermediate'],
      ['r-indirect-intermediate', 'e-hold'],
    ]);
    expect(links['r-indirect']).toBeUndefined();
    expect(links['r-closed']).toMatchObject({ since: '2019-01-01', until: '2022-03-15' });
    expect(v.sources).toEqual([expect.objectContaining({ title: 'Company register (fictional)', type: 'registry' })]);
  });

  it('says when a share is not a percentage, and leaves it out', () => {
    const read = bodsToDataset(
      [
        {
          statementId: '0'.repeat(32),
          statementDate: '2024-01-01',
          recordId: 'e',
          recordType: 'entity',
          recordDetails: { isComponent: false, entityType: { type: 'registeredEntity' }, name: 'E (fictional)' },
        },
        {
          statementId: '1'.repeat(32),
          statementDate: '2024-01-01',
          recordId: 'f',
          recordType: 'entity',
          recordDetails: { isComponent: false, entityType: { type: 'registeredEntity' }, name: 'F (fictional)' },
        },
        {
          statementId: '2'.repeat(32),
          statementDate: '2024-01-01',
          recordId: 'r',
          recordType: 'relationship',
          recordDetails: {
            isComponent: false,
            subject: 'e',
            interestedParty: 'f',
            interests: [{ type: 'shareholding', share: { exact: 250 } }],
          },
        },
      ],
      { id: 'x', name: 'X' },
    );
    expect(read.notes).toEqual([
      'relationship r: share {"exact":250} is not a percentage from 0 to 100; the share is left out',
    ]);
    expect(valid(read.doc).links[0]).not.toHaveProperty('shareMin');
  });
});

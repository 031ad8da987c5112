import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../../tests/fixtures/minimal-dataset.js';
import { payDataset } from '../../tests/fixtures/pay-dataset.js';
import { FIXTURES } from '../fixtures.js';
import { isCountryCode, isPartialDate } from '../../format/partial-date.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/deep-labour-v1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
// The schema's two formats, as any reader of the published schema would register them (format/partial-date.ts).
ajv.addFormat('partial-date', isPartialDate);
ajv.addFormat('country-code', isCountryCode);
const validate = ajv.compile(schema);

describe('the published JSON Schema', () => {
  it.each(Object.entries(FIXTURES))('accepts the %s fixture', (_name, path) => {
    expect(validate(JSON.parse(readFileSync(path, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the validator rejects field by field', () => {
    const doc = minimalDataset();
    doc.workerPools[0].size = -1;
    doc.links[0].use = 'training';
    doc.links[1].since = '2020-13';
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(
      expect.arrayContaining(['/links/0', '/links/1/since', '/workerPools/0/size']),
    );
  });
});

describe('the published JSON Schema: pay', () => {
  it('accepts pay reports, wage references and exchange rates, and rejects a bad unit, currency and pace', () => {
    const doc = payDataset();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    doc.payReports[0].unit = 'fortnight';
    doc.wageReferences[0].currency = 'euro';
    doc.payReports[0].tasksPerHour = { min: 60 };
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/payReports/0/unit', '/wageReferences/0/currency', '/payReports/0/tasksPerHour']),
    );
  });
});

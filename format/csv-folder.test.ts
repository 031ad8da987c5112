import { describe, expect, it } from 'vitest';
import { CELL_SHAPES, CSV_COLUMNS, csvFiles, readCsvFiles, type CellShape } from './csv-folder.js';
import { SECTION_FIELDS, SECTIONS, sectionItemSchema, type Dataset } from './model.js';

/** A value of each cell shape, as the JSON document holds it. */
const SAMPLE: Record<CellShape, unknown> = {
  number: 42.5,
  boolean: true,
  range: { min: 20, max: 30 },
  list: ['one', 'two'],
  identifiers: [{ scheme: 'LEI', id: '529900T8BM49AURSDO55' }],
  json: { countries: ['FR'] },
  text: 'some text',
};

describe('the CSV folder', () => {
  it("has one column per field of the JSON Schema, in the schema's order", () => {
    for (const section of SECTIONS) {
      expect(CSV_COLUMNS[section]).toEqual(Object.keys(sectionItemSchema(section).properties ?? {}));
      expect(Object.keys(CELL_SHAPES[section])).toEqual(SECTION_FIELDS[section]);
    }
  });

  it('reads back every field of every section as it was written, whatever its type in the schema', () => {
    const dataset: Record<string, unknown> = { format: 'deep-labour/v1', id: 'round-trip', name: 'Round trip' };
    for (const section of SECTIONS)
      dataset[section] = [
        Object.fromEntries(Object.entries(CELL_SHAPES[section]).map(([field, shape]) => [field, SAMPLE[shape]])),
      ];
    const files = csvFiles(dataset as unknown as Dataset);
    const read = readCsvFiles((name) => files[name]);
    expect(read.problems).toEqual([]);
    for (const section of SECTIONS) expect(read.doc[section], section).toEqual(dataset[section]);
  });

  it('reads a number column as numbers: the shares of a CONTROLLED_BY link too', () => {
    const read = readCsvFiles(
      (name) =>
        ({
          'dataset.csv': 'format,id,name,description\ndeep-labour/v1,x,X,\n',
          'links.csv': 'type,from,to,shareMin,shareMax,interests\nCONTROLLED_BY,a,b,25,50,shareholding|voting-rights\n',
        })[name],
    );
    expect(read.doc.links).toEqual([
      {
        type: 'CONTROLLED_BY',
        from: 'a',
        to: 'b',
        shareMin: 25,
        shareMax: 50,
        interests: ['shareholding', 'voting-rights'],
      },
    ]);
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_SOURCE, minimalDataset } from '../../tests/fixtures/minimal-dataset.js';
import { payDataset } from '../../tests/fixtures/pay-dataset.js';
import { readCsvFolder, writeCsvFolder } from './csv-on-disk.js';
import { readDataset } from './read-dataset.js';
import { validateDataset } from '../../format/validate-dataset.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'deep-labour-csv-'));
}

describe('CSV folders', () => {
  it('write then read back to the same dataset', () => {
    const v = validateDataset(minimalDataset());
    if (!v.ok) throw new Error('fixture invalid');
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    const back = readDataset(dir);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.dataset).toEqual(v.dataset);
  });

  it("carry a source's locator and the entities' notes (commas, quotes, line breaks) and read them back", () => {
    const doc = minimalDataset();
    doc.sources[0].locator = 'section "Pay", paras 4-7';
    doc.organizations[0].note = 'It says, in « its words »: "we connect".\nA second line.';
    doc.workerPools[0].note = 'About 40 people | reported';
    doc.tasks[0].note = 'Paid by the piece, a few cents.';
    doc.aiProducts[0].note = 'Sold as automatic.';
    const v = validateDataset(doc);
    if (!v.ok) throw new Error('fixture invalid');
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    expect(readFileSync(join(dir, 'sources.csv'), 'utf8').split('\n')[0]).toContain('locator');
    const back = readDataset(dir);
    expect(back.ok ? back.dataset : back.problems).toEqual(v.dataset);
  });

  it("carry a source's retrieval date, archived copy and document hash and read them back", () => {
    const doc = minimalDataset();
    Object.assign(doc.sources[0], KEPT_SOURCE);
    const v = validateDataset(doc);
    if (!v.ok) throw new Error('fixture invalid');
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    expect(readFileSync(join(dir, 'sources.csv'), 'utf8').split('\n')[0]).toBe(
      'id,title,type,url,date,publisher,locator,retrievedOn,archiveUrl,documentSha256',
    );
    const back = readDataset(dir);
    expect(back.ok ? back.dataset.sources[0] : back.problems).toEqual({ ...v.dataset.sources[0], ...KEPT_SOURCE });
  });

  it('locate problems by file, line and column', () => {
    const v = validateDataset(minimalDataset());
    if (!v.ok) throw new Error('fixture invalid');
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    writeFileSync(
      join(dir, 'links.csv'),
      [
        'id,type,from,to,since,until,disclosedToWorkers,pricePerUnitEur,use,confidence,sources',
        ',CONTRACTED_BY,pool-1,org-a,2020,,,0.02,,,src-1',
        ',CONTRACTED_BY,pool-1,org-missing,2020,,,-1,,,src-1',
      ].join('\n'),
    );
    const read = readDataset(dir);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path).sort()).toEqual([
      'links.csv line 3, column pricePerUnitEur',
      'links.csv line 3, column to',
    ]);
  });

  it('report malformed CSV with its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dataset.csv'), 'format,name\ndeep-labour/v1,Broken\n');
    writeFileSync(join(dir, 'organizations.csv'), 'id,name,kind\norg-a,"Alpha,platform\norg-b,Beta,client\n');
    const read = readCsvFolder(dir);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.path).toMatch(/^organizations\.csv/);
  });

  it('report an unknown column and a bad params cell', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dataset.csv'), 'format,name\ndeep-labour/v1,Broken\n');
    writeFileSync(join(dir, 'organizations.csv'), 'id,name,kind,website\norg-a,Alpha,platform,x\n');
    writeFileSync(join(dir, 'claims.csv'), 'id,by,subject,kind,text,params\nc1,org-a,org-a,MIN_PAY,We pay,{not json\n');
    const read = readCsvFolder(dir);
    expect(read.problems.map((p) => p.path)).toEqual(['organizations.csv line 1', 'claims.csv line 2, column params']);
  });

  it('need a dataset.csv', () => {
    const read = readCsvFolder(tempDir());
    expect(read.problems.map((p) => p.path)).toEqual(['dataset.csv']);
  });
});

describe('CSV folders with hostile values', () => {
  it('neutralise formulas for spreadsheets and still read back to the same dataset, padded names and all', () => {
    const doc = minimalDataset();
    doc.organizations[0].name = '=HYPERLINK("http://evil.example","click")';
    doc.organizations[1].name = '  Padded Client  ';
    doc.workerPools[0].name = "'=already quoted";
    doc.tasks[0].name = '@SUM(1+1)';
    doc.aiProducts[0].name = '-2+3';
    doc.claims[0].text = '+cmd|" /C calc"!A0\nsecond line';
    const v = validateDataset(doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    const raw = readFileSync(join(dir, 'organizations.csv'), 'utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(readFileSync(join(dir, 'tasks.csv'), 'utf8')).toContain("'@SUM(1+1)");
    // No cell of any file starts with a formula character.
    for (const file of ['organizations', 'workerPools', 'tasks', 'aiProducts', 'claims']) {
      for (const cell of readFileSync(join(dir, `${file}.csv`), 'utf8').split(/[,\n]/))
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
    }
    const back = readDataset(dir);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.dataset).toEqual(v.dataset);
  });
});

describe('CSV folders with pay', () => {
  it('write pay reports, wage references and exchange rates (ranges as min-max) and read them back to the same dataset', () => {
    const v = validateDataset(payDataset());
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    expect(readFileSync(join(dir, 'payReports.csv'), 'utf8')).toContain(',60-120,');
    const back = readDataset(dir);
    expect(back.ok ? back.dataset : back.problems).toEqual(v.dataset);
  });

  it('write no pay files for a dataset without pay, and locate a bad range', () => {
    const v = validateDataset(minimalDataset());
    if (!v.ok) throw new Error('fixture invalid');
    const dir = tempDir();
    writeCsvFolder(v.dataset, dir);
    expect(existsSync(join(dir, 'payReports.csv'))).toBe(false);
    writeFileSync(
      join(dir, 'payReports.csv'),
      'id,pool,min,max,currency,unit,reportedBy,tasksPerHour\np1,pool-1,0.03,0.03,EUR,task,press,about sixty\n',
    );
    const read = readCsvFolder(dir);
    expect(read.problems.map((p) => p.path)).toEqual(['payReports.csv line 2, column tasksPerHour']);
  });
});

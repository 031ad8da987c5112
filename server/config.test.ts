import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('gives every default without any variable', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      port: 4000,
      queryTimeoutMs: 15_000,
      auditTimeoutMs: 120_000,
      introspection: true,
      loadFixtures: true,
      clientDir: 'dist/client',
    });
    expect(c.batchSize).toBeUndefined();
    expect(readConfig({ DEEP_LABOUR_BATCH_SIZE: '500' }).batchSize).toBe(500);
    expect(c.neo4j).toBeUndefined();
    expect(c.embedded).toMatchObject({ heap: '10g', pageCache: '1g', txStateOffHeap: '8g' });
  });

  it("sets the embedded store's global transaction cap to the longest timeout the server asks for", () => {
    expect(
      readConfig({ QUERY_TIMEOUT_MS: '90000', WRITE_TIMEOUT_MS: '5000', AUDIT_TIMEOUT_MS: '1000' }).embedded
        .txTimeoutMs,
    ).toBe(90_000);
    // The CLI's audit asks for its own, longer limit: the cap allows it.
    expect(
      readConfig({ QUERY_TIMEOUT_MS: '1000', WRITE_TIMEOUT_MS: '5000', AUDIT_TIMEOUT_MS: '300000' }).embedded
        .txTimeoutMs,
    ).toBe(300_000);
    expect(readConfig({ QUERY_TIMEOUT_MS: '1000', WRITE_TIMEOUT_MS: '7200000' }).embedded.txTimeoutMs).toBe(7_200_000);
  });

  it('reads a Neo4j server with its credentials', () => {
    expect(
      readConfig({ NEO4J_URI: ' neo4j+s://x.example ', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: '', NEO4J_DATABASE: 'db' })
        .neo4j,
    ).toEqual({ uri: 'neo4j+s://x.example', user: 'u', password: '', database: 'db' });
  });

  it.each([
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must start with bolt/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535, got "70000"/],
    ['QUERY_TIMEOUT_MS', 'soon', /QUERY_TIMEOUT_MS must be a whole number/],
    ['AUDIT_TIMEOUT_MS', 'later', /AUDIT_TIMEOUT_MS must be a whole number/],
    ['NEO4J_HEAP', 'lots', /NEO4J_HEAP must be a size such as 512m or 2g/],
    ['LOAD_FIXTURES', 'maybe', /LOAD_FIXTURES must be true or false/],
    ['DEEP_LABOUR_BATCH_SIZE', '0', /DEEP_LABOUR_BATCH_SIZE must be a whole number from 1/],
  ])('refuses %s=%s, naming the variable and what it must look like', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(message);
  });

  it('docs/configuration.md lists every variable the code reads', () => {
    const root = new URL('../', import.meta.url);
    const files = (dir: string): string[] =>
      readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(`${dir}${e.name}/`) : /\.(ts|tsx)$/.test(e.name) ? [`${dir}${e.name}`] : [],
      );
    const read = new Set<string>();
    for (const f of [
      ...files('server/'),
      ...files('tests/'),
      ...files('bench/'),
      ...files('scripts/'),
      ...files('client/'),
    ]) {
      const text = readFileSync(new URL(f, root), 'utf8');
      for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
      for (const m of text.matchAll(/\b(?:int|size|bool|text)\(env, '([A-Z][A-Z0-9_]+)'/g)) read.add(m[1]!);
    }
    const table = readFileSync(new URL('docs/configuration.md', root), 'utf8');
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect(table, `docs/configuration.md lists ${name}`).toContain(`\`${name}\``);
  });
});

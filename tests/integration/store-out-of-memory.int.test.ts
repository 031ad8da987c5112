// When the embedded Neo4j runs out of heap under a command (an import too big for NEO4J_HEAP), the command says so and
// what to do, rather than only that Neo4j is not reachable. Real Neo4j, on a store of its own with a small heap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { connectDatabase } from '../../server/db/index.js';
import { freePort } from '../support/free-port.js';

const scratch = mkdtempSync(join(tmpdir(), 'deep-labour-oom-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the embedded store running out of memory under a command (real Neo4j)', () => {
  it('says that it ran out of memory and which setting to raise', async () => {
    const config = readConfig({
      NEO4J_DATA_DIR: join(scratch, 'store'),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HEAP: '256m',
      NEO4J_PAGECACHE: '64m',
    });
    const said: string[] = [];
    const conn = await connectDatabase(config, (l) => said.push(l));
    try {
      // One list of 100 million integers: more than a 256 MB heap holds (a heap below 512 MB starts at its maximum).
      await expect(conn.db.read('test-hold-integers', { count: 100_000_000 })).rejects.toThrow();
      await conn.embedded!.exited;
      await expect
        .poll(() => said.join('\n'))
        .toMatch(/the embedded database stopped \(code \d+\): it ran out of memory/);
      expect(said.join('\n')).toContain('raise NEO4J_HEAP');
    } finally {
      await conn.close();
    }
  }, 300_000);
});

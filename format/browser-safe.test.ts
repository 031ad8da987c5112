import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every module of format/, as paths relative to this file. */
const modules = (dir: string): string[] =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modules(`${dir}${e.name}/`)
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [`${dir}${e.name}`]
        : [],
  );

describe('format/ in a browser', () => {
  it("every module loads without Node's Buffer, as the explorer's bundle must (csv-parse's Node build needs it at load)", async () => {
    const saved = globalThis.Buffer;
    // @ts-expect-error: taken away for this test, as a browser has none
    delete globalThis.Buffer;
    try {
      const found = modules('./');
      expect(found).toContain('./csv-folder.ts');
      for (const m of found) await expect(import(/* @vite-ignore */ m), m).resolves.toBeDefined();
    } finally {
      globalThis.Buffer = saved;
    }
  });
});

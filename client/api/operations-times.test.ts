// The explorer's operations keep the two times together: a field asked at the view's date is asked at its store moment too.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./operations/', import.meta.url);

describe("the explorer's operations", () => {
  it('send recordedAt to every field they send asOf to', () => {
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const asOf = text.match(/asOf: \$asOf/g)?.length ?? 0;
      const both = text.match(/asOf: \$asOf, recordedAt: \$recordedAt/g)?.length ?? 0;
      const declared = /\$asOf: Date, \$recordedAt: DateTime/.test(text);
      if (asOf !== both || (asOf > 0 && !declared)) missing.push(file);
    }
    expect(missing).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LedgerCheck } from './ledger-check.js';
import { canonicalHash, changeHash, ledgerHeadText } from './ledger-hash.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

/** A chain of n sealed changes as change-create and change-seal store them. */
function chain(n: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let prev: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const c: Record<string, unknown> = {
      id: `change-${seq}`,
      seq,
      at: `2026-12-04T12:0${seq}:00Z`,
      author: 'test',
      action: 'upsert',
      before: null,
      after: JSON.stringify({ id: 'ex-a', name: `A ${seq}` }),
      status: 'applied',
      ...(prev ? { prev } : {}),
    };
    c.hash = changeHash(c);
    prev = c.hash as string;
    out.push(c);
  }
  return out;
}

const run = (changes: Record<string, unknown>[], counter?: { seq: number | null; hash: string | null }) => {
  const check = new LedgerCheck();
  for (const c of changes) if (!check.add(c)) break;
  const last = changes.at(-1);
  return check.finish(counter ?? { seq: (last?.seq as number) ?? null, hash: (last?.hash as string) ?? null });
};

describe('the ledger hash', () => {
  it('is the SHA-256 of the RFC 8785 form: keys sorted, no white space', () => {
    expect(canonicalHash({ b: 1, a: [true, 'x'] })).toBe(sha('{"a":[true,"x"],"b":1}'));
  });

  it("covers the change's content and prev, not its later review nor absent fields", () => {
    const [c] = chain(1);
    expect(changeHash({ ...c, status: 'reverted', reviewedBy: 'x', settledBy: 'change-9' })).toBe(c!.hash);
    expect(changeHash({ ...c, revertOf: null })).toBe(c!.hash);
    expect(changeHash({ ...c, author: 'someone else' })).not.toBe(c!.hash);
    expect(changeHash({ ...c, prev: 'ab' })).not.toBe(c!.hash);
  });
});

describe("the ledger's head in a report", () => {
  it('names the change and its hash, or says no change is sealed yet', () => {
    expect(ledgerHeadText({ seq: 7, hash: 'ab'.repeat(32) })).toBe(
      `evidence as of change 7, ledger hash ${'ab'.repeat(32)}`,
    );
    expect(ledgerHeadText(null)).toBe('evidence before any sealed change');
  });
});

describe('the ledger check', () => {
  it('passes an intact chain and names its head', () => {
    const changes = chain(4);
    expect(run(changes)).toEqual({
      changes: 4,
      beforeLedger: 0,
      head: { seq: 4, hash: changes[3]!.hash },
      broken: null,
    });
  });

  it('names the first change whose content was altered', () => {
    const changes = chain(4);
    changes[1]!.author = 'someone else';
    expect(run(changes).broken).toMatchObject({ seq: 2, action: 'upsert', why: 'its content does not match its hash' });
  });

  it('names the change after one that was altered and re-hashed, or deleted', () => {
    const altered = chain(4);
    altered[1]!.author = 'someone else';
    altered[1]!.hash = changeHash(altered[1]!);
    expect(run(altered).broken?.seq).toBe(3);
    const deleted = chain(4);
    deleted.splice(1, 1);
    expect(run(deleted).broken?.seq).toBe(3);
  });

  it('finds the last changes deleted by the head the counter keeps', () => {
    const changes = chain(4);
    const head = { seq: 4, hash: changes[3]!.hash as string };
    expect(run(changes.slice(0, 3), head).broken?.why).toContain('the changes end at change 3');
  });

  it('counts the changes of a store older than the ledger, and refuses a hash taken off later', () => {
    const old: Record<string, unknown>[] = [
      { seq: 1, action: 'import', at: 't' },
      { seq: 2, action: 'upsert', at: 't' },
    ];
    const sealed: Record<string, unknown>[] = chain(2).map((c) => ({ ...c, seq: (c.seq as number) + 2 }));
    // The first sealed change has no prev, as in a store upgraded to the ledger; its hash stays the one computed.
    for (const c of sealed) c.hash = changeHash(c);
    sealed[1]!.prev = sealed[0]!.hash;
    sealed[1]!.hash = changeHash(sealed[1]!);
    const report = run([...old, ...sealed]);
    expect(report).toMatchObject({ changes: 4, beforeLedger: 2, broken: null, head: { seq: 4 } });
    const stripped = [...old, { ...sealed[0]!, hash: undefined }, sealed[1]!];
    expect(run(stripped).broken?.seq).toBe(4);
  });
});

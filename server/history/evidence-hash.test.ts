import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_DIGEST, hashValue, linkHash, moveDigest, moveDigestBy, recordHash } from './evidence-hash.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

describe("an element's content hash", () => {
  it('is the SHA-256 of the RFC 8785 form of a record: labels sorted, properties without h and nulls', () => {
    const h = recordHash(['Organization', 'Record', 'Entity'], { name: 'Nexa', id: 'ex-nexa', h: 'old', note: null });
    expect(h).toBe(
      sha(
        '{"element":"record","labels":["Entity","Organization","Record"],"properties":{"id":"ex-nexa","name":"Nexa"}}',
      ),
    );
  });

  it('covers every property but h, datasets included, and the kind', () => {
    const base = recordHash(['Record', 'Source'], { id: 's', datasets: ['a'], year: 2020 });
    expect(recordHash(['Record', 'Source'], { id: 's', datasets: ['a'], year: 2020, h: base })).toBe(base);
    expect(recordHash(['Record', 'Source'], { id: 's', datasets: ['a', 'b'], year: 2020 })).not.toBe(base);
    expect(recordHash(['Record', 'Source'], { id: 's', datasets: ['a'], year: 2021 })).not.toBe(base);
    expect(recordHash(['Record', 'Claim'], { id: 's', datasets: ['a'], year: 2020 })).not.toBe(base);
  });

  it('is the same for a number written as a float and read back, and for key order', () => {
    expect(recordHash(['Record'], { share: 3.0, id: 'x' })).toBe(recordHash(['Record'], { id: 'x', share: 3 }));
  });

  it('of a link covers its type, its ends and its properties', () => {
    const h = linkHash('FEEDS', 'a', 'b', { id: 'l', share: 0.5 });
    expect(h).toBe(sha('{"element":"link","from":"a","properties":{"id":"l","share":0.5},"to":"b","type":"FEEDS"}'));
    expect(linkHash('FEEDS', 'b', 'a', { id: 'l', share: 0.5 })).not.toBe(h);
    expect(linkHash('PART_OF', 'a', 'b', { id: 'l', share: 0.5 })).not.toBe(h);
    expect(linkHash('FEEDS', 'a', 'b', { id: 'l', share: 0.25 })).not.toBe(h);
  });
});

describe('the evidence digest', () => {
  const a = sha('a');
  const b = sha('b');
  it('adds and retires hashes in any order, modulo 2^256', () => {
    const ab = moveDigest(null, [a, b], []);
    expect(moveDigest(moveDigest(null, [b], []), [a], [])).toBe(ab);
    expect(moveDigest(ab, [], [a, b])).toBe(EMPTY_DIGEST);
    expect(moveDigest(null, [], [a])).toMatch(/^[0-9a-f]{64}$/);
    expect(moveDigest(moveDigest(null, [], [a]), [a], [])).toBe(EMPTY_DIGEST);
    const max = 'f'.repeat(64);
    expect(moveDigest(max, ['0'.repeat(63) + '1'], [])).toBe(EMPTY_DIGEST);
  });

  it("moves by running sums exactly as by each element's h, one at a time (a write keeps sums, not every h)", () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(fc.option(hex, { nil: null }), fc.array(hex), fc.array(hex), (digest, added, retired) => {
        let oneByOne = digest;
        for (const h of added) oneByOne = moveDigest(oneByOne, [h], []);
        for (const h of retired) oneByOne = moveDigest(oneByOne, [], [h]);
        const sum = (hs: string[]) => hs.reduce((s, h) => s + hashValue(h), 0n);
        expect(moveDigestBy(digest, sum(added), sum(retired))).toBe(oneByOne ?? EMPTY_DIGEST);
      }),
    );
  });
});

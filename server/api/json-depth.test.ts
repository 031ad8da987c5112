import { describe, expect, it } from 'vitest';
import { jsonDepthOver } from './json-depth.js';

const over = (text: string, limit: number) => jsonDepthOver(Buffer.from(text, 'utf8'), limit);

describe('jsonDepthOver', () => {
  it('counts arrays and objects together, and stops at the first depth over the limit', () => {
    expect(over('{"a":[{"b":[1]}]}', 4)).toBeNull();
    expect(over('{"a":[{"b":[1]}]}', 3)).toBe(4);
    expect(over(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 64)).toBe(65);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(over(JSON.stringify({ t: '[[[[{{{{', u: 'say \\"[[[[\\" twice', v: '\\\\' }), 1)).toBeNull();
    expect(over('["\\"[[[[", [[1]]]', 2)).toBe(3);
  });

  it('counts what a multi-byte text holds by its bytes, not its characters', () => {
    expect(over(JSON.stringify({ name: 'Антананариву [[[ 東京 ]]]', list: [['é']] }), 3)).toBeNull();
  });
});

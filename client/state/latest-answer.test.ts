import { describe, expect, it } from 'vitest';
import { latestAnswer } from './latest-answer.js';

/** A request the test answers when it chooses. */
function deferred<T>(): { promise: Promise<T>; answer: (v: T) => void } {
  let answer!: (v: T) => void;
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

describe('latestAnswer', () => {
  it('marks an answer late when a newer request was asked, whatever order the answers come in', async () => {
    const ask = latestAnswer();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = ask(first.promise);
    const b = ask(second.promise);
    second.answer('new');
    first.answer('old');
    expect(await b).toEqual({ value: 'new', latest: true });
    expect(await a).toEqual({ value: 'old', latest: false });
  });
  it('keeps each ask apart and passes failures on', async () => {
    const one = latestAnswer();
    const other = latestAnswer();
    const x = one(Promise.resolve(1));
    const y = other(Promise.resolve(2));
    expect([await x, await y]).toEqual([
      { value: 1, latest: true },
      { value: 2, latest: true },
    ]);
    await expect(one(Promise.reject(new Error('down')))).rejects.toThrow('down');
  });
});

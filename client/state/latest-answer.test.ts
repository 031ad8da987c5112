import { describe, expect, it } from 'vitest';
import { latestAnswerFor } from './latest-answer.js';

/** A request the test answers when it chooses. */
function deferred<T>(): { promise: Promise<T>; answer: (v: T) => void } {
  let answer!: (v: T) => void;
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

describe('latestAnswerFor', () => {
  it('counts an answer only while its key is the wanted one', async () => {
    let wanted = 'A';
    const ask = latestAnswerFor(() => wanted);
    const a = deferred<string>();
    const b = deferred<string>();
    const forA = ask(a.promise, 'A');
    wanted = 'B';
    const forB = ask(b.promise, 'B');
    a.answer('A details');
    expect(await forA).toEqual({ value: 'A details', latest: false });
    b.answer('B details');
    expect(await forB).toEqual({ value: 'B details', latest: true });
  });
  it('drops an earlier answer for the same key once a later one has counted', async () => {
    const ask = latestAnswerFor(() => 'A');
    const first = deferred<number>();
    const second = deferred<number>();
    const one = ask(first.promise, 'A');
    const two = ask(second.promise, 'A');
    second.answer(2);
    expect(await two).toEqual({ value: 2, latest: true });
    first.answer(1);
    expect(await one).toEqual({ value: 1, latest: false });
  });
  it('lets an earlier answer count while the later one is still on its way', async () => {
    const ask = latestAnswerFor(() => 'A');
    const first = deferred<number>();
    const second = deferred<number>();
    const one = ask(first.promise, 'A');
    const two = ask(second.promise, 'A');
    first.answer(1);
    expect(await one).toEqual({ value: 1, latest: true });
    second.answer(2);
    expect(await two).toEqual({ value: 2, latest: true });
  });
  it('keeps each ask apart and passes failures on', async () => {
    const one = latestAnswerFor(() => 'A');
    const other = latestAnswerFor(() => 'A');
    const x = one(Promise.resolve(1), 'A');
    const y = other(Promise.resolve(2), 'A');
    expect([await x, await y]).toEqual([
      { value: 1, latest: true },
      { value: 2, latest: true },
    ]);
    await expect(one(Promise.reject(new Error('down')), 'A')).rejects.toThrow('down');
  });
});

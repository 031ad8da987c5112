// The explorer's one way to drop late answers. The rule: an answer counts only if it is for what the screen wants when
// it arrives (its key still equals the wanted key) and no later-asked request has already counted. Pure; it does not
// abort the superseded fetch (graphql() takes no signal, and a late answer is cheap to drop).

export interface Answer<T> {
  value: T;
  /** False when the answer is late (the screen wants something else now, or a newer one counted): it must change nothing. */
  latest: boolean;
}

/** Returns `ask(request, key)`: it awaits a request and says whether its answer counts under the rule above. */
export function latestAnswerFor<K>(wanted: () => K): <T>(request: Promise<T>, key: K) => Promise<Answer<T>> {
  let asked = 0;
  let counted = 0;
  return async <T>(request: Promise<T>, key: K): Promise<Answer<T>> => {
    const ticket = ++asked;
    const value = await request;
    const latest = ticket > counted && Object.is(wanted(), key);
    if (latest) counted = ticket;
    return { value, latest };
  };
}

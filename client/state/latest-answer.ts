// The explorer's one way to drop late answers: of the requests asked through one `latestAnswer()`, only the newest one's answer counts. Pure.

export interface Answer<T> {
  value: T;
  /** False when a newer request was asked meanwhile: this answer is late and must change nothing. */
  latest: boolean;
}

/** Returns `ask`: it awaits a request and says whether it is still the newest one asked through this `ask`. */
export function latestAnswer(): <T>(request: Promise<T>) => Promise<Answer<T>> {
  let asked = 0;
  return async <T>(request: Promise<T>): Promise<Answer<T>> => {
    const ticket = ++asked;
    const value = await request;
    return { value, latest: ticket === asked };
  };
}

// Sends GraphQL to the server (with the tab's token when signed in); every failure becomes an ApiError with a code and a message for people.
import { sessionToken } from './session.js';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  /** `problems`: the fields an edit got wrong, by path (`link.until`), when the server names them. */
  constructor(
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  endpoint = '/graphql',
  token: string | null = sessionToken(),
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server does not answer. Is `npm start` still running?');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string; problems?: FieldProblem[] } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      `The server answered ${res.status} without JSON. Reload the page; if it persists, check the server's log.`,
    );
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'UNKNOWN', first.message, first.extensions?.problems ?? []);
  if (!body.data) throw new ApiError('BAD_RESPONSE', 'The server answered without data.');
  return body.data;
}

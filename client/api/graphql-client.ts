// Sends GraphQL to the server; every failure becomes an ApiError with a code and a message for people.
export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, endpoint = '/graphql'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server does not answer. Is `npm start` still running?');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `The server answered ${res.status} without JSON. Reload the page; if it persists, check the server's log.`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'UNKNOWN', first.message);
  if (!body.data) throw new ApiError('BAD_RESPONSE', 'The server answered without data.');
  return body.data;
}

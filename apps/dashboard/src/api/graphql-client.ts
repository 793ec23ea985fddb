import { noteHistoryMark } from './history-mark';

/** A refusal or failure from /graphql, with the API's stable code (FORBIDDEN, CONFLICT, …). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/**
 * Posts one operation to this origin's /graphql with the bearer token, as any API client does;
 * the dashboard has no other way in. Any error in the answer rejects with the first one. Whether
 * the answer is marked as resting on a history that does not verify is noted for the banner.
 */
export async function requestGraphQL<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphQLRequestError('The tracker could not be reached. Check the connection and try again.', 'NETWORK');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new GraphQLRequestError(`The tracker answered ${response.status} without a readable body.`, 'BAD_RESPONSE');
  }
  // A refusal before GraphQL ran (too many requests, a body too large) carries no mark either way:
  // only an answer GraphQL executed says whether the history verifies.
  if (response.ok || body.data !== undefined) noteHistoryMark(body.extensions);
  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    throw new GraphQLRequestError(first.message, String(extensions.code ?? 'INTERNAL_SERVER_ERROR'), extensions);
  }
  if (!body.data) throw new GraphQLRequestError(`The tracker answered ${response.status} with no data.`, 'BAD_RESPONSE');
  return body.data;
}

import { GraphQLRequestError } from './graphql-client';

/** The plain HTTP routes (uploads, downloads) answer refusals in the GraphQL error shape; this reads them the same way. */
export async function refusal(response: Response): Promise<GraphQLRequestError> {
  try {
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    const first = body.errors?.[0];
    if (first) return new GraphQLRequestError(first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.extensions ?? {});
  } catch {
    // fall through to a generic message
  }
  return new GraphQLRequestError(`The tracker answered ${response.status} without a readable body.`, 'BAD_RESPONSE');
}

export async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    throw new GraphQLRequestError('The tracker could not be reached. Check the connection and try again.', 'NETWORK');
  }
}

import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { DocumentNode, Kind, OperationDefinitionNode } from 'graphql';
import { errorOutcome, ObservedRequest, recordErrors } from '../errors/request-outcome';

type Context = { req?: ObservedRequest };

/** Names are GraphQL names, but one could be as long as the body allows; a log line needs no more than this. */
const MAX_NAME_LENGTH = 100;

/**
 * Tells the request log which operation a request ran and with what outcome: GraphQL answers 200
 * with the errors in the body, so only Apollo knows. It reads codes and paths, never variables.
 */
export function operationOutcomePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext: GraphQLRequestContext<Context>) {
          const req = requestContext.contextValue.req;
          if (!req) return;
          const operation = requestContext.operation ?? operationIn(requestContext.document, requestContext.request.operationName);
          req.graphql = {
            operationName: (operation?.name?.value ?? requestContext.operationName ?? undefined)?.slice(0, MAX_NAME_LENGTH),
            operationType: operation?.operation,
          };
          const body = requestContext.response.body;
          // This server sends no incremental (@defer) answers: every answer is a single result.
          const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
          if (errors?.length) recordErrors(req, errors.map((e) => errorOutcome(e.extensions, e.path)));
        },
      };
    },
  };
}

/** The operation a document would run, when it did not get as far as Apollo resolving it (a validation refusal). */
function operationIn(document: DocumentNode | undefined, name: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors/error-codes';

export interface RootFieldLimits {
  /** Root fields of one operation, each alias counted. */
  maxRootFields: number;
  /** Root fields of one mutation operation: each is a command, run one after another. */
  maxMutations: number;
}

/**
 * Refuses an operation with too many root fields before it executes. The cost rule prices what
 * each field reads; this caps how many separate things one request may ask for at all, however
 * cheap each looks, and how many commands one request may run (each appends events and waits
 * for the read models).
 */
export function rootFieldLimitPlugin(limits: RootFieldLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          const count = rootFieldCount(operation, fragments);
          if (operation.operation === 'mutation' && count > limits.maxMutations) {
            throw refusal(`The request runs ${count} mutations; at most ${limits.maxMutations} are allowed in one. Send them as separate requests.`, ErrorCode.TooManyMutations, count, limits.maxMutations);
          }
          if (count > limits.maxRootFields) {
            throw refusal(`The request asks for ${count} root fields (aliases count each); at most ${limits.maxRootFields} are allowed in one.`, ErrorCode.TooManyRootFields, count, limits.maxRootFields);
          }
        },
      };
    },
  };
}

const refusal = (message: string, code: string, count: number, max: number) => new GraphQLError(message, { extensions: { code, count, max, http: { status: 400 } } });

/**
 * Root fields that will run: distinct response names (a field repeated under one name runs once),
 * looking through fragments (validation has already refused cycles and unknown ones).
 */
function rootFieldCount(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): number {
  const names = new Set<string>();
  // Each fragment is looked into once: spreading one twice adds no field, and repeated spreads nest exponentially.
  const seen = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add((selection.alias ?? selection.name).value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return names.size;
}

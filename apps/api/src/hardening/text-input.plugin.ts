import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { normalText, textViolation } from './text-rule';

/**
 * No input the API takes nests deeper than a handful of levels (an action with its milestones
 * is four); the walk stops well before anything could exhaust the stack or the event loop.
 */
export const MAX_VARIABLE_DEPTH = 32;

interface Refusal {
  field: string;
  rule: string;
  message: string;
}

type Container = Record<string, unknown> | unknown[];

/**
 * Walks the variables without recursion (a 5,000-level JSON value must not overflow the stack),
 * composing every string to NFC in place: Apollo executes with these same `request.variables`,
 * so resolvers, events and read models all see the composed text.
 */
function checkVariables(variables: Record<string, unknown>): Refusal | undefined {
  const pending: { container: Container; depth: number; path: string }[] = [{ container: variables, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { container, depth, path } = pending.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(container) ? [...container.entries()] : Object.entries(container);
    for (const [key, value] of entries) {
      const at = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (typeof value === 'string') {
        const violation = textViolation(value);
        if (violation) return { field: at, ...violation };
        const composed = normalText(value);
        if (composed !== value && key !== '__proto__') (container as Record<string | number, unknown>)[key] = composed;
      } else if (value !== null && typeof value === 'object') {
        if (depth + 1 > MAX_VARIABLE_DEPTH) {
          return { field: at, rule: 'maxDepth', message: `nests deeper than ${MAX_VARIABLE_DEPTH} levels; no input of this API is that deep` };
        }
        pending.push({ container: value as Container, depth: depth + 1, path: at });
      }
    }
  }
  return undefined;
}

/** The argument, input field or variable a string literal belongs to; graphql-js passes the parent apart from the other ancestors. */
function fieldOf(parent: ASTNode | readonly ASTNode[] | undefined, ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const chain = parent === undefined ? ancestors : [...ancestors, parent];
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (Array.isArray(node)) continue;
    const n = node as ASTNode;
    if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) return n.name.value;
    if (n.kind === Kind.VARIABLE_DEFINITION) return n.variable.name.value;
  }
  return 'query';
}

/**
 * String literals in the document (lists and defaults included) pass the same rule. They are not
 * rewritten (the parsed document is cached and shared between requests), so one that is not
 * composed is refused instead; clients that send text in variables never meet this.
 */
function checkDocument(document: DocumentNode): Refusal | undefined {
  let found: Refusal | undefined;
  visit(document, {
    [Kind.STRING](node, _key, parent, _path, ancestors) {
      if (found) return;
      const violation = textViolation(node.value);
      if (violation) found = { field: fieldOf(parent, ancestors), ...violation };
      else if (normalText(node.value) !== node.value) {
        found = { field: fieldOf(parent, ancestors), rule: 'isNfc', message: 'is not in Unicode normal form C (composed); send the text composed, or in a variable, where it is composed for you' };
      }
    },
  });
  return found;
}

/**
 * The API's one text-input rule, applied before anything runs: every string in the variables
 * and in the document is well-formed Unicode, free of control and bidirectional control
 * characters, and composed (NFC); variables deeper than any input are refused.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const refusal = checkVariables(request.variables ?? {}) ?? checkDocument(document);
          if (refusal === undefined) return;
          throw new GraphQLError(`${refusal.field} ${refusal.message}`, {
            extensions: { code: 'BAD_USER_INPUT', validationErrors: [refusal], http: { status: 400 } },
          });
        },
      };
    },
  };
}

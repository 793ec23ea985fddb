import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';

/**
 * C0 control characters other than tab, line feed and carriage return. They have no place in a
 * commentary or a title, PostgreSQL refuses NUL in text outright (a stored one would stop the
 * projections), and others corrupt CSV and printed reports.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function firstInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstInValue(item, `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstInValue(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

function firstInDocument(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (!found && node.value.kind === Kind.STRING && CONTROL.test(node.value.value)) found = node.name.value;
    },
    [Kind.OBJECT_FIELD](node) {
      if (!found && node.value.kind === Kind.STRING && CONTROL.test(node.value.value)) found = node.name.value;
    },
  });
  return found;
}

/** Refuses any operation carrying a control character in a variable or a string literal, before it runs. */
export function controlCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = firstInValue(request.variables ?? {}, '') ?? firstInDocument(document);
          if (field === undefined) return;
          throw new GraphQLError(`${field} contains a control character; only tab and line breaks are allowed in text`, {
            extensions: { code: 'BAD_USER_INPUT', validationErrors: [{ field, rule: 'noControlCharacters', message: 'Control characters are not allowed' }], http: { status: 400 } },
          });
        },
      };
    },
  };
}

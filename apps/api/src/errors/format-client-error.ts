import { GraphQLFormattedError } from 'graphql';

/** graphql-js ends a message with its suggestion: `… Did you mean "addAction"?`, `… Did you mean the enum value "RED"?`. */
const SUGGESTION = / ?Did you mean .*$/s;

/**
 * In production the schema is not advertised, so errors must not advertise it either: graphql-js
 * suggests field, argument, type and enum names close to what was sent, which lets anyone
 * without a token spell out the schema. Apollo's hideSchemaDetailsFromClientErrors only touches
 * validation errors; this also covers variables refused while they are coerced.
 */
export function formatClientError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError =>
    production && SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}

import { EnumOptions, registerEnumType } from '@nestjs/graphql';

/** `{ RED: 'RED', … }`: each value its own name, as GraphQL serves an enum. */
export type EnumOf<V extends string> = { readonly [K in V]: K };

/**
 * Registers a GraphQL enum whose values are a list the domain or a read model already exports, so
 * the schema cannot drift from the rules that check the values and no cast bridges two copies:
 * `Rag.RED` is the domain's `'RED'`. A TypeScript `enum` would be a second declaration.
 */
export function graphqlEnum<const V extends string>(values: readonly V[], options: EnumOptions<EnumOf<V>>): EnumOf<V> {
  const members = Object.fromEntries(values.map((value) => [value, value])) as EnumOf<V>;
  registerEnumType(members, options);
  return members;
}

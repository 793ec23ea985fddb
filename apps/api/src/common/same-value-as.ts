import { FieldMiddleware } from '@nestjs/graphql';

/**
 * The new name of a renamed output field answers the value its model keeps under the old name,
 * so no reader or mapper has to fill both while the old name is deprecated.
 */
export const sameValueAs =
  (modelProperty: string): FieldMiddleware =>
  ({ source }) =>
    (source as Record<string, unknown>)[modelProperty] ?? null;

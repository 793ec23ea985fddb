import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseAsAt } from '@send/read-models';

/** A calendar date (YYYY-MM-DD, meaning the end of that day) or an ISO 8601 instant with its zone. */
export function IsAsAt(options?: ValidationOptions, { orNow = false } = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAsAt',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date (YYYY-MM-DD)${orNow ? ', "now"' : ''} or an instant with its zone (e.g. 2026-03-31T17:00:00Z)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && ((orNow && value === 'now') || parseAsAt(value) !== undefined) },
    });
}

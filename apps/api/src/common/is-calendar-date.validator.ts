import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@send/domain';

/** A real calendar day written YYYY-MM-DD; 2025-02-30 fails. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real calendar date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Refuses this field when `other` is given too: for an old name kept beside its new one, where
 * taking either silently would hide which value the client meant.
 */
export function IsNotGivenWith(other: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notGivenWith',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `Give ${other} or ${propertyName}, not both (${propertyName} is the deprecated name of ${other})`, ...options },
      validator: {
        validate: (value: unknown, args) => value == null || (args?.object as Record<string, unknown>)[other] == null,
      },
    });
}

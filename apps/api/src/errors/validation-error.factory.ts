import { ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Turns class-validator's findings into one BAD_USER_INPUT error naming each field and rule. */
export function validationErrorFactory(errors: ValidationError[]): GraphQLError {
  const violations = flatten(errors);
  const described = violations.map((v) => `${v.field}: ${v.message} (rule ${v.rule})`).join('; ');
  return new GraphQLError(`Invalid input. ${described}`, {
    extensions: { code: ErrorCode.BadUserInput, validationErrors: violations },
  });
}

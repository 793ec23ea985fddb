import { useState } from 'react';
import type { GraphQLRequestError } from '../api/graphql-client';
import { FieldMap, FormError, formErrorsFrom } from './field-errors';

export interface FormErrors {
  /** What is wrong with the fields, for the error summary and beside each field. */
  errors: FormError[];
  /** A refusal that names no field (FORBIDDEN, CONFLICT, …), shown as a message of its own. */
  refusal?: GraphQLRequestError;
  /** The form's own checks before sending: an empty list clears what was shown. */
  found(errors: FormError[]): void;
  /** The API's refusal, put against the fields it names. */
  refused(error: GraphQLRequestError): void;
}

/** A change form's errors: its own checks first, then the API's, shown the same GOV.UK way. */
export function useFormErrors(fields: FieldMap, formTargetId: string): FormErrors {
  const [state, setState] = useState<{ errors: FormError[]; refusal?: GraphQLRequestError }>({ errors: [] });
  return {
    ...state,
    found: (errors) => setState({ errors }),
    refused(error) {
      const errors = formErrorsFrom(error, fields, formTargetId);
      setState(errors.length > 0 ? { errors } : { errors, refusal: error });
    },
  };
}

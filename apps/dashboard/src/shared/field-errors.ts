import type { GraphQLRequestError } from '../api/graphql-client';
import type { DatePart } from './date-parts';

/** One problem with one field, as the API names it: `input.commentary` is `commentary`. */
export interface ApiFieldError {
  field: string;
  rule?: string;
  message: string;
}

/**
 * The fields a refusal names. Input validation answers BAD_USER_INPUT with `validationErrors`
 * (one per field and rule); the domain answers with a single `field` and `rule` and the message.
 */
export function apiFieldErrors(error: GraphQLRequestError): ApiFieldError[] {
  const listed = error.extensions.validationErrors;
  if (Array.isArray(listed)) {
    return listed
      .filter((v): v is ApiFieldError => typeof v?.field === 'string' && typeof v?.message === 'string')
      .map((v) => ({ field: v.field.replace(/^input\./, ''), rule: v.rule, message: v.message }));
  }
  const { field, rule } = error.extensions;
  if (typeof field === 'string') return [{ field: field.replace(/^input\./, ''), rule: typeof rule === 'string' ? rule : undefined, message: error.message }];
  return [];
}

/** A problem to show on the form: the box it links to and what to do about it. */
export interface FormError {
  /** The field's key in the form (its API name where the API has one). */
  field: string;
  /** The id of the control the error summary links to. */
  targetId: string;
  message: string;
  /** For a date: which of its boxes are wrong (all three when the API refused the date). */
  parts?: DatePart[];
}

/** How a form shows the API's fields: the control each is typed in, and plainer words for known rules. */
export type FieldMap = Record<string, { targetId: string; messages?: Record<string, string> }>;

/** The API's field errors in the form's own words; a field the form does not show keeps the API's message and links to the form. */
export function formErrorsFrom(error: GraphQLRequestError, fields: FieldMap, formTargetId: string): FormError[] {
  return apiFieldErrors(error).map((e) => {
    const known = fields[e.field];
    const message = (e.rule && known?.messages?.[e.rule]) || e.message;
    return { field: e.field, targetId: known?.targetId ?? formTargetId, message };
  });
}

/** The error shown next to one field, if any. */
export const errorFor = (errors: FormError[], field: string): string | undefined => errors.find((e) => e.field === field)?.message;

/** The error shown on a date's boxes, if any. */
export function dateErrorFor(errors: FormError[], field: string): { message: string; parts: DatePart[] } | undefined {
  const found = errors.find((e) => e.field === field);
  return found && { message: found.message, parts: found.parts ?? ['day', 'month', 'year'] };
}

/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { GraphQLRequestError } from '../api/graphql-client';
import { apiFieldErrors, formErrorsFrom } from './field-errors';

const badInput = (message: string, extensions: Record<string, unknown>) => new GraphQLRequestError(message, 'BAD_USER_INPUT', { code: 'BAD_USER_INPUT', ...extensions });

describe("the API's field refusals on a form", () => {
  it('reads input validation (one entry per field and rule) and the domain (one field and rule)', () => {
    const validation = badInput('Invalid input. title: title should not be empty (rule isNotEmpty)', {
      validationErrors: [{ field: 'title', rule: 'isNotEmpty', message: 'title should not be empty' }, { field: 'input.link', rule: 'maxLength', message: 'too long' }],
    });
    expect(apiFieldErrors(validation)).toEqual([
      { field: 'title', rule: 'isNotEmpty', message: 'title should not be empty' },
      { field: 'link', rule: 'maxLength', message: 'too long' },
    ]);
    const domain = badInput('asAt must not be after today (2026-06-15)', { field: 'asAt', rule: 'notInFuture' });
    expect(apiFieldErrors(domain)).toEqual([{ field: 'asAt', rule: 'notInFuture', message: 'asAt must not be after today (2026-06-15)' }]);
  });

  it('names no field for a refusal that is not about one', () => {
    expect(apiFieldErrors(new GraphQLRequestError('Someone changed it', 'CONFLICT', { code: 'CONFLICT' }))).toEqual([]);
  });

  it("says it in the form's words where it knows the rule, and links an unknown field to the form", () => {
    const fields = { asAt: { targetId: 'as-at-day', messages: { notInFuture: 'The as at date must be today or in the past' } } };
    const error = badInput('Invalid input.', {
      validationErrors: [
        { field: 'asAt', rule: 'notInFuture', message: 'asAt is in the future' },
        { field: 'asAt', rule: 'isCalendarDate', message: 'asAt is not a date' },
        { field: 'submittedBy', rule: 'maxLength', message: 'submittedBy is too long' },
      ],
    });
    expect(formErrorsFrom(error, fields, 'the-form')).toEqual([
      { field: 'asAt', targetId: 'as-at-day', message: 'The as at date must be today or in the past' },
      { field: 'asAt', targetId: 'as-at-day', message: 'asAt is not a date' },
      { field: 'submittedBy', targetId: 'the-form', message: 'submittedBy is too long' },
    ]);
  });
});

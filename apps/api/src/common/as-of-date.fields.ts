import { Field } from '@nestjs/graphql';
import { DomainError } from '@send/domain';
import { IsDefined, IsOptional, ValidateIf } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.validator';
import { IsNotGivenWith } from './not-given-with.validator';
import { AS_OF_DATE_DEPRECATED } from './which-time';

type FieldDecorator = (target: object, propertyName: string) => void;
const allOf =
  (...decorators: FieldDecorator[]): FieldDecorator =>
  (target, propertyName) =>
    decorators.forEach((decorate) => decorate(target, propertyName));

/** An input that names the business date it describes, by `asOfDate` or its deprecated old name. */
export interface DatedInput {
  readonly asOfDate?: string | null;
  readonly asAt?: string | null;
}

/**
 * `asOfDate`: required unless the deprecated `asAt` is given instead. GraphQL cannot deprecate a
 * required input field, so both are nullable and this rule keeps one of them required.
 */
export const AsOfDateField = (description: string) =>
  allOf(
    Field(() => String, { nullable: true, description: `${description} Required (or its deprecated old name asAt).` }),
    ValidateIf((input: DatedInput) => input.asAt == null),
    IsDefined({ message: 'asOfDate is required: the date (YYYY-MM-DD) the update describes' }),
    IsCalendarDate(),
  );

/** The old name of `asOfDate`, still accepted for one release. */
export const DeprecatedAsAtInputField = () =>
  allOf(
    Field(() => String, { nullable: true, deprecationReason: AS_OF_DATE_DEPRECATED }),
    IsOptional(),
    IsCalendarDate(),
    IsNotGivenWith('asOfDate'),
  );

/** The business date of a validated input: one of the two names holds it. */
export const asOfDateOf = (input: DatedInput): string => (input.asOfDate ?? input.asAt)!;

/**
 * The deciders call the business date `asAt`, as their commands do. A client that sent asOfDate
 * is told about asOfDate instead, so the error lands by the field it filled in.
 */
export async function blamingAsOfDate<T>(input: object, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((input as DatedInput).asOfDate != null && error instanceof DomainError && error.field === 'asAt') {
      Object.assign(error, { field: 'asOfDate', message: error.message.replace(/\basAt\b/g, 'asOfDate') });
    }
    throw error;
  }
}

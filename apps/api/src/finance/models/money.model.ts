import { Field, ObjectType } from '@nestjs/graphql';
import { formatMillions, formatPounds, Pence } from '@send/domain';

/**
 * An exact amount. Pence travel as a string of digits: £183m is 18,300,000,000p, past GraphQL's
 * 32-bit Int, and a Float would invite binary rounding in every client that adds figures up.
 */
@ObjectType('Money', { description: 'An exact amount of money: whole pence as a string, the same in pounds, and as the board reads it (£m to three places).' })
export class MoneyModel {
  @Field({ description: 'Whole pence, as a string of digits (with a leading - for a negative amount): exact however large.' }) pence: string;
  @Field({ description: 'Pounds with two decimal places, e.g. "113257000.00".' }) pounds: string;
  @Field({ description: 'As the board reads it: millions of pounds to three places, e.g. "£113.257m".' }) millions: string;
}

export const money = (pence: Pence): MoneyModel => ({ pence: String(pence), pounds: formatPounds(pence), millions: formatMillions(pence) });

export const moneyOrNull = (pence: Pence | null): MoneyModel | null => (pence === null ? null : money(pence));

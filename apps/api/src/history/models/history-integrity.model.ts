import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../../common/graphql-enum';
import { ChainBreakModel } from './chain-break.model';
import { ChainHeadModel } from './chain-head.model';

export const HISTORY_INTEGRITY_STATUSES = ['UNCHECKED', 'VERIFIED', 'BROKEN'] as const;
export type HistoryIntegrityStatus = (typeof HISTORY_INTEGRITY_STATUSES)[number];

const STATUS = graphqlEnum(HISTORY_INTEGRITY_STATUSES, {
  name: 'HistoryIntegrityStatus',
  valuesMap: {
    UNCHECKED: { description: 'The server has not finished its first check since it started (seconds).' },
    VERIFIED: { description: 'Both hash chains held at the last check.' },
    BROKEN: { description: 'An event was edited, deleted or reordered: nothing read from the history is vouched for until it is restored.' },
  },
});

export const ALERT_STATUSES = ['SENDING', 'SENT', 'FAILED', 'GAVE_UP'] as const;
const ALERT = graphqlEnum(ALERT_STATUSES, { name: 'HistoryBreakAlertStatus', description: 'The mail to the DfE adviser and the programme office.' });

@ObjectType('HistoryBreakAcknowledgement')
export class HistoryBreakAcknowledgementModel {
  @Field() reason: string;
  @Field({ description: 'Who acknowledged it, by name.' }) acknowledgedBy: string;
  @Field({ description: 'ISO instant.' }) acknowledgedAt: string;
}

@ObjectType('HistoryBreak', { description: 'A break in the tamper-evident history, as recorded when this server found it.' })
export class HistoryBreakModel {
  @Field(() => ID, { description: '`<position>-<kind>`: what acknowledgeHistoryBreak names.' }) breakId: string;
  @Field(() => ChainBreakModel) found: ChainBreakModel;
  @Field({ nullable: true, description: 'ISO instant it was recorded; null for the moment before the record is written.' }) detectedAt?: string;
  @Field(() => Int, { nullable: true, description: "The break record's revision: acknowledgeHistoryBreak's expectedRevision." }) revision?: number;
  @Field(() => ALERT, { nullable: true }) alert?: (typeof ALERT_STATUSES)[number];
  @Field(() => HistoryBreakAcknowledgementModel, { nullable: true }) acknowledgement?: HistoryBreakAcknowledgementModel;
}

@ObjectType('HistoryIntegrity', { description: "What this server knows of the history's integrity now, from its continuous check." })
export class HistoryIntegrityModel {
  @Field(() => STATUS) status: HistoryIntegrityStatus;
  @Field(() => ChainHeadModel, { nullable: true, description: 'The head the last check reached; only while VERIFIED (a head of a broken chain would vouch for forged data).' })
  verifiedThrough?: ChainHeadModel;
  @Field({ nullable: true, description: 'ISO instant of the last check.' }) lastCheckedAt?: string;
  @Field({ description: 'Whether changes are refused: the history is broken and the programme office has not acknowledged it yet.' }) writesRefused: boolean;
  @Field(() => HistoryBreakModel, { nullable: true }) break?: HistoryBreakModel;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../../common/graphql-enum';

export const QUARTERLY_RETURN_STATUSES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'SIGNED_OFF'] as const;
export const QuarterlyReturnStatusName = graphqlEnum(QUARTERLY_RETURN_STATUSES, {
  name: 'QuarterlyReturnStatus',
  description: 'NOT_STARTED (no summary yet), DRAFT (the programme office is writing it), SUBMITTED (awaiting the chair), SIGNED_OFF (frozen).',
});
export type QuarterlyReturnStatusName = (typeof QUARTERLY_RETURN_STATUSES)[number];

@ObjectType('QuarterlyReturnSignOff', { description: "The board chair's sign-off, with the SHA-256 of the report's exact bytes as signed." })
export class QuarterlyReturnSignOffModel {
  @Field({ description: 'ISO instant.' }) signedOffAt: string;
  @Field(() => String, { nullable: true }) signedOffBy: string | null;
  @Field({ description: 'SHA-256 (hex) of the HTML page as signed: the served page without its sign-off section.' }) htmlSha256: string;
  @Field({ description: 'SHA-256 (hex) of the CSV as signed; the served CSV is these bytes.' }) csvSha256: string;
  @Field({ description: 'The store position the signed report was built up to; the frozen report is built up to it again.' }) knownUpToPosition: string;
}

@ObjectType('ReportCorrection', { description: 'Something recorded about a signed-off quarter after its sign-off: listed beside the signed report, never folded into it.' })
export class ReportCorrectionModel {
  @Field() recordedAt: string;
  @Field(() => String, { nullable: true }) recordedBy: string | null;
  @Field() position: string;
  @Field({ description: 'What it is about, e.g. "Condition C2, status for 2025/26 Q2".' }) subject: string;
  @Field() detail: string;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { QuarterlyReturnSignOffModel, QuarterlyReturnStatusName } from '../../reports/models/report-sign-off.model';

@ObjectType('ExecutiveSummary', { description: 'One text of the quarter’s executive summary, oldest first; a correction after sign-off carries its reason.' })
export class ExecutiveSummaryModel {
  @Field() text: string;
  @Field(() => Int) version: number;
  @Field({ description: 'When it was written (ISO instant).' }) writtenAt: string;
  @Field(() => String, { nullable: true }) writtenBy: string | null;
  @Field(() => String, { nullable: true, description: 'Why a signed-off summary was corrected; null for a text written before sign-off.' }) correctionReason: string | null;
}

@ObjectType('QuarterlyReturn', { description: "A plan's return to the DfE for one quarter: the executive summary, its submission and the chair's sign-off." })
export class QuarterlyReturnModel {
  @Field(() => ID) planId: string;
  @Field({ description: 'e.g. "2025/26 Q2".' }) quarter: string;
  @Field(() => QuarterlyReturnStatusName) status: QuarterlyReturnStatusName;
  @Field(() => ExecutiveSummaryModel, { nullable: true, description: 'The current text: after sign-off, the latest correction (the signed report keeps the signed one).' })
  executiveSummary: ExecutiveSummaryModel | null;
  @Field(() => [ExecutiveSummaryModel], { description: 'Every text, oldest first.' }) summaryVersions: ExecutiveSummaryModel[];
  @Field(() => String, { nullable: true, description: 'When the programme office submitted it (ISO instant); null while a draft.' }) submittedAt: string | null;
  @Field(() => String, { nullable: true }) submittedBy: string | null;
  @Field(() => QuarterlyReturnSignOffModel, { nullable: true }) signOff: QuarterlyReturnSignOffModel | null;
  @Field({ description: "GET with your bearer token: the quarter's report page, the signed one once signed off." }) htmlDownloadPath: string;
  @Field({ description: "GET with your bearer token: the quarter's report CSV." }) csvDownloadPath: string;
  @Field({ description: 'GET with your bearer token: the return itself as CSV (status, sign-off hashes, summary, finance lines, conditions, corrections).' }) returnCsvDownloadPath: string;
  @Field(() => Int, { nullable: true, description: "The return's revision: send it back as expectedRevision. Null before anything is written." }) revision: number | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ChainHeadModel } from '../../history/models/chain-head.model';
import { QuarterlyReturnSignOffModel, QuarterlyReturnStatusName, ReportCorrectionModel } from './report-sign-off.model';

@ObjectType('QuarterlyReport', {
  description: 'The quarterly monitoring report for the statutory direction. The same period always gives the same bytes.',
})
export class QuarterlyReportModel {
  @Field(() => ID) planId: string;
  @Field({ description: 'e.g. "Q4 2025/26 (1 January 2026 to 31 March 2026)".' }) period: string;
  @Field({ description: 'Movement is measured from here: the end of the previous report (ISO instant, UTC).' }) from: string;
  @Field({ description: 'The instant the report shows (ISO, UTC): a quarter ends at midnight UK time, 22:59:59.999Z in summer.' }) to: string;
  @Field() previousReport: string;
  @Field({ description: 'The newest event store position the report was built from.' }) eventsUpToPosition: string;
  @Field(() => ChainHeadModel, { nullable: true, description: 'The hash chain at eventsUpToPosition, printed in the report: pass it to verifyHistory(heads:) later.' })
  chainHead?: ChainHeadModel;
  @Field() htmlFileName: string;
  @Field() csvFileName: string;
  @Field({ description: 'GET with your bearer token to download the printable page.' }) htmlDownloadPath: string;
  @Field({ description: 'GET with your bearer token to download the actions as CSV.' }) csvDownloadPath: string;
  @Field({ description: 'The printable HTML page itself.' }) html: string;
  @Field({ description: 'The actions as CSV (RFC 4180, CRLF line ends).' }) csv: string;
  @Field({ description: 'The quarter the return sections are for: the chosen quarter, or the one the meeting falls in.' }) returnQuarter: string;
  @Field(() => QuarterlyReturnStatusName, { description: 'The quarterly return as the report shows it.' }) returnStatus: QuarterlyReturnStatusName;
  @Field(() => String, { nullable: true, description: 'The executive summary as the report prints it.' }) executiveSummary: string | null;
  @Field(() => QuarterlyReturnSignOffModel, { nullable: true, description: "Set once the quarter's return is signed off: the report is then the signed one, plus its sign-off section." })
  signOff: QuarterlyReturnSignOffModel | null;
  @Field(() => [ReportCorrectionModel], { description: 'What has been recorded about the quarter since its sign-off, oldest first; empty before sign-off.' }) correctionsSinceSignOff: ReportCorrectionModel[];
}

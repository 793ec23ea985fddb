export type ReturnStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'SIGNED_OFF';

const RETURN_FIELDS = `planId quarter status revision
  executiveSummary { text version writtenAt writtenBy correctionReason }
  submittedAt submittedBy
  signOff { signedOffAt signedOffBy htmlSha256 csvSha256 knownUpToPosition }
  htmlDownloadPath csvDownloadPath returnCsvDownloadPath`;

export const QUARTERLY_RETURN_QUERY = `query QuarterlyReturn($planId: ID!, $quarter: String!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  quarterlyReturn(planId: $planId, quarter: $quarter, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { ${RETURN_FIELDS} }
}`;

/**
 * What has been recorded about a signed-off quarter since: the report lists it beside the signed
 * text, so it is read from there. It renders the whole report, so it is asked only once signed.
 */
export const RETURN_CORRECTIONS_QUERY = `query QuarterlyReturnCorrections($planId: ID!, $financialYear: Int!, $quarterNumber: Int!) {
  quarterlyReport(planId: $planId, financialYear: $financialYear, quarter: $quarterNumber) {
    correctionsSinceSignOff { recordedAt recordedBy position subject detail }
  }
}`;

export const WRITE_EXECUTIVE_SUMMARY = `mutation WriteExecutiveSummary($input: WriteExecutiveSummaryInput!) {
  writeExecutiveSummary(input: $input) { quarter status revision executiveSummary { version } }
}`;

export const SUBMIT_QUARTERLY_RETURN = `mutation SubmitQuarterlyReturn($input: QuarterlyReturnChangeInput!) {
  submitQuarterlyReturn(input: $input) { quarter status revision }
}`;

export const SIGN_OFF_QUARTERLY_RETURN = `mutation SignOffQuarterlyReturn($input: QuarterlyReturnChangeInput!) {
  signOffQuarterlyReturn(input: $input) { quarter status revision signOff { htmlSha256 } }
}`;

export interface ExecutiveSummary {
  text: string;
  version: number;
  writtenAt: string;
  writtenBy: string | null;
  correctionReason: string | null;
}

export interface QuarterlyReturn {
  planId: string;
  quarter: string;
  status: ReturnStatus;
  revision: number | null;
  executiveSummary: ExecutiveSummary | null;
  submittedAt: string | null;
  submittedBy: string | null;
  signOff: { signedOffAt: string; signedOffBy: string | null; htmlSha256: string; csvSha256: string; knownUpToPosition: string } | null;
  htmlDownloadPath: string;
  csvDownloadPath: string;
  returnCsvDownloadPath: string;
}

export interface ReturnCorrection {
  recordedAt: string;
  recordedBy: string | null;
  position: string;
  subject: string;
  detail: string;
}

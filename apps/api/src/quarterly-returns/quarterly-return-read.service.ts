import { Inject, Injectable } from '@nestjs/common';
import { FinancialPeriod, quarterlyReturnStream, requireConditionQuarter, parseFinancialPeriod } from '@send/domain';
import { RecordedEvent, UpcastingEventStore } from '@send/event-store';
import { streamPrefixAt } from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ExecutiveSummaryModel, QuarterlyReturnModel } from './models/quarterly-return.model';

const by = (e: RecordedEvent) => e.metadata.actor?.displayName ?? e.metadata.actor?.userId ?? null;

/** The quarter named in a request, in the one written form ("2025/26 Q2"), or BAD_USER_INPUT naming `quarter`. */
export function returnQuarter(text: string): Extract<FinancialPeriod, { kind: 'FINANCIAL_QUARTER' }> {
  return parseFinancialPeriod(requireConditionQuarter('quarter', text)) as Extract<FinancialPeriod, { kind: 'FINANCIAL_QUARTER' }>;
}

/** A quarter's return folded from its one stream (to an instant, when given); callers check access first. */
@Injectable()
export class QuarterlyReturnReadService {
  constructor(@Inject(EVENT_STORE) private readonly store: UpcastingEventStore) {}

  async read(planId: string, quarterText: string, asAt?: string): Promise<QuarterlyReturnModel> {
    const quarter = returnQuarter(quarterText);
    const stream = await this.store.readStream(quarterlyReturnStream(planId, quarter));
    const model = returnModel(planId, quarter.text, asAt === undefined ? stream : streamPrefixAt(stream, asAt));
    const query = new URLSearchParams({ planId, financialYear: String(quarter.startYear), quarter: String(quarter.quarter) }).toString();
    return { ...model, htmlDownloadPath: `/reports/quarterly.html?${query}`, csvDownloadPath: `/reports/quarterly.csv?${query}`, returnCsvDownloadPath: `/reports/quarterly-return.csv?${query}` };
  }
}

export function returnModel(planId: string, quarter: string, events: RecordedEvent[]): Omit<QuarterlyReturnModel, 'htmlDownloadPath' | 'csvDownloadPath' | 'returnCsvDownloadPath'> {
  const model: Omit<QuarterlyReturnModel, 'htmlDownloadPath' | 'csvDownloadPath' | 'returnCsvDownloadPath'> = { planId, quarter, status: 'NOT_STARTED', executiveSummary: null, summaryVersions: [], submittedAt: null, submittedBy: null, signOff: null, revision: null };
  for (const e of events) {
    const d = e.data as Record<string, string & number>;
    model.revision = Number(e.revision);
    switch (e.type) {
      case 'ExecutiveSummaryWritten':
      case 'ExecutiveSummaryCorrected': {
        const summary: ExecutiveSummaryModel = { text: d.text, version: d.version, writtenAt: e.metadata.occurredAt, writtenBy: by(e), correctionReason: e.type === 'ExecutiveSummaryCorrected' ? d.reason : null };
        model.summaryVersions.push(summary);
        model.executiveSummary = summary;
        if (e.type === 'ExecutiveSummaryWritten') Object.assign(model, { status: 'DRAFT', submittedAt: null, submittedBy: null });
        break;
      }
      case 'QuarterlyReturnSubmitted':
        Object.assign(model, { status: 'SUBMITTED', submittedAt: e.metadata.occurredAt, submittedBy: by(e) });
        break;
      case 'QuarterlyReturnSignedOff':
        model.status = 'SIGNED_OFF';
        model.signOff = { signedOffAt: e.metadata.occurredAt, signedOffBy: by(e), htmlSha256: d.htmlSha256, csvSha256: d.csvSha256, knownUpToPosition: d.knownUpToPosition };
        break;
    }
  }
  return model;
}

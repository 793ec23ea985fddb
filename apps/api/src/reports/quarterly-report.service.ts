import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidValueError } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { ActionLogHistory, PlanEntity, PlanHistory, readModelConditionIndex, readModelFollowUpIndex, readModelRenamedOwners, readModelRiskIndex, readModelStreamIndex, RiskHistory } from '@send/read-models';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ReportArgs } from './dto/report.args';
import { ProducedReport, produceQuarterlyReport, ReportHistories } from './produce-quarterly-report';
import { ReportChoice } from './report-period';

@Injectable()
export class QuarterlyReportService {
  private readonly histories: ReportHistories;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
    private readonly clock: Clock,
  ) {
    this.histories = {
      plans: new PlanHistory(readModelStreamIndex(dataSource), store),
      risks: new RiskHistory(readModelRiskIndex(dataSource), store, readModelRenamedOwners(dataSource)),
      actionLog: new ActionLogHistory(readModelFollowUpIndex(dataSource), store, readModelRenamedOwners(dataSource)),
      conditions: readModelConditionIndex(dataSource),
    };
  }

  /** The plan must already have been checked as visible to the caller. */
  produce(plan: PlanEntity, args: ReportArgs): Promise<ProducedReport> {
    return produceQuarterlyReport(this.histories, this.store, plan.planId, choiceOf(args), this.clock.now());
  }

  /**
   * A quarter's report as the chair signs it: from the store up to `knownUpToPosition`, which the
   * sign-off records so the frozen report is rendered from exactly the same events again. The
   * caller has the read models caught up to it first, so their lists of streams are complete.
   */
  forSignOff(planId: string, financialYear: number, quarter: 1 | 2 | 3 | 4, knownUpToPosition: bigint): Promise<ProducedReport> {
    return produceQuarterlyReport(this.histories, this.store, planId, { financialYear, quarter }, this.clock.now(), knownUpToPosition);
  }
}

export function choiceOf(args: ReportArgs): ReportChoice {
  const byQuarter = args.financialYear !== undefined || args.quarter !== undefined;
  if (byQuarter && args.meetingId !== undefined) {
    throw new InvalidValueError('meetingId', 'quarterOrMeeting', 'Ask for a quarter (financialYear and quarter) or a meetingId, not both');
  }
  if (args.meetingId !== undefined) return { meetingId: args.meetingId };
  if (args.financialYear === undefined) throw new InvalidValueError('financialYear', 'required', 'Give financialYear and quarter, or a meetingId');
  if (args.quarter === undefined) throw new InvalidValueError('quarter', 'required', 'Give financialYear and quarter, or a meetingId');
  return { financialYear: args.financialYear, quarter: args.quarter as 1 | 2 | 3 | 4 };
}

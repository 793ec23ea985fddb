import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidValueError, NotFoundError } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { PlanEntity, PlanHistory, readModelRenamedOwners, readModelRiskIndex, readModelStreamIndex, RiskHistory } from '@send/read-models';
import { Clock } from '../common/clock';
import { ConditionReadService } from '../conditions/condition-read.service';
import { ActionFinanceReadService } from '../finance/action-finance-read.service';
import { HighNeedsReadService } from '../finance/high-needs-read.service';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { MovementService } from '../movement/movement.service';
import { boardPackDocument } from './board-pack';
import { dayPeriod } from './board-pack-period';
import { BoardPackArgs } from './dto/board-pack.args';
import { renderReportPdf } from './report-pdf.renderer';
import { meetingPeriod, ReportPeriod } from './report-period';
import { reportRisks } from './report-risks';

/**
 * The board's papers as a PDF, from the reads the dashboard makes (movement, the High Needs
 * position, the conditions register) at the end of a closed meeting or of a day that has ended,
 * so the same meeting or day gives the same pack.
 */
@Injectable()
export class BoardPackService {
  private readonly history: PlanHistory;
  private readonly risks: RiskHistory;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
    private readonly movement: MovementService,
    private readonly finance: HighNeedsReadService,
    private readonly money: ActionFinanceReadService,
    private readonly conditions: ConditionReadService,
    private readonly clock: Clock,
  ) {
    this.history = new PlanHistory(readModelStreamIndex(dataSource), store);
    this.risks = new RiskHistory(readModelRiskIndex(dataSource), store, readModelRenamedOwners(dataSource));
  }

  /** The plan must already have been checked as visible to the caller. */
  async produce(plan: PlanEntity, args: BoardPackArgs): Promise<{ pdf: Buffer; fileName: string }> {
    const period = await this.periodOf(plan, args);
    // Every read is as at the period's end, the money too: a spend recorded after the meeting is not in its pack.
    const [{ movement, end }, [risksAtStart, risksAtEnd], finance, money, conditions] = await Promise.all([
      this.movement.period(plan.planId, period.from, period.to),
      this.risks.registersAt(plan.planId, [period.from, period.to]),
      this.finance.position(plan.planId, period.to),
      this.money.forPlan(plan.planId, period.to),
      this.conditions.forPlan(plan.planId, { asAt: period.to }),
    ]);
    const risks = reportRisks(risksAtStart, risksAtEnd, end.riskEscalationScore);
    const pdf = await renderReportPdf(boardPackDocument({ period, movement, end, risks, finance, money, conditions }));
    return { pdf, fileName: `${plan.planId}-board-pack-${period.fileStem}.pdf` };
  }

  private async periodOf(plan: PlanEntity, args: BoardPackArgs): Promise<ReportPeriod> {
    if (args.meetingId !== undefined && args.date !== undefined) throw new InvalidValueError('date', 'dateOrMeeting', 'Ask for a meetingId or a date, not both');
    if (args.meetingId === undefined && args.date === undefined) throw new InvalidValueError('meetingId', 'required', 'Give a closed board meeting (meetingId) or a day that has ended (date)');
    const createdAt = await this.history.planCreatedAt(plan.planId);
    if (createdAt === undefined) throw new NotFoundError('planExists', `No improvement plan with id ${plan.planId}`);
    const closed = await this.history.closedMeetings(plan.planId);
    const period = args.meetingId !== undefined ? meetingPeriod(args.meetingId, closed, createdAt) : dayPeriod(args.date!, closed, createdAt, this.clock.now());
    if (period.to < createdAt) throw new NotFoundError('existedAsAt', `Plan ${plan.planId} did not exist yet at the end of ${period.label}`);
    return period;
  }
}

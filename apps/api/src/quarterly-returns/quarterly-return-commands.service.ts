import { Inject, Injectable } from '@nestjs/common';
import {
  planDecider,
  PlanNotFoundError,
  planStream,
  QuarterlyReturnCommand,
  QuarterlyReturnDecisionContext,
  quarterlyReturnDecider,
  QuarterlyReturnEvent,
  QuarterlyReturnNotFoundError,
  QuarterlyReturnState,
  quarterlyReturnStream,
  ReturnAlreadySignedOffError,
  ReturnNotSubmittedError,
} from '@send/domain';
import { CommandResult, UpcastingEventStore } from '@send/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';
import { ProjectionService } from '../infrastructure/projection.service';
import { QuarterlyReportService } from '../reports/quarterly-report.service';
import { returnQuarter } from './quarterly-return-read.service';

/** The quarterly return's commands, on the plan's stream for the quarter. */
@Injectable()
export class QuarterlyReturnCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reports: QuarterlyReportService,
    private readonly projections: ProjectionService,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
  ) {}

  execute(command: QuarterlyReturnCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<QuarterlyReturnEvent, QuarterlyReturnState>> {
    const { planId } = command.data;
    const quarter = returnQuarter(command.data.quarter);
    const context: QuarterlyReturnDecisionContext = {};
    const authorize = async () => {
      const actor = await this.authorize(command.type, planId, options);
      // Read once access is settled, so a refusal says nothing about the plan's age.
      context.planCreatedAt = (await this.store.readStream(planStream(planId)))[0]?.metadata.occurredAt;
      return actor;
    };
    const named = { ...command, data: { ...command.data, quarter: quarter.text } } as QuarterlyReturnCommand;
    return this.runner.run(quarterlyReturnStream(planId, quarter), quarterlyReturnDecider, named, options, context, authorize, expectedRevision);
  }

  /**
   * Renders the report as it stands and signs those bytes. Who may sign and whether the return
   * is ready are checked first, so a refusal renders nothing; the decider checks both again on
   * the state it appends to. The read models are caught up to the store's head before rendering,
   * so the conditions they list are all those up to the position the sign-off records.
   */
  async signOff(planId: string, quarterText: string, expectedRevision: bigint, options: CommandOptions): Promise<CommandResult<QuarterlyReturnEvent, QuarterlyReturnState>> {
    const quarter = returnQuarter(quarterText);
    const stream = quarterlyReturnStream(planId, quarter);
    await this.authorize('SignOffQuarterlyReturn', planId, options);
    const state = await this.runner.fold(stream, quarterlyReturnDecider);
    if (!state.exists) throw new QuarterlyReturnNotFoundError(quarter.text);
    if (state.signedOff) throw new ReturnAlreadySignedOffError(quarter.text);
    if (!state.submitted) throw new ReturnNotSubmittedError(quarter.text);
    // The head first, then the read models up to it: an event appended in between is after the cut.
    const knownUpToPosition = (await this.store.headPosition()) ?? 0n;
    await this.projections.caughtUpTo(knownUpToPosition);
    const produced = await this.reports.forSignOff(planId, quarter.startYear, quarter.quarter, knownUpToPosition);
    const command: QuarterlyReturnCommand = {
      type: 'SignOffQuarterlyReturn',
      data: { planId, quarter: quarter.text, htmlSha256: produced.htmlSha256, csvSha256: produced.csvSha256, knownUpToPosition: String(knownUpToPosition) },
    };
    return this.runner.run(stream, quarterlyReturnDecider, command, options, {}, () => this.authorize(command.type, planId, options), expectedRevision);
  }

  private async authorize(type: QuarterlyReturnCommand['type'], planId: string, options: CommandOptions) {
    const plan = await this.runner.fold(planStream(planId), planDecider);
    if (plan.status !== 'active') throw new PlanNotFoundError(planId);
    return this.runner.authorize(options, type, plan.localArea.id, undefined, () => new PlanNotFoundError(planId));
  }
}

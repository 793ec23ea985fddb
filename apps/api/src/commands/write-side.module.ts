import { Global, Module } from '@nestjs/common';
import { ActionCommands } from '../actions/action-commands.service';
import { ChallengeCommands } from '../challenges/challenge-commands.service';
import { DependencyCommands } from '../dependencies/dependency-commands.service';
import { FollowUpCommands } from '../follow-ups/follow-up-commands.service';
import { MeetingCommands } from '../meetings/meeting-commands.service';
import { PlanCommands } from '../plans/plan-commands.service';
import { RiskCommands } from '../risks/risk-commands.service';
import { MetricCommands } from '../scorecard/metric-commands.service';
import { UserCommands } from '../users/user-commands.service';
import { OwnerCommands } from '../owners/owner-commands.service';
import { HighNeedsCommands } from '../finance/high-needs-commands.service';
import { ConditionCommands } from '../conditions/condition-commands.service';
import { OwnerDirectory } from '../owners/directory/owner-directory.service';
import { ActionFinanceCommands } from '../finance/action-finance-commands.service';
import { PlanCommandService } from './plan-command.service';
import { CommandRunner } from './runner/command-runner.service';
import { ReminderCommands } from '../reminders/reminder-commands.service';

/** One runner (and one cache of folded streams) under every concept's commands. */
const WRITE_SIDE = [CommandRunner, PlanCommands, ActionCommands, UserCommands, MeetingCommands, MetricCommands, RiskCommands, ChallengeCommands, DependencyCommands, FollowUpCommands, HighNeedsCommands, ConditionCommands, PlanCommandService, OwnerDirectory, OwnerCommands, ActionFinanceCommands, ReminderCommands];

/**
 * Every concept's command handling, for every feature module. It sits above the concepts' folders
 * (it names them all) and the runner below them, so the folders depend one way.
 */
@Global()
@Module({ providers: WRITE_SIDE, exports: WRITE_SIDE })
export class WriteSideModule {}

import { addDays, CalendarDate } from '@send/domain';
import { deterministicUuid, actionIdFor } from '@send/event-store';
import { PlanCommandService } from '../commands/plan-command.service';
import { DEMO_ACTIONS } from './demo-actions';
import { demoHistory, PLAN_LOADED_DAY } from './demo-history';
import { BOARD_CHAIR, DemoOwnerKey, PROGRAMME_OFFICE } from './demo-owners';
import { DEMO_LOCAL_AREA, DEMO_USERS, demoPrincipal } from './demo-users';
import { DEMO_PLAN_ID } from './demo-script';
import { demoStepCommand } from './demo-step-command';
import { DemoMeetingStep, demoMeetings } from './demo-meetings';
import { demoUpdateRounds } from './demo-update-rounds';
import { demoMetricCommands } from './demo-metrics';
import { demoBoardToolSteps } from './demo-risks';
import { demoDependencySteps } from './demo-dependencies';
import { demoMeetingToolSteps } from './demo-meeting-tools';
import { demoFundingSteps } from './demo-action-finance';
import { demoHighNeedsSteps } from './demo-high-needs';
import { demoConditionSteps } from './demo-conditions';

export { DEMO_PLAN_ID };

const LOCAL_AREA = DEMO_LOCAL_AREA;
const TITLE = 'SEND and AP Improvement Plan';
// Approval dates are the real plan's (first plan January 2024, revision approved by the board in
// September 2025), so unlike everything else they do not move with the anchor.
const FIRST_VERSION = { version: '1.0', approvedOn: '2024-01-24' };
const REVISED_VERSION = { version: '2.0', approvedOn: '2025-09-17' };

export interface DemoPlanSummary {
  planId: string;
  actions: number;
  events: number;
}

/**
 * Writes the demo plan through the same commands users send, so its history is real events:
 * each step runs at the instant it "happened" (all before the anchor day) and sends the
 * revision it last saw, as a client would. Command ids come from the anchor and the step
 * number, so loading the same anchor twice writes the same events.
 */
export async function loadDemoPlan(
  commands: PlanCommandService,
  anchor: CalendarDate,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<DemoPlanSummary> {
  const history = demoHistory(anchor);
  // Meetings are minuted from the history, and written in time order with it.
  const meetings = demoMeetings(anchor, history);
  const rounds = demoUpdateRounds(anchor);
  const metrics = demoMetricCommands(anchor);
  const boardTools = demoBoardToolSteps(anchor);
  const dependencies = demoDependencySteps(anchor);
  const meetingTools = demoMeetingToolSteps(anchor);
  const funding = demoFundingSteps(anchor);
  const highNeeds = demoHighNeedsSteps(anchor);
  const conditions = demoConditionSteps(anchor);
  const total =
    DEMO_USERS.length + 2 + history.length + meetings.length + rounds.length + metrics.length + boardTools.length + dependencies.length + meetingTools.length + funding.length + highNeeds.length + conditions.length;
  let done = 0;
  let events = 0;
  const nextCommandId = () => deterministicUuid('demo-command', DEMO_PLAN_ID, anchor, String(done));
  const recorded = (label: string, appended: number) => {
    events += appended;
    done += 1;
    onProgress?.(done, total, label);
  };

  const loadedOn = addDays(anchor, PLAN_LOADED_DAY);
  // The people come first, set up by the operator; from then on everyone acts as themselves and
  // passes the same access checks as a signed-in user.
  for (const user of DEMO_USERS) {
    const { userId, displayName, ownerId, email } = user;
    const { appended } = await commands.ensureUser(
      { userId, displayName, ownerId, email },
      user.roles.map((role) => ({ role, localAreaId: LOCAL_AREA.id })),
      {
        principal: 'system',
        now: `${loadedOn}T08:00:00.000Z`,
        commandIdFor: (step) => deterministicUuid('demo-user', DEMO_PLAN_ID, anchor, userId, step),
      },
    );
    recorded(`User ${userId}`, appended);
  }

  const office = demoPrincipal(PROGRAMME_OFFICE.userId);
  const created = await commands.executePlanCommand(
    { type: 'CreatePlan', data: { planId: DEMO_PLAN_ID, localArea: LOCAL_AREA, title: TITLE, ...FIRST_VERSION } },
    { now: `${loadedOn}T09:00:00.000Z`, principal: office, commandId: nextCommandId() },
  );
  recorded(`Plan ${FIRST_VERSION.version} created`, created.events.length);
  const revised = await commands.executePlanCommand(
    { type: 'ApprovePlanRevision', data: { planId: DEMO_PLAN_ID, ...REVISED_VERSION } },
    { now: `${loadedOn}T09:05:00.000Z`, principal: office, commandId: nextCommandId() },
  );
  recorded(`Plan revision ${REVISED_VERSION.version} approved`, revised.events.length);

  const chair = demoPrincipal(BOARD_CHAIR.userId);
  let fundingRevision: bigint | undefined;
  // The board's meetings and the office's update rounds, in time order (a stable sort keeps each one's own order).
  const boardSteps = [
    ...meetings.map((step: DemoMeetingStep) => ({
      at: step.at,
      label: `Meeting ${step.command.type}`,
      run: () => commands.executeMeetingCommand(step.command, { now: step.at, principal: chair, commandId: nextCommandId() }),
    })),
    // The programme office puts the scorecard in the day after the actions, with the published figures and their own dates.
    ...metrics.map((command, i) => {
      const at = new Date(Date.parse(`${addDays(anchor, PLAN_LOADED_DAY + 2)}T09:00:00.000Z`) + i * 1000).toISOString();
      return {
        at,
        label: `Scorecard ${command.type}`,
        run: () => commands.executeMetricCommand(command, { now: at, principal: office, commandId: nextCommandId() }),
      };
    }),
    ...rounds.map((step) => ({
      at: step.at,
      label: `Plan ${step.command.type}`,
      run: () => commands.executePlanCommand(step.command, { now: step.at, principal: office, commandId: nextCommandId() }),
    })),
    // The risk register and the board's challenge threads, each step by whoever would have taken it.
    ...boardTools.map((step) => ({
      at: step.at,
      label: `${step.kind === 'risk' ? 'Risk' : 'Challenge'} ${step.command.type}`,
      run: () => {
        const options = { now: step.at, principal: demoPrincipal(step.userId), commandId: nextCommandId() };
        return step.kind === 'risk' ? commands.executeRiskCommand(step.command, undefined, options) : commands.executeChallengeCommand(step.command, options);
      },
    })),
    // What waits for what, recorded by the programme office.
    ...dependencies.map((step) => ({
      at: step.at,
      label: `Dependency ${step.command.type}`,
      run: () => commands.executeDependencyCommand(step.command, { now: step.at, principal: demoPrincipal(step.userId), commandId: nextCommandId() }),
    })),
    // The board's decisions about the plan and its risks, and its action log, by whoever took each step.
    ...meetingTools.map((step) => ({
      at: step.at,
      label: `${step.kind === 'meeting' ? 'Meeting' : 'Follow-up'} ${step.command.type}`,
      run: () => {
        const options = { now: step.at, principal: demoPrincipal(step.userId), commandId: nextCommandId() };
        return step.kind === 'meeting' ? commands.executeMeetingCommand(step.command, options) : commands.executeFollowUpCommand(step.command, options);
      },
    })),
    // Money on the named initiatives and the priorities' savings targets, each change against the funding stream's last revision.
    ...funding.map((step) => ({
      at: step.at,
      label: `Funding ${step.command.type}`,
      run: async () => {
        const result = await commands.executeActionFinanceCommand(step.command, fundingRevision, { now: step.at, principal: demoPrincipal(step.userId), commandId: nextCommandId() });
        fundingRevision = result.revision;
        return result;
      },
    })),
    // The High Needs Block position, kept by the programme office (where the finance lead sits).
    ...highNeeds.map((step) => ({
      at: step.at,
      label: `High Needs ${step.command.type}`,
      run: () => commands.executeHighNeedsCommand(step.command, { now: step.at, principal: office, commandId: nextCommandId() }),
    })),
    // The conditions register: statuses by the programme office, approvals by the chair.
    ...conditions.map((step) => ({
      at: step.at,
      label: `Condition ${step.command.type}`,
      run: () => commands.executeConditionCommand(step.command, { now: step.at, principal: demoPrincipal(step.userId), commandId: nextCommandId() }),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const runBoardStepsUntil = async (instant: string) => {
    while (boardSteps.length > 0 && boardSteps[0].at <= instant) {
      const step = boardSteps.shift()!;
      const result = await step.run();
      recorded(step.label, result.events.length);
    }
  };

  const revisions = new Map<string, bigint | undefined>();
  const owners = new Map<string, DemoOwnerKey>(DEMO_ACTIONS.map((a) => [a.ref, a.owner]));
  const latestProgress = new Map<string, number>();
  for (const step of history) {
    await runBoardStepsUntil(step.at);
    const actionId = actionIdFor(DEMO_PLAN_ID, step.ref);
    const { command, actor } = demoStepCommand(step, anchor, owners.get(step.ref)!, latestProgress.get(step.ref));
    const label = `${step.ref} ${command.type}`;
    try {
      const result = await commands.executeActionCommand(command, revisions.get(actionId), {
        now: step.at,
        principal: demoPrincipal(actor.userId),
        commandId: nextCommandId(),
      });
      revisions.set(actionId, result.revision);
      recorded(label, result.events.length);
    } catch (error) {
      // A refused demo step means the script and the domain rules disagree; say which step.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Demo plan step ${done + 1}/${total} (${label} at ${step.at}) was refused: ${reason}`, { cause: error });
    }
    if (step.kind === 'reassign') owners.set(step.ref, step.owner);
    if (step.kind === 'reportProgress') latestProgress.set(step.ref, Number(revisions.get(actionId)));
  }
  await runBoardStepsUntil('9999');
  return { planId: DEMO_PLAN_ID, actions: DEMO_ACTIONS.length, events };
}

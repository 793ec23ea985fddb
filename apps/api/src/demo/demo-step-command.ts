import { ActionCommand, Actor, addDays, CalendarDate } from '@send/domain';
import { deterministicUuid, actionIdFor } from '@send/event-store';
import { demoAction } from './demo-actions';
import { DemoStep } from './demo-history';
import { BOARD_CHAIR, demoOwner, DemoOwnerKey, ownerActor, PROGRAMME_OFFICE } from './demo-owners';
import { DEMO_PLAN_ID } from './demo-script';

export const demoMilestoneId = (ref: string, index: number) => deterministicUuid('milestone', ref, String(index));
export const demoEvidenceId = (ref: string, key: string) => deterministicUuid('evidence', DEMO_PLAN_ID, ref, key);

/**
 * Turns a step of the demo's history into the command a user would have sent, and the person
 * who would have sent it: the action's current owner for updates, evidence and their confidence
 * ratings, the board chair for reviews, completion and the board's own confidence ratings, the programme office for changes to the plan.
 */
export function demoStepCommand(
  step: DemoStep,
  anchor: CalendarDate,
  currentOwner: DemoOwnerKey,
  /** The revision of the action's latest progress update, which a correction restates. */
  latestProgressRevision?: number,
): { command: ActionCommand; actor: Actor } {
  const actionId = actionIdFor(DEMO_PLAN_ID, step.ref);
  const byOwner = (command: ActionCommand) => ({ command, actor: ownerActor(currentOwner) });
  const byBoard = (command: ActionCommand) => ({ command, actor: BOARD_CHAIR });
  const byOffice = (command: ActionCommand) => ({ command, actor: PROGRAMME_OFFICE });

  switch (step.kind) {
    case 'add': {
      const a = demoAction(step.ref);
      return byOffice({
        type: 'AddAction',
        data: {
          actionId,
          planId: DEMO_PLAN_ID,
          ref: a.ref,
          areaNumber: a.areaNumber,
          priorityNumbers: a.priorities,
          title: a.title,
          description: a.description,
          intendedImpact: a.intendedImpact,
          owner: demoOwner(a.owner),
          leadOrganisation: a.leadOrganisation,
          dueDate: addDays(anchor, a.dueDay),
          milestones: a.milestones.map((m, index) => ({
            milestoneId: demoMilestoneId(a.ref, index),
            title: m.title,
            dueDate: addDays(anchor, m.dueDay),
          })),
        },
      });
    }
    case 'completeMilestone':
      return byOwner({
        type: 'CompleteMilestone',
        data: { actionId, milestoneId: demoMilestoneId(step.ref, step.index), completedOn: step.completedOn },
      });
    case 'attachEvidence': {
      const { key, ...evidence } = step.evidence;
      return byOwner({
        type: 'AttachEvidence',
        data: { actionId, evidenceId: demoEvidenceId(step.ref, key), ...evidence, submittedBy: demoOwner(currentOwner).name },
      });
    }
    case 'reportProgress':
      return byOwner({ type: 'ReportProgress', data: { actionId, rag: step.rag, commentary: step.commentary, asAt: step.asAt } });
    case 'correctProgress': {
      if (latestProgressRevision === undefined) throw new Error(`Demo correction of ${step.ref} has no earlier progress update to restate`);
      const { rag, commentary, asAt, reason } = step;
      return byOwner({ type: 'CorrectProgress', data: { actionId, supersedesRevision: latestProgressRevision, rag, commentary, asAt, reason } });
    }
    case 'rateConfidence': {
      const command: ActionCommand = { type: 'RateDeliveryConfidence', data: { actionId, confidence: step.confidence, commentary: step.commentary, asAt: step.asAt } };
      return step.by === 'board' ? byBoard(command) : byOwner(command);
    }
    case 'reviewEvidence':
      return byBoard({
        type: 'ReviewEvidence',
        data: { actionId, evidenceId: demoEvidenceId(step.ref, step.evidenceKey), decision: step.decision, reason: step.reason },
      });
    case 'markComplete':
      return byBoard({ type: 'MarkComplete', data: { actionId, commentary: step.commentary, asAt: step.asAt } });
    case 'reassign':
      return byOffice({ type: 'ReassignOwner', data: { actionId, owner: demoOwner(step.owner), reason: step.reason } });
    case 'reschedule':
      return byOffice({ type: 'RescheduleDueDate', data: { actionId, dueDate: step.dueDate, reason: step.reason } });
    case 'addMilestone':
      return byOffice({
        type: 'AddMilestone',
        data: { actionId, milestoneId: demoMilestoneId(step.ref, step.index), title: step.title, dueDate: step.dueDate },
      });
    case 'withdraw':
      return byOffice({ type: 'WithdrawAction', data: { actionId, reason: step.reason } });
    case 'supersede':
      return byOffice({
        type: 'SupersedeAction',
        data: { actionId, supersededByActionId: actionIdFor(DEMO_PLAN_ID, step.by), reason: step.reason },
      });
    default: {
      const unhandled: never = step;
      return unhandled;
    }
  }
}

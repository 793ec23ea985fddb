import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  ActionOwner,
  actionDecider,
  actionStream,
  addDays,
  CommandMetadata,
  IMPROVEMENT_AREAS,
  PlanCommand,
  planDecider,
  planStream,
  RECOVERY_PRIORITIES,
  schemaVersionOf,
} from '@send/domain';
import { actionIdFor, deterministicUuid, EventStore, foldStream, handleCommand, ownerIdFor, StreamStateCache } from '@send/event-store';

export interface HistoryScale {
  plans: number;
  actionsPerPlan: number;
  months: number;
}

export interface PlanHistory {
  actionIds: string[];
  streamIds: string[];
  events: number;
  seconds: number;
}

const START = '2023-04-03';
const RAGS = ['GREEN', 'AMBER', 'GREEN', 'RED', 'GREEN', 'AMBER'] as const;
const MILESTONES = 3;
const EVIDENCE_EVERY = 3;
const monthDay = (m: number) => addDays(START, m * 30);
const milestoneIdOf = (actionId: string, k: number) => deterministicUuid('bench-history-milestone', actionId, String(k));

/** What owners write to the board each month: a few hundred characters, varying from update to update. */
const SENTENCES = [
  'Annual review backlog down to 41 cases from 63 at the last board; the two agency caseworkers stay until March.',
  'Twelve of the fourteen secondary SENCOs attended the graduated approach training, the remaining two are booked for the spring term.',
  'Health partners have agreed the shared referral form; the ICB still has to confirm funding for the extra speech and language therapist.',
  'Parent carer forum reviewed the draft Local Offer pages and asked for plainer wording on transport eligibility, which we have accepted.',
  'EHC needs assessments completed within twenty weeks rose to 58% this quarter, against 47% in the same quarter last year.',
  'Alternative provision places were commissioned for the autumn term, with the quality assurance visits scheduled for November.',
  'The data dashboard now reports waiting times by locality, so the board can see where the delays are concentrated.',
];
export function commentaryFor(seed: number): string {
  return [0, 1, 2].map((k) => SENTENCES[(seed + k * 3) % SENTENCES.length]).join(' ');
}

function owner(plan: number, i: number): ActionOwner {
  const name = `Owner ${i % 12} of plan ${plan}`;
  const organisation = i % 3 === 0 ? 'NHS ICB' : 'Council';
  return { ownerId: ownerIdFor(name, organisation), name, role: 'Service lead', organisation };
}

/**
 * The commands the api sends, on a bare store: the domain's deciders through handleCommand with a
 * cache of folded states (as CommandRunner does), without access checks or projections, so what
 * is measured is the store and what wraps it.
 */
export class BenchCommands {
  private readonly cache = new StreamStateCache();

  constructor(private readonly store: EventStore) {}

  private metadata(now: string): CommandMetadata {
    const commandId = randomUUID();
    return { now: `${now}T09:00:00.000Z`, commandId, correlationId: commandId, actor: null };
  }

  plan(command: PlanCommand, now: string) {
    return handleCommand(this.store, planStream(command.data.planId), planDecider, command, { metadata: this.metadata(now), context: undefined, schemaVersionOf, cache: this.cache });
  }

  async action(command: ActionCommand, now: string) {
    const context = command.type === 'AddAction' ? { plan: (await foldStream(this.store, planStream(command.data.planId), planDecider, this.cache)).state } : {};
    return handleCommand(this.store, actionStream(command.data.actionId), actionDecider, command, { metadata: this.metadata(now), context, schemaVersionOf, cache: this.cache });
  }

  reportProgress(actionId: string, seed: number) {
    return this.action({ type: 'ReportProgress', data: { actionId, rag: RAGS[seed % RAGS.length], commentary: commentaryFor(seed), asAt: '2026-06-01' } }, '2026-06-01');
  }
}

/**
 * Plans of actions with their monthly history (progress with commentary, quarterly evidence,
 * yearly milestones), written through the command path. Sixteen commands at a time, one per
 * action, so building it takes seconds; each action's own events stay in order.
 */
export async function writePlanHistory(store: EventStore, scale: HistoryScale, onProgress: (done: number, total: number) => void): Promise<PlanHistory> {
  const commands = new BenchCommands(store);
  const started = performance.now();
  let events = 0;
  const count = (result: { events: unknown[] }) => (events += result.events.length);
  const planIds = Array.from({ length: scale.plans }, (_, p) => `history-bench-${p + 1}`);
  for (const [p, planId] of planIds.entries()) {
    count(await commands.plan({ type: 'CreatePlan', data: { planId, localArea: { id: `bench-area-${p + 1}`, name: `Local area ${p + 1}` }, title: 'SEND and AP Improvement Plan', version: '1.0', approvedOn: START } }, START));
  }
  const actions = planIds.flatMap((planId, p) =>
    Array.from({ length: scale.actionsPerPlan }, (_, i) => {
      const areaNumber = 1 + (i % 8);
      const ref = `${areaNumber}.${Math.floor(i / 8) + 1}`;
      return { planId, p, i, ref, areaNumber, actionId: actionIdFor(planId, ref) };
    }),
  );
  const inLanes = async (work: (x: (typeof actions)[number]) => Promise<void>) => {
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < actions.length) await work(actions[next++]);
    }));
  };
  await inLanes(async (x) => {
    const command: ActionCommand = {
      type: 'AddAction',
      data: {
        actionId: x.actionId,
        planId: x.planId,
        ref: x.ref,
        areaNumber: x.areaNumber,
        priorityNumbers: [1 + (x.i % RECOVERY_PRIORITIES.length)],
        title: `${IMPROVEMENT_AREAS[x.areaNumber - 1].name}: action ${x.ref}`,
        description: 'Written for the history verification benchmark.',
        intendedImpact: 'Better outcomes for children and young people with SEND.',
        owner: owner(x.p, x.i),
        leadOrganisation: 'Council',
        dueDate: addDays(START, 365 * 3),
        milestones: Array.from({ length: MILESTONES }, (_, k) => ({ milestoneId: milestoneIdOf(x.actionId, k), title: `Milestone for year ${k + 1}`, dueDate: addDays(START, 365 * (k + 1) - 30) })),
      },
    };
    count(await commands.action(command, START));
  });
  for (let m = 1; m <= scale.months; m++) {
    const day = monthDay(m);
    await inLanes(async (x) => {
      count(await commands.action({ type: 'ReportProgress', data: { actionId: x.actionId, rag: RAGS[(x.i + m) % RAGS.length], commentary: commentaryFor(x.i + m), asAt: day } }, day));
      if (m % 12 === 0 && m / 12 <= MILESTONES) {
        count(await commands.action({ type: 'CompleteMilestone', data: { actionId: x.actionId, milestoneId: milestoneIdOf(x.actionId, m / 12 - 1), completedOn: day } }, day));
      }
      if (m % EVIDENCE_EVERY === 0) {
        const evidenceId = deterministicUuid('bench-history-evidence', x.actionId, String(m));
        count(await commands.action({ type: 'AttachEvidence', data: { actionId: x.actionId, evidenceId, kind: 'ACTIVITY', title: `Evidence for month ${m}`, documentReference: `Board paper ${m}`, submittedBy: 'Owner' } }, day));
      }
    });
    onProgress(m, scale.months);
  }
  return {
    actionIds: actions.map((x) => x.actionId),
    streamIds: [...planIds.map(planStream), ...actions.map((x) => actionStream(x.actionId))],
    events,
    seconds: (performance.now() - started) / 1000,
  };
}

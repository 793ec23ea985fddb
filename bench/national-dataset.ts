import { performance } from 'node:perf_hooks';
import { ActionCommand, ActionOwner, addDays, IMPROVEMENT_AREAS, RECOVERY_PRIORITIES } from '@send/domain';
import { deterministicUuid, actionIdFor, ownerIdFor } from '@send/event-store';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';

export interface Scale {
  areas: number;
  actionsPerArea: number;
  months: number;
}

/** The two calls the generator makes: PlanCommandService, or a peer store's path (bench/peers). */
export type CommandPath = Pick<PlanCommandService, 'executePlanCommand' | 'executeActionCommand'>;

export interface Dataset {
  planIds: string[];
  actionIds: string[];
  localAreaIds: string[];
  commandLatenciesMs: number[];
  events: number;
  seconds: number;
}

const RAGS = ['GREEN', 'AMBER', 'GREEN', 'RED', 'GREEN', 'AMBER'] as const;
/** Three yearly milestones per action, each completed at the end of its year. */
const MILESTONES = 3;
/** An owner attaches evidence every quarter. */
const EVIDENCE_EVERY = 3;
const milestoneIdOf = (actionId: string, k: number) => deterministicUuid('bench-milestone', actionId, String(k));

/** How many commands the generator sends for a scale: a plan per area, then per action its creation and what follows. */
export function commandsIn(scale: Scale): number {
  const perAction = 1 + scale.months + Math.floor(scale.months / EVIDENCE_EVERY) + Math.min(MILESTONES, Math.floor(scale.months / 12));
  return scale.areas + scale.areas * scale.actionsPerArea * perAction;
}
const START = '2023-04-03';
const monthDay = (m: number) => addDays(START, m * 30);

function owner(area: number, i: number): ActionOwner {
  const name = `Owner ${i % 12} of area ${area}`;
  const organisation = i % 3 === 0 ? 'NHS ICB' : 'Council';
  return { ownerId: ownerIdFor(name, organisation), name, role: 'Service lead', organisation };
}

/**
 * Local areas × actions × monthly updates, written through the same command path users take
 * (read the stream, decide, append with the expected revision), one command at a time, in time
 * order across the whole country. Each action has three yearly milestones, completed in turn,
 * and its owner attaches evidence every quarter: at national scale about a million events.
 */
export async function generateNationalDataset(commands: CommandPath, scale: Scale, onProgress: (done: number, total: number) => void): Promise<Dataset> {
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  const run = async (work: () => Promise<{ events: unknown[] }>) => {
    const t = performance.now();
    const result = await work();
    latencies.push(performance.now() - t);
    events += result.events.length;
  };
  const areas = Array.from({ length: scale.areas }, (_, a) => ({ planId: `national-${a + 1}`, localAreaId: `area-${a + 1}` }));
  const actions = areas.flatMap(({ planId }, a) =>
    Array.from({ length: scale.actionsPerArea }, (_, i) => {
      const areaNumber = 1 + (i % 8);
      const ref = `${areaNumber}.${Math.floor(i / 8) + 1}`;
      return { planId, a, i, ref, areaNumber, actionId: actionIdFor(planId, ref) };
    }),
  );
  const total = commandsIn(scale);
  const system = (now: string) => ({ principal: 'system' as const, now: `${now}T09:00:00.000Z` });

  for (const [a, { planId, localAreaId }] of areas.entries()) {
    await run(() =>
      commands.executePlanCommand(
        { type: 'CreatePlan', data: { planId, localArea: { id: localAreaId, name: `Local area ${a + 1}` }, title: 'SEND and AP Improvement Plan', version: '1.0', approvedOn: START } },
        system(START),
      ),
    );
  }
  for (const x of actions) {
    const command: ActionCommand = {
      type: 'AddAction',
      data: {
        actionId: x.actionId,
        planId: x.planId,
        ref: x.ref,
        areaNumber: x.areaNumber,
        priorityNumbers: [1 + (x.i % RECOVERY_PRIORITIES.length)],
        title: `${IMPROVEMENT_AREAS[x.areaNumber - 1].name}: action ${x.ref}`,
        description: 'Generated for the national benchmark.',
        intendedImpact: 'Better outcomes for children and young people with SEND.',
        owner: owner(x.a, x.i),
        leadOrganisation: 'Council',
        dueDate: addDays(START, 365 * 3),
        milestones: Array.from({ length: MILESTONES }, (_, k) => ({ milestoneId: milestoneIdOf(x.actionId, k), title: `Milestone for year ${k + 1}`, dueDate: addDays(START, 365 * (k + 1) - 30) })),
      },
    };
    await run(() => commands.executeActionCommand(command, undefined, system(START)));
  }
  onProgress(areas.length + actions.length, total);
  for (let m = 1; m <= scale.months; m++) {
    const day = monthDay(m);
    for (const x of actions) {
      const rag = RAGS[(x.i + m) % RAGS.length];
      await run(() =>
        commands.executeActionCommand(
          { type: 'ReportProgress', data: { actionId: x.actionId, rag, commentary: `Month ${m}: ${rag === 'RED' ? 'off track, recovery plan agreed' : 'progressing'}.`, asAt: day } },
          undefined,
          system(day),
        ),
      );
      if (m % 12 === 0 && m / 12 <= MILESTONES) {
        const completed: ActionCommand = { type: 'CompleteMilestone', data: { actionId: x.actionId, milestoneId: milestoneIdOf(x.actionId, m / 12 - 1), completedOn: day } };
        await run(() => commands.executeActionCommand(completed, undefined, system(day)));
      }
      if (m % EVIDENCE_EVERY === 0) {
        const evidence: ActionCommand = {
          type: 'AttachEvidence',
          data: { actionId: x.actionId, evidenceId: deterministicUuid('bench-evidence', x.actionId, String(m)), kind: 'ACTIVITY', title: `Evidence for month ${m}`, documentReference: `Board paper ${m}`, submittedBy: 'Owner' },
        };
        await run(() => commands.executeActionCommand(evidence, undefined, system(day)));
      }
    }
    onProgress(latencies.length, total);
  }
  return {
    planIds: areas.map((x) => x.planId),
    localAreaIds: areas.map((x) => x.localAreaId),
    actionIds: actions.map((x) => x.actionId),
    commandLatenciesMs: latencies,
    events,
    seconds: (performance.now() - started) / 1000,
  };
}

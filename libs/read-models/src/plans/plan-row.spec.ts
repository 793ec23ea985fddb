import { IMPROVEMENT_AREAS, PlanEvent, RECOVERY_PRIORITIES } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { planViewAt } from '../as-at/plan-view';
import { ProjectedEvent } from '../projection/projection';
import { planRowChanges } from './plan-row';

/** The plan's one fold: what each plan event changes, as the live projection writes it and the as-at view applies it. */
function recorded(revision: number, event: PlanEvent): RecordedEvent {
  const occurredAt = `2026-01-${String(revision + 1).padStart(2, '0')}T09:00:00.000Z`;
  return {
    id: `e${revision}`,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: { schemaVersion: 1, occurredAt },
    streamId: 'plan-p',
    revision: BigInt(revision),
    position: BigInt(revision + 1),
    recordedAt: occurredAt,
  };
}
const projected = (event: RecordedEvent) => ({ type: event.type, data: event.data, recorded: event }) as ProjectedEvent & PlanEvent;

const planId = 'p';
const stream = [
  recorded(0, {
    type: 'PlanCreated',
    data: {
      planId, localArea: { id: 'la', name: 'Coastal Unitary' }, title: 'Plan', version: '2.0', approvedOn: '2025-09-18', staleAfterDays: 45,
      areas: [...IMPROVEMENT_AREAS].reverse(), priorities: [...RECOVERY_PRIORITIES],
    },
  }),
  recorded(1, { type: 'UpdateRoundOpened', data: { planId, roundId: 'r1', title: 'January round', openedOn: '2026-01-02', deadline: '2026-01-20' } }),
  recorded(2, { type: 'StaleThresholdChanged', data: { planId, staleAfterDays: 30, previousStaleAfterDays: 45 } }),
  recorded(3, { type: 'UpdateRoundClosed', data: { planId, roundId: 'r1', closedOn: '2026-01-04' } }),
  recorded(4, { type: 'PlanRevisionApproved', data: { planId, version: '2.1', title: 'Plan, revised', approvedOn: '2026-01-05', previousVersion: '2.0' } }),
];

describe('planRowChanges', () => {
  it('creates the plan with its areas and priorities in number order, each row naming the plan', () => {
    const [created] = planRowChanges(projected(stream[0]));
    expect(created).toMatchObject({ kind: 'planCreated', row: { planId, localAreaId: 'la', localAreaName: 'Coastal Unitary', createdAt: '2026-01-01T09:00:00.000Z', revision: 0 } });
    if (created.kind !== 'planCreated') throw new Error('expected the plan');
    expect(created.areas.map((a) => [a.planId, a.number])).toEqual(IMPROVEMENT_AREAS.map((a) => [planId, a.number]));
  });

  it('moves the plan to the revision of every event, a round opened or closed included', () => {
    expect(planRowChanges(projected(stream[1]))).toEqual([
      { kind: 'roundOpened', row: { roundId: 'r1', planId, title: 'January round', openedOn: '2026-01-02', deadline: '2026-01-20', closedOn: null } },
      { kind: 'planChanged', planId, changes: { revision: 1 } },
    ]);
    expect(planRowChanges(projected(stream[3]))).toEqual([
      { kind: 'roundClosed', roundId: 'r1', closedOn: '2026-01-04' },
      { kind: 'planChanged', planId, changes: { revision: 3 } },
    ]);
  });
});

describe('planViewAt, from the same changes', () => {
  it('holds the plan row the read models hold, with its areas, priorities and rounds in the shapes the API shows', () => {
    const view = planViewAt([stream], '2026-12-31T00:00:00.000Z')!;
    expect(view).toMatchObject({ planId, title: 'Plan, revised', version: '2.1', approvedOn: '2026-01-05', staleAfterDays: 30, createdAt: '2026-01-01T09:00:00.000Z', revision: 4 });
    expect(view.areas).toEqual(IMPROVEMENT_AREAS);
    expect(view.priorities).toEqual(RECOVERY_PRIORITIES);
    expect(view.updateRounds).toEqual([{ roundId: 'r1', title: 'January round', openedOn: '2026-01-02', deadline: '2026-01-20', closedOn: '2026-01-04' }]);
  });

  it('shows a round open before it closed', () => {
    expect(planViewAt([stream], '2026-01-03T12:00:00.000Z')!).toMatchObject({ staleAfterDays: 30, revision: 2, updateRounds: [{ roundId: 'r1', closedOn: null }] });
  });
});

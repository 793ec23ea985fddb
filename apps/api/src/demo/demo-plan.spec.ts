import { ActionEvent, ActionState, addDays, londonDateOf, evolveAction, initialActionState, isStreamOf, currentVersionOf } from '@send/domain';
import { RecordedEvent, SqliteEventStore, upcastOnRead } from '@send/event-store';
import { PlanCommandService } from '../commands/plan-command.service';
import { Clock } from '../common/clock';
import { DEMO_PLAN_ID, loadDemoPlan } from './demo-plan.loader';

const ANCHOR = '2026-03-02';
const STALE_AFTER_DAYS = 42;

type Folded = Extract<ActionState, { exists: true }> & { addedOn: string };

async function load(anchor: string) {
  const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:' }), currentVersionOf);
  const progress: number[] = [];
  const summary = await loadDemoPlan(PlanCommandService.over(store, new Clock()), anchor, (done, total) => progress.push(done / total));
  const events = await store.readAll();
  await store.close();
  return { summary, events, progress };
}

/** Folds the action streams ourselves, as the read side would, to judge the plan at the anchor. */
function foldActions(events: RecordedEvent[]): Folded[] {
  const streams = new Map<string, { state: ActionState; addedOn: string }>();
  for (const recorded of events.filter((e) => isStreamOf('action', e.streamId))) {
    const current = streams.get(recorded.streamId) ?? { state: initialActionState(), addedOn: londonDateOf(recorded.metadata.occurredAt) };
    const event = { type: recorded.type, data: recorded.data } as ActionEvent;
    streams.set(recorded.streamId, { ...current, state: evolveAction(current.state, event) });
  }
  return [...streams.values()].map(({ state, addedOn }) => {
    if (!state.exists) throw new Error('an action stream without ActionAdded');
    return { ...state, addedOn };
  });
}

describe('demo plan', () => {
  let loaded: Awaited<ReturnType<typeof load>>;
  let actions: Folded[];

  beforeAll(async () => {
    loaded = await load(ANCHOR);
    actions = foldActions(loaded.events);
  });

  it('writes every step through the commands and reports its progress', () => {
    expect(loaded.summary.planId).toBe(DEMO_PLAN_ID);
    expect(loaded.summary.events).toBe(loaded.events.length);
    expect(loaded.progress.at(-1)).toBe(1);
    expect(loaded.events.filter((e) => e.type === 'ActionAdded')).toHaveLength(loaded.summary.actions);
    expect(loaded.events.map((e) => e.type)).toEqual(expect.arrayContaining(['PlanCreated', 'PlanRevisionApproved']));
  });

  it('covers all eight improvement areas with at least 25 actions', () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(actions.map((a) => a.areaNumber))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(actions.map((a) => a.ref)).toContain('8.2');
  });

  it('only shows Blue actions whose evidence the board accepted', () => {
    const blue = actions.filter((a) => a.rag === 'BLUE');
    expect(blue.length).toBeGreaterThanOrEqual(3);
    for (const action of blue) {
      expect(Object.values(action.evidence).some((e) => e.review === 'ACCEPTED')).toBe(true);
    }
  });

  it('leaves actions overdue, stale and never rated at the anchor', () => {
    const open = actions.filter((a) => a.status === 'OPEN');
    const staleCutoff = addDays(ANCHOR, -STALE_AFTER_DAYS);
    expect(open.filter((a) => a.dueDate < ANCHOR).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((a) => (a.lastAsAt ?? a.addedOn) < staleCutoff).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((a) => a.rag === 'NOT_YET_RATED').length).toBeGreaterThanOrEqual(1);
  });

  it('closes one action as withdrawn and one as superseded', () => {
    expect(actions.filter((a) => a.status === 'WITHDRAWN')).toHaveLength(1);
    expect(actions.filter((a) => a.status === 'SUPERSEDED')).toHaveLength(1);
  });

  it('includes the board moments a timeline should show', () => {
    const types = new Set(loaded.events.map((e) => e.type));
    for (const type of ['EvidenceRejected', 'OwnerReassigned', 'DueDateRescheduled', 'MilestoneCompleted', 'ActionCompleted']) {
      expect(types).toContain(type);
    }
    const rags = (ref: string) =>
      loaded.events
        .filter((e) => e.type === 'ProgressReported' && actions.find((a) => a.ref === ref)?.actionId === e.data.actionId)
        .map((e) => e.data.rag);
    expect(rags('8.2')).toEqual(['GREEN', 'AMBER', 'RED']);
  });

  it('records every event before the anchor day, with an actor', () => {
    const startOfAnchor = `${ANCHOR}T00:00:00.000Z`;
    for (const event of loaded.events) {
      expect(event.metadata.occurredAt < startOfAnchor).toBe(true);
      expect(event.metadata.actor?.userId).toBeTruthy();
    }
  });

  it('writes the same events for the same anchor', async () => {
    const again = await load(ANCHOR);
    const shape = (events: RecordedEvent[]) => events.map((e) => [e.id, e.streamId, e.type, e.data, e.metadata]);
    expect(shape(again.events)).toEqual(shape(loaded.events));
  });

  it('moves with the anchor, so the plan always looks current', async () => {
    const later = await load('2027-10-15');
    expect(later.events).toHaveLength(loaded.events.length);
    const laterActions = foldActions(later.events);
    expect(laterActions.filter((a) => a.status === 'OPEN' && a.dueDate < '2027-10-15').length).toBe(
      actions.filter((a) => a.status === 'OPEN' && a.dueDate < ANCHOR).length,
    );
  });
});

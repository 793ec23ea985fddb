import { RecordedEvent, SqliteEventStore, StreamStateCache } from '@send/event-store';
import { Clock } from '../common/clock';
import { loadDemoPlan } from '../demo/demo-plan.loader';
import { PlanCommandService } from './plan-command.service';
import { actionDecider, loadEvent, meetingDecider, metricDecider, planDecider, userDecider } from './plan-deciders';

/** The folds the command path caches, by the prefix of the streams they fold. */
const FOLDS = { plan: planDecider, action: actionDecider, user: userDecider, meeting: meetingDecider, metric: metricDecider } as const;

describe('the folded-state cache with every stream of the demo plan', () => {
  let streams: Map<string, RecordedEvent[]>;

  beforeAll(async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    await loadDemoPlan(new PlanCommandService(store, new Clock()), '2026-03-02');
    streams = new Map();
    for (const event of await store.readAll()) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
    await store.close();
  });

  // The cache keeps states as JSON: a state holding anything JSON changes (undefined, a Set, a
  // bigint, a Date) would come back different, and a command would decide on the wrong state.
  it('gives back each state exactly as it was folded', () => {
    const checked = new Map<string, number>();
    for (const [streamId, events] of streams) {
      const kind = streamId.slice(0, streamId.indexOf('-')) as keyof typeof FOLDS;
      const decider: { initialState(): unknown; evolve(state: unknown, event: unknown): unknown } | undefined = FOLDS[kind];
      if (!decider) continue;
      const state = events.reduce((s, e) => decider.evolve(s, loadEvent(e)), decider.initialState());
      const cache = new StreamStateCache();
      cache.set(streamId, { state, revision: events[events.length - 1].revision, commandIds: new Set(), evolve: decider.evolve });
      expect({ streamId, state: cache.get(streamId, decider.evolve)?.state }).toStrictEqual({ streamId, state });
      checked.set(kind, (checked.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(checked)).toEqual({ plan: 1, action: expect.any(Number), user: expect.any(Number), meeting: expect.any(Number), metric: expect.any(Number) });
    expect(checked.get('action')).toBeGreaterThan(30);
  });
});

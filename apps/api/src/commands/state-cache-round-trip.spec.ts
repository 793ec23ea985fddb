import { foldStream, SqliteEventStore, StreamFold, StreamStateCache, upcastOnRead } from '@send/event-store';
import { Clock } from '../common/clock';
import { loadDemoPlan } from '../demo/demo-plan.loader';
import { PlanCommandService } from './plan-command.service';
import { actionDecider, meetingDecider, metricDecider, planDecider, streamConcept, StreamConcept, userDecider, currentVersionOf } from '@send/domain';

/** The deciders whose states the command path caches, by the concept of the streams they fold. */
const DECIDERS: Partial<Record<StreamConcept, unknown>> = { plan: planDecider, action: actionDecider, user: userDecider, meeting: meetingDecider, metric: metricDecider };

describe('the folded-state cache with every stream of the demo plan', () => {
  const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:' }), currentVersionOf);
  let streamIds: string[];

  beforeAll(async () => {
    await loadDemoPlan(PlanCommandService.over(store, new Clock()), '2026-03-02');
    streamIds = [...new Set((await store.readAll()).map((event) => event.streamId))];
  });

  afterAll(() => store.close());

  // The cache keeps states as JSON: a state holding anything JSON changes (undefined, a Set, a
  // bigint, a Date) would come back different, and a command would decide on the wrong state.
  it('gives back each state exactly as it was folded', async () => {
    const checked = new Map<string, number>();
    for (const streamId of streamIds) {
      const kind = streamConcept(streamId);
      const decider = kind && (DECIDERS[kind] as typeof planDecider | undefined);
      if (!kind || !decider) continue;
      const fold = decider as StreamFold<unknown, unknown>;
      const folded = await foldStream(store, streamId, fold);
      const cache = new StreamStateCache();
      await foldStream(store, streamId, fold, cache);
      // Nothing appended since: the second fold is the cached state, as a command's would be.
      const cached = await foldStream(store, streamId, fold, cache);
      expect({ streamId, state: cached.state }).toStrictEqual({ streamId, state: folded.state });
      checked.set(kind, (checked.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(checked)).toEqual({ plan: 1, action: expect.any(Number), user: expect.any(Number), meeting: expect.any(Number), metric: expect.any(Number) });
    expect(checked.get('action')).toBeGreaterThan(30);
  });
});

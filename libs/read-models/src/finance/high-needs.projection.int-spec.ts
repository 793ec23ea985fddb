import { randomUUID } from 'node:crypto';
import { HighNeedsCommand, highNeedsDecider, highNeedsStream, planDecider, planStream, schemaVersionOf } from '@send/domain';
import { foldStream, handleCommand, UpcastingEventStore } from '@send/event-store';
import { DataSource } from 'typeorm';
import { describeOn, PLAN_A, PROGRAMME_OFFICE, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { projectedHistory } from '../risks/register-writer.fixture';
import { HighNeedsForecastEntity } from './high-needs-forecast.entity';
import { HighNeedsPositionEntity } from './high-needs-position.entity';
import { HighNeedsTrajectoryEntity } from './high-needs-trajectory.entity';
import { highNeedsViewAt, highNeedsViewOf } from './high-needs-view';
import { HighNeedsYearEntity } from './high-needs-year.entity';

/** The app's write path for the position, without its Nest wiring: the decider through handleCommand, with the plan as context. */
async function send(store: UpcastingEventStore, command: HighNeedsCommand, now: string) {
  const plan = (await foldStream(store, planStream(PLAN_A), planDecider)).state;
  const commandId = randomUUID();
  return handleCommand(store, highNeedsStream(PLAN_A), highNeedsDecider, command, {
    metadata: { now, commandId, correlationId: commandId, actor: PROGRAMME_OFFICE },
    context: { plan },
    schemaVersionOf,
  });
}

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`The High Needs Block position's read model on ${kind}`, () => {
    let store: UpcastingEventStore;
    let dataSource: DataSource;
    let runner: ProjectionRunner;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dataSource, runner, close } = await projectedHistory(kind));
      const planId = PLAN_A;
      await send(store, { type: 'StartHighNeedsPosition', data: { planId, firstYear: '2024/25', openingCumulativeDeficit: '63512000' } }, '2025-04-20T09:00:00.000Z');
      await send(store, { type: 'SetHighNeedsYear', data: { planId, year: '2024/25', dsgAllocation: '365830000', budget: '400000000' } }, '2025-04-20T09:00:00.000Z');
      await send(store, { type: 'RecordHighNeedsForecast', data: { planId, period: '2024/25 Q4', forecastOutturn: '415575000', commentary: 'Outturn' } }, '2025-04-21T09:00:00.000Z');
      await send(store, { type: 'SetHighNeedsYear', data: { planId, year: '2025/26', dsgAllocation: '380000000', budget: '437500000' } }, '2025-04-21T09:00:00.000Z');
      await send(store, { type: 'SetDeficitTrajectory', data: { planId, year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Recovery plan' } }, '2025-04-21T09:00:00.000Z');
      await send(store, { type: 'RecordHighNeedsForecast', data: { planId, period: '2025/26 Q2', forecastOutturn: '451000000', commentary: 'Q2' } }, '2025-10-20T09:00:00.000Z');
      const last = await send(store, { type: 'RecordHighNeedsForecast', data: { planId, period: '2025/26 Q2', forecastOutturn: '999999999999.99', commentary: 'Q2 revised' } }, '2025-10-27T09:00:00.000Z');
      await runner.waitForPosition(last.position!);
    });

    afterAll(() => close());

    it('keeps pence exact in bigint columns, past 2^31 and up to the £1 trillion cap', async () => {
      expect(await dataSource.getRepository(HighNeedsPositionEntity).findOneByOrFail({ planId: PLAN_A })).toEqual({ planId: PLAN_A, firstYear: '2024/25', openingCumulativeDeficit: 6_351_200_000, revision: 6 });
      const forecasts = await dataSource.getRepository(HighNeedsForecastEntity).find({ where: { planId: PLAN_A, period: '2025/26 Q2' }, order: { revision: 'ASC' } });
      expect(forecasts.map((f) => [f.revision, f.forecastOutturn, f.commentary, f.recordedBy])).toEqual([
        [1, 45_100_000_000, 'Q2', PROGRAMME_OFFICE.userId],
        [2, 99_999_999_999_999, 'Q2 revised', PROGRAMME_OFFICE.userId],
      ]);
      expect(await dataSource.getRepository(HighNeedsTrajectoryEntity).findBy({ planId: PLAN_A })).toEqual([{ planId: PLAN_A, year: '2025/26', cumulativeDeficit: 18_300_000_000, amberTolerance: 500_000_000 }]);
    });

    it('folds from the event store exactly the view the projection holds, and the position as it stood earlier', async () => {
      const stream = await store.readStream(highNeedsStream(PLAN_A));
      const [position, years, forecasts, trajectory] = await Promise.all([
        dataSource.getRepository(HighNeedsPositionEntity).findOneByOrFail({ planId: PLAN_A }),
        dataSource.getRepository(HighNeedsYearEntity).findBy({ planId: PLAN_A }),
        dataSource.getRepository(HighNeedsForecastEntity).findBy({ planId: PLAN_A }),
        dataSource.getRepository(HighNeedsTrajectoryEntity).findBy({ planId: PLAN_A }),
      ]);
      const live = highNeedsViewOf({ position, years: [...years].sort((a, b) => a.year.localeCompare(b.year)), forecasts, trajectory });
      const folded = highNeedsViewAt(stream, '9999-12-31T23:59:59.999Z')!;
      expect(JSON.parse(JSON.stringify(folded))).toEqual(JSON.parse(JSON.stringify(live)));
      const before = highNeedsViewAt(stream, '2025-10-21T00:00:00.000Z')!;
      expect(before.facts.forecasts.find((f) => f.period === '2025/26 Q2')).toMatchObject({ revision: 1, forecastOutturn: 45_100_000_000 });
      expect(before.revision).toBe(5);
      expect(highNeedsViewAt(stream, '2025-04-19T23:59:59.999Z')).toBeUndefined();
    });
  });
}

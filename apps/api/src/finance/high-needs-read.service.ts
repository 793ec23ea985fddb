import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deriveHighNeedsPosition, describeFinancialPeriod, highNeedsStream, parseFinancialPeriod, QuarterForecastPosition, TrajectoryPoint } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import {
  HighNeedsForecastEntity,
  HighNeedsPositionEntity,
  HighNeedsTrajectoryEntity,
  HighNeedsView,
  highNeedsViewAt,
  highNeedsViewOf,
  HighNeedsYearEntity,
} from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { HighNeedsForecastModel, HighNeedsPositionModel, TrajectoryPointModel } from './models/high-needs.model';
import { money, moneyOrNull } from './models/money.model';

const trajectoryModel = (t: TrajectoryPoint): TrajectoryPointModel => ({ year: t.year, cumulativeDeficit: money(t.cumulativeDeficit), amberTolerance: money(t.amberTolerance) });

const forecastModel = (f: QuarterForecastPosition): HighNeedsForecastModel => ({
  period: f.period,
  periodLabel: describeFinancialPeriod(parseFinancialPeriod(f.period)!),
  forecastOutturn: money(f.forecastOutturn),
  commentary: f.commentary,
  revision: f.revision,
  recordedAt: f.recordedAt,
  inYearDeficit: money(f.inYearDeficit),
  varianceAgainstBudget: money(f.varianceAgainstBudget),
  cumulativeDeficit: moneyOrNull(f.cumulativeDeficit),
  rating: f.rating,
});

/** Reads a plan's position from the read models, or folded from its stream to an instant; callers check access first. */
@Injectable()
export class HighNeedsReadService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
  ) {}

  private async liveView(planId: string): Promise<HighNeedsView | undefined> {
    const position = await this.dataSource.getRepository(HighNeedsPositionEntity).findOneBy({ planId });
    if (!position) return undefined;
    const [years, forecasts, trajectory] = await Promise.all([
      this.dataSource.getRepository(HighNeedsYearEntity).findBy({ planId }),
      this.dataSource.getRepository(HighNeedsForecastEntity).findBy({ planId }),
      this.dataSource.getRepository(HighNeedsTrajectoryEntity).findBy({ planId }),
    ]);
    return highNeedsViewOf({ position, years, forecasts, trajectory });
  }

  /** Null before the position was started (by the instant, when given). */
  async position(planId: string, asAt?: string): Promise<HighNeedsPositionModel | null> {
    const view = asAt === undefined ? await this.liveView(planId) : highNeedsViewAt(await this.store.readStream(highNeedsStream(planId)), asAt);
    if (!view) return null;
    const { facts } = view;
    return {
      planId: facts.planId,
      firstYear: facts.firstYear,
      openingCumulativeDeficit: money(facts.openingCumulativeDeficit),
      years: deriveHighNeedsPosition(facts).map((y) => ({
        year: y.year,
        dsgAllocation: money(y.dsgAllocation),
        budget: money(y.budget),
        revision: y.revision,
        budgetedDeficit: money(y.budgetedDeficit),
        openingCumulativeDeficit: moneyOrNull(y.openingCumulativeDeficit),
        forecasts: y.forecasts.map(forecastModel),
        latest: y.latest && forecastModel(y.latest),
        closingCumulativeDeficit: moneyOrNull(y.closingCumulativeDeficit),
        trajectory: y.trajectory && trajectoryModel(y.trajectory),
      })),
      trajectory: facts.trajectory.map(trajectoryModel),
      forecastHistory: view.forecastHistory.map((r) => ({ ...r, forecastOutturn: money(r.forecastOutturn) })),
      revision: view.revision,
    };
  }
}

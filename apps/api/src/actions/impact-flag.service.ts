import { Injectable } from '@nestjs/common';
import { greenButNotMovingTheNeedle, LinkedMetricPosition } from '@send/domain';
import type { ActionFilter } from '@send/read-models';
import type { PlanReader } from '../reading/plan-reader';
import type { MetricModel } from '../scorecard/models/metric.model';
import { ActionFilterInput, toActionFilter } from './dto/action-filter.input';
import { ActionModel } from './models/action.model';
import { ImpactFlagModel } from './models/delivery-confidence.model';

const position = (m: MetricModel): LinkedMetricPosition => ({
  metricId: m.id,
  name: m.name,
  polarity: m.polarity,
  latest: m.latest && { period: m.latest.period, value: m.latest.value, rag: m.rag },
  previous: m.previous && { period: m.previous.period, value: m.previous.value },
});

/** How many actions a page of the plan-level list reads at a time. */
const PAGE = 100;

/**
 * The "green but not moving the needle" flag, judged on the scorecard as the action's reader shows
 * it: today's figures live, the figures as they stood at the instant for an as-at read. The
 * scorecard is read once per reader (one request), however many actions ask.
 */
@Injectable()
export class ImpactFlagService {
  private readonly scorecards = new WeakMap<PlanReader, Promise<MetricModel[]>>();

  async flagFor(action: ActionModel): Promise<ImpactFlagModel | null> {
    // Only a Green action can be flagged: the others need no scorecard read.
    if (action.rag !== 'GREEN') return null;
    const metrics = await this.scorecardOf(action.reader);
    return greenButNotMovingTheNeedle(action, metrics.filter((m) => m.actionIds.includes(action.id)).map(position));
  }

  /** The plan's flagged actions in reference order. */
  async flaggedIn(reader: PlanReader): Promise<ActionModel[]> {
    const linked = new Set((await this.scorecardOf(reader)).flatMap((m) => m.actionIds));
    if (linked.size === 0) return [];
    const flagged: ActionModel[] = [];
    let after: string | undefined;
    do {
      const page = await reader.actions({ rag: 'GREEN', status: 'OPEN' }, PAGE, after);
      for (const { node } of page.edges) if (linked.has(node.id) && (await this.flagFor(node))) flagged.push(node);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    return flagged;
  }

  /**
   * The read-model filter for a client's filter. The flag is judged on scorecard figures the
   * actions table does not hold, so `notMovingTheNeedle` becomes the set of flagged actions; the
   * scorecard is read only when the filter asks for it.
   */
  async actionFilter(reader: PlanReader, input?: ActionFilterInput): Promise<ActionFilter> {
    if (input?.notMovingTheNeedle === undefined) return toActionFilter(input);
    return toActionFilter(input, (await this.flaggedIn(reader)).map((a) => a.id));
  }

  private scorecardOf(reader: PlanReader): Promise<MetricModel[]> {
    let metrics = this.scorecards.get(reader);
    if (!metrics) {
      metrics = reader.scorecard();
      this.scorecards.set(reader, metrics);
    }
    return metrics;
  }
}

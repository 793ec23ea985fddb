import { Injectable } from '@nestjs/common';
import { InvalidValueError, Principal, ukDateTime } from '@send/domain';
import { Movement, movementBetween, PlanEntity, PlanView } from '@send/read-models';
import { AsAtService, planNotYet } from '../as-at/as-at.service';
import { Clock } from '../common/clock';

export interface Period {
  from?: string;
  fromMeeting?: string;
  to?: string;
  toMeeting?: string;
  knownAt?: string;
}

/** What moved in a plan over a period, with the plan as it stood at the end of it. */
@Injectable()
export class MovementService {
  constructor(
    private readonly asAt: AsAtService,
    private readonly clock: Clock,
  ) {}

  async between(plan: PlanEntity, period: Period, principal: Principal): Promise<{ movement: Movement; end: PlanView }> {
    const from = await this.asAt.instant({ recordedBy: period.from, asAtMeeting: period.fromMeeting }, principal, plan.planId, {
      instant: 'from',
      meeting: 'fromMeeting',
    });
    if (from === undefined) throw new InvalidValueError('from', 'required', 'Give from (a date or an instant) or fromMeeting');
    const to =
      (await this.asAt.instant({ recordedBy: period.to, asAtMeeting: period.toMeeting }, principal, plan.planId, {
        instant: 'to',
        meeting: 'toMeeting',
      })) ?? this.clock.now();
    if (from >= to) throw new InvalidValueError('to', 'fromBeforeTo', `The period must run forwards: from ${ukDateTime(from)} is not before to ${ukDateTime(to)}`);
    const knownAt = this.asAt.knownAt({ knownAt: period.knownAt }, to, 'knownAt', 'an end (to or toMeeting)');
    return this.period(plan.planId, from, to, knownAt);
  }

  /** Both ends already checked; a start before the plan existed means everything in it is new. */
  async period(planId: string, from: string, to: string, knownAt?: string): Promise<{ movement: Movement; end: PlanView }> {
    const [start, end] = await this.asAt.planViews(planId, [from, to], knownAt);
    if (!end) throw planNotYet(planId, to);
    return { movement: movementBetween(from, start, end), end };
  }
}

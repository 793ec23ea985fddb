import { Query, Resolver } from '@nestjs/graphql';
import { Clock } from '../common/clock';

/**
 * The tracker's clock, for clients. A laptop may be set to another time zone or simply be wrong;
 * a date a person is offered as "today" (an update's as at) must be the day the API will judge
 * "not in the future" against, so clients take it from here rather than from the device.
 */
@Resolver()
export class ClockResolver {
  constructor(private readonly clock: Clock) {}

  @Query(() => String, {
    name: 'now',
    description:
      "The tracker's clock, as an ISO UTC instant. Today is this instant's day in Europe/London: the latest date an update's as at may carry, and the date the dashboard offers, whatever the device's own clock and time zone say.",
  })
  now(): string {
    return this.clock.now();
  }
}

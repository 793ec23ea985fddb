import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');

/**
 * A route that answers without a bearer token: only what a signed-out page needs to offer
 * sign-in, and never data from the plan.
 */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

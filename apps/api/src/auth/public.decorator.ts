import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'auth:public';

/**
 * A route the AuthenticationGuard lets through without a bearer token: only the probes that a
 * load balancer or monitoring system calls, which answer no personal data (health; /metrics checks
 * its own secret). Never for anything that reads or writes the plan.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

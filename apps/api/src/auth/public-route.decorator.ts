import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'auth:public-route';

/**
 * A plain HTTP route that needs no bearer token: only the ways of signing in. The global
 * AuthenticationGuard lets these through and nothing else; GraphQL has no public field.
 */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

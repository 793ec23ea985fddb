import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Principal } from '@send/domain';
import { ErrorCode } from '../errors/error-codes';
import { PrincipalService } from './principal.service';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { AuthenticationError, TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface AuthenticatedRequest {
  headers: Record<string, string | undefined>;
  authentication?: Promise<Principal>;
  principal?: Principal;
}

const unauthenticated = (why: string) =>
  new GraphQLError(`Sign-in required: ${why}. Send "Authorization: Bearer <token>".`, {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });

/** The HTTP request behind a GraphQL operation or a plain route (the report downloads). */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/**
 * Every query, mutation and plain route needs a valid bearer token; nothing is read or written
 * without one. The only exceptions are the plain routes marked @PublicRoute(): the ways of signing
 * in, and the health and metrics probes (which answer no personal data; /metrics checks its own secret).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly principals: PrincipalService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() === 'http' && this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = requestOf(context);
    // One request may hold several root fields; the token is checked once for all of them.
    request.authentication ??= this.authenticate(request.headers.authorization);
    request.principal = await request.authentication;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw unauthenticated(header ? 'the Authorization header is not a bearer token' : 'no bearer token');
    try {
      return await this.principals.forClaim(await this.verifier.verify(match[1]));
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated('the token is not valid here');
      throw error;
    }
  }
}

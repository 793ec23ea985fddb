import { applyDecorators, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { GraphQLError } from 'graphql';
import { AuthenticatedRequest } from '../auth/authentication.guard';
import { ErrorCode } from '../errors/error-codes';

/** The one throttler ThrottlerModule is given (see app.module.ts); only this guard consults it. */
export const EXPENSIVE_READS = 'expensive-reads';

const WHEN = 'expensive-read:when';

type Args = Record<string, unknown>;

/**
 * Marks a query or download that reads the event history (see history-complexity.ts). Each call
 * for which `when(args)` holds counts against the caller's allowance of EXPENSIVE_READS_PER_USER
 * per EXPENSIVE_READS_WINDOW_SECONDS, shared by all such fields; past it the answer is
 * TOO_MANY_REQUESTS. Aliases count one each.
 */
export const ExpensiveRead = (when: (args: Args) => boolean = () => true) => applyDecorators(SetMetadata(WHEN, when), UseGuards(ExpensiveReadGuard));

/**
 * @nestjs/throttler keyed by the signed-in person rather than the address (a council's users may
 * share one), counting every expensive field together. It runs after AuthenticationGuard, the
 * global guard, so the principal is known.
 */
@Injectable()
export class ExpensiveReadGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const when = this.reflector.get<((args: Args) => boolean) | undefined>(WHEN, context.getHandler());
    const args: Args = isGraphQL(context) ? GqlExecutionContext.create(context).getArgs() : context.switchToHttp().getRequest().query;
    return when !== undefined && !when(args ?? {});
  }

  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    if (!isGraphQL(context)) return super.getRequestResponse(context);
    const req = GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest & { res: Record<string, any> } }>().req;
    return { req, res: req.res };
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const principal = (req as AuthenticatedRequest).principal;
    return principal ? `user:${principal.userId}` : `ip:${req.ip}`;
  }

  /** One allowance per person across every expensive field, not one per field. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new GraphQLError(
      `Too many history reads (as-at views, movement, reports, history checks): at most ${detail.limit} per person every ${detail.ttl / 1000} s. Try again in ${retryAfterSeconds} s.`,
      { extensions: { code: ErrorCode.TooManyRequests, limit: detail.limit, windowSeconds: detail.ttl / 1000, retryAfterSeconds, http: { status: 429 } } },
    );
  }
}

const isGraphQL = (context: ExecutionContext) => context.getType<GqlContextType>() === 'graphql';

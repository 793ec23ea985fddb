import { Body, Controller, Header, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { PublicRoute } from '../auth/public-route.decorator';
import { Clock } from '../common/clock';
import { ErrorCode } from '../errors/error-codes';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { RedeemSignInLinkBody } from './dto/redeem-sign-in-link.body';
import { RequestSignInLinkBody } from './dto/request-sign-in-link.body';
import { LimitRefusal, RequestLimiter } from './request-limiter';
import { SignInLinkRefusedError, SignInLinkService, SignInSession } from './sign-in-link.service';

/** Whoever asks hears this, whether or not the address belongs to anyone. */
export const LINK_REQUESTED = 'If that address belongs to someone with access, a link is on its way.';

const HOUR_MS = 3_600_000;

/**
 * The embedded mode's way in without an operator: ask for a link by e-mail address, then hand
 * in the code from it for a session token. Both routes are public (there is no token yet) and
 * limited per client address; asking is also limited per e-mail address.
 */
@Controller('auth/sign-in-link')
@UseFilters(HttpErrorFilter)
export class SignInLinksController {
  private readonly perAddress: RequestLimiter;
  private readonly perClient: RequestLimiter;
  private readonly refusedPerClient: RequestLimiter;

  constructor(
    private readonly links: SignInLinkService,
    @Inject(Clock) clock: Clock,
  ) {
    const { perAddressPerHour, perClientPerHour } = links.settings;
    this.perAddress = new RequestLimiter(clock, perAddressPerHour, HOUR_MS);
    this.perClient = new RequestLimiter(clock, perClientPerHour, HOUR_MS);
    this.refusedPerClient = new RequestLimiter(clock, perClientPerHour, HOUR_MS);
  }

  @Post()
  @PublicRoute()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  request(@Body() body: RequestSignInLinkBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): { message: string } {
    // Limited whether or not the address is known, so a refusal tells nothing either.
    refuseIfLimited(response, this.perClient.take(client(request)), 'Too many sign-in links asked for from this network');
    refuseIfLimited(response, this.perAddress.take(body.email.toLowerCase()), 'Too many sign-in links asked for this address');
    this.links.request(body.email);
    return { message: LINK_REQUESTED };
  }

  @Post('redeem')
  @PublicRoute()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async redeem(@Body() body: RedeemSignInLinkBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignInSession> {
    refuseIfLimited(response, this.refusedPerClient.refusal(client(request)), 'Too many sign-in links refused from this network');
    try {
      return await this.links.redeem(body.code);
    } catch (error) {
      if (!(error instanceof SignInLinkRefusedError)) throw error;
      this.refusedPerClient.take(client(request));
      throw new GraphQLError(error.message, { extensions: { code: ErrorCode.Unauthenticated, reason: 'SIGN_IN_LINK_EXPIRED_OR_USED' } });
    }
  }
}

const client = (request: Request) => `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;

function refuseIfLimited(response: Response, refusal: LimitRefusal | undefined, what: string): void {
  if (!refusal) return;
  response.setHeader('Retry-After', String(refusal.retryAfterSeconds));
  throw new GraphQLError(`${what}. Try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} min.`, {
    extensions: { code: ErrorCode.TooManyRequests, retryAfterSeconds: refusal.retryAfterSeconds },
  });
}

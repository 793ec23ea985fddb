import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { PublicRoute } from '../auth/public-route.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { ErrorCode } from '../errors/error-codes';
import { Metrics } from './metrics';
import { recordErrors } from '../errors/request-outcome';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus metrics. They name operations and show volumes, so they are guarded by a secret of
 * their own (METRICS_TOKEN), not by a person's sign-in: a scraper is not a user. Without the
 * secret a development instance serves them openly, and a production one does not serve them.
 */
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | undefined;
  private readonly production: boolean;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const secret = config.monitoring?.metricsToken;
    this.token = secret === undefined ? undefined : digest(secret);
    this.production = config.production;
  }

  @Get()
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (this.token === undefined && this.production) {
      return this.refuse(request, response, 404, ErrorCode.NotFound, 'Metrics are not served: set METRICS_TOKEN to serve them to a scraper that sends it as a bearer token.');
    }
    if (this.token !== undefined && !this.authorised(request.get('authorization'))) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return this.refuse(request, response, 401, ErrorCode.Unauthenticated, 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".');
    }
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }

  /** Compared as digests of equal length, in constant time, so the answer's timing says nothing about the secret. */
  private authorised(header: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    return match !== null && timingSafeEqual(digest(match[1]), this.token!);
  }

  private refuse(request: Request, response: Response, status: number, code: string, message: string): void {
    recordErrors(request, [{ code }]);
    response.status(status).json({ errors: [{ message, extensions: { code } }] });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Logger as PinoLogger } from 'pino';
import { TOKEN_VERIFIER } from '../auth/authentication.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { AppLogger } from './app-logger';
import { Metrics } from './metrics';
import { ErrorOutcome, ObservedRequest, refusalOf } from '../errors/request-outcome';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is taken as it is only when it cannot smuggle anything into a log line. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Probes ask every few seconds; their lines are for debugging, not for the everyday log. */
const PROBE_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * One log line per request when its answer has gone: request id, user, GraphQL operation, outcome
 * and duration; and one security event per refusal in it. Nothing from the body, the headers or
 * the query string is logged: no token, no variables, no names.
 */
@Injectable()
export class RequestLog {
  private readonly log: PinoLogger;

  constructor(
    logger: AppLogger,
    private readonly metrics: Metrics,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
  ) {
    this.log = logger.root;
  }

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const observed = req as unknown as ObservedRequest;
    const offered = req.get(REQUEST_ID_HEADER);
    observed.requestId = offered !== undefined && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, observed.requestId);
    const finished = (aborted: boolean) =>
      this.finished(req, res, Number(process.hrtime.bigint() - started) / 1e9, aborted).catch((error: unknown) =>
        this.log.error({ requestId: observed.requestId }, `The request could not be logged: ${error instanceof Error ? error.message : error}`),
      );
    res.once('finish', () => void finished(false));
    res.once('close', () => {
      if (!res.writableFinished) void finished(true);
    });
    next();
  };

  private async finished(req: Request, res: Response, seconds: number, aborted: boolean): Promise<void> {
    const observed = req as unknown as ObservedRequest;
    const path = req.originalUrl.split('?')[0];
    const errors = observed.errors ?? [];
    const refused = errors.some((e) => refusalOf(e) !== undefined);
    const outcome = aborted ? 'ABORTED' : (errors[0]?.code ?? (res.statusCode >= 400 ? `HTTP_${res.statusCode}` : 'ok'));
    const graphql = observed.graphql;
    const common = {
      requestId: observed.requestId,
      userId: observed.principal?.userId ?? (refused ? await this.signedInAs(req.get('authorization')) : undefined),
      operationName: graphql?.operationName,
      operationType: graphql?.operationType,
    };
    const route = (req as { route?: { path?: string } }).route?.path;
    this.metrics.requestDuration.observe(
      graphql
        ? { operation: this.metrics.operationLabel(graphql.operationName), type: graphql.operationType ?? '_unknown', outcome }
        : { operation: route ? `${req.method} ${route}` : path === '/graphql' ? '_unparsed' : '_other', type: 'http', outcome },
      seconds,
    );
    for (const error of errors) this.refusal(error, common, req.method, path);
    const line = {
      event: 'request',
      ...common,
      method: req.method,
      path: path.slice(0, 200),
      status: res.statusCode,
      outcome,
      errorCodes: errors.length > 1 ? [...new Set(errors.map((e) => e.code))] : undefined,
      durationMs: Math.round(seconds * 1e4) / 10,
    };
    if (PROBE_PATHS.has(path) && outcome === 'ok') this.log.debug(line, 'request');
    else this.log.info(line, 'request');
  }

  /**
   * Who sent a request refused before anything ran (too costly, too deep, too many fields), when
   * sign-in had not yet been checked: the token is verified as the guard would (recently verified
   * ones are remembered), so the security log names a user only on a valid signature.
   */
  private async signedInAs(authorization: string | undefined): Promise<string | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    return this.tokens.verify(match[1]).catch(() => undefined);
  }

  private refusal(error: ErrorOutcome, common: Record<string, unknown>, method: string, path: string): void {
    const refusal = refusalOf(error);
    if (refusal === undefined) return;
    this.log.warn({ event: 'security.refusal', ...common, method, path: path.slice(0, 200), code: refusal, rule: error.rule, field: error.path }, `refused: ${refusal}`);
  }
}

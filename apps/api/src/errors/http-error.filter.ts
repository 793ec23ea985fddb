import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { errorOutcome, recordErrors } from './request-outcome';
import { ErrorCode } from './error-codes';
import { toGraphQLError } from './to-graphql-error';

const STATUS: Record<string, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RuleViolation]: 422,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.IntegrityCheckFailed]: 500,
  [ErrorCode.HistoryBroken]: 503,
  [ErrorCode.TooManyRequests]: 429,
};

/** Plain HTTP routes answer errors with the same codes and body shape as GraphQL, and a matching status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toGraphQLError(exception);
    const { http, ...extensions } = error.extensions as { http?: unknown; code?: string };
    const response = host.switchToHttp().getResponse<Response>();
    recordErrors(host.switchToHttp().getRequest(), [errorOutcome(extensions)]);
    response.status(STATUS[extensions.code ?? ''] ?? 500).json({ errors: [{ message: error.message, extensions }] });
  }
}

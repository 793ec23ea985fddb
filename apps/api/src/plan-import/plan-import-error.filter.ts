import { ArgumentsHost, BadRequestException, Catch, Inject, PayloadTooLargeException } from '@nestjs/common';
import { InvalidValueError } from '@send/domain';
import type { Response } from 'express';
import { AppConfig, planImportLimits } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { ErrorCode } from '../errors/error-codes';
import { HttpErrorFilter } from '../errors/http-error.filter';

/**
 * The upload is checked while it streams in, before the importer sees it: past the size limit the
 * answer is 413 with the importer's own rule, and a malformed form names what the form takes.
 */
@Catch()
export class PlanImportErrorFilter extends HttpErrorFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof BadRequestException) {
      // Only the upload throws these here: a form with more than the one file, or a broken multipart body.
      const message = `${exception.message}. The form takes one field, "file"; dryRun, importId and asOfDate go in the query string`;
      return super.catch(new InvalidValueError('file', 'multipartForm', message), host);
    }
    if (!(exception instanceof PayloadTooLargeException)) return super.catch(exception, host);
    const { maxBytes } = planImportLimits(this.config);
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        errors: [
          {
            message: `The file is larger than the ${maxBytes} bytes an import takes (PLAN_IMPORT_MAX_BYTES); nothing was imported`,
            extensions: { code: ErrorCode.BadUserInput, field: 'file', rule: 'fileTooLarge' },
          },
        ],
      });
  }
}

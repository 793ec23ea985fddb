import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { validationErrorFactory } from '../errors/validation-error.factory';
import { UploadEvidenceFields } from './dto/upload-evidence.fields';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { EvidenceFileMissingError, EvidenceFileTooLargeError } from './evidence-file.errors';
import { removeAbandonedUploads } from './abandoned-uploads';
import { acceptText } from '../hardening/text-rule';

/** Room for the form fields and part headers besides the file (ten fields of at most 4 KB). */
const FORM_ALLOWANCE = 64 * 1024;

/** An upload written to the incoming folder, not yet checked; `discard` removes it. */
export interface ReceivedUpload {
  path: string;
  originalName: string;
  fields: UploadEvidenceFields;
  discard(): Promise<void>;
}

/**
 * Reads a multipart upload straight to disk (never whole into memory), stopping at the size
 * limit; multer removes the partial file when it stops. The form fields are validated here.
 */
@Injectable()
export class EvidenceUploadReceiver implements OnApplicationBootstrap {
  private readonly logger = new Logger('EvidenceFiles');
  private readonly incoming: string;
  private readonly upload: ReturnType<multer.Multer['single']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.incoming = join(config.evidenceFiles.dir, 'incoming');
    mkdirSync(this.incoming, { recursive: true });
    this.upload = multer({
      storage: multer.diskStorage({ destination: this.incoming }),
      limits: { fileSize: config.evidenceFiles.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
      // Browsers send file names as UTF-8; busboy would otherwise read them as Latin-1.
      defParamCharset: 'utf8',
    }).single('file');
  }

  /** A crash mid-upload leaves its file behind; clear those once nothing can still be writing them. */
  async onApplicationBootstrap(): Promise<void> {
    const removed = await removeAbandonedUploads([this.incoming], Date.now());
    if (removed > 0) this.logger.log(`Removed ${removed} upload file(s) abandoned by an earlier crash.`);
  }

  async receive(request: Request, response: Response): Promise<ReceivedUpload> {
    // A body declared far beyond the limit is refused before any of it is read.
    if (Number(request.headers['content-length']) > this.config.evidenceFiles.maxBytes + FORM_ALLOWANCE) {
      throw new EvidenceFileTooLargeError(this.config.evidenceFiles.maxBytes);
    }
    await new Promise<void>((resolve, reject) =>
      this.upload(request, response, (error: unknown) => (error ? reject(this.refusal(error)) : resolve())),
    );
    const file = request.file;
    if (!file) throw new EvidenceFileMissingError(request.is('multipart') ? 'no file was sent' : 'the request is not multipart');
    const discard = () => rm(file.path, { force: true });
    try {
      // The same text rule as GraphQL input: well-formed, no control or bidi characters, composed.
      const body = Object.entries({ ...request.body }).map(([name, value]) => [name, typeof value === 'string' ? acceptText(name, value) : value]);
      const fields = plainToInstance(UploadEvidenceFields, Object.fromEntries(body));
      const violations = await validate(fields, { whitelist: true, forbidNonWhitelisted: true });
      if (violations.length > 0) throw validationErrorFactory(violations);
      return { path: file.path, originalName: acceptText('file.originalName', cleanName(file.originalname)), fields, discard };
    } catch (error) {
      await discard();
      throw error;
    }
  }

  private refusal(error: unknown): unknown {
    if (!(error instanceof MulterError)) return error;
    if (error.code === 'LIMIT_FILE_SIZE') return new EvidenceFileTooLargeError(this.config.evidenceFiles.maxBytes);
    return new GraphQLError(`The upload was refused: ${error.message} (${error.field ?? 'form'})`, {
      extensions: { code: ErrorCode.BadUserInput, field: error.field ?? 'file', rule: error.code },
    });
  }
}

/**
 * The name as the person knows it: no folders (some browsers send C:\fakepath\…), no control
 * characters, at most 255 characters without splitting an emoji into a lone surrogate.
 */
function cleanName(name: string): string {
  const plain = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return Array.from(plain).slice(0, 255).join('') || 'evidence';
}

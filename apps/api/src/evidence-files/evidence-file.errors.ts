import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { StorageFailure } from '../errors/storage-failure';

/** Each refusal names the field and the rule, like every validation error of the API. */
const refusal = (message: string, code: string, rule: string) =>
  [message, { extensions: { code, field: 'file', rule } }] as const;

export class EvidenceFileTooLargeError extends GraphQLError {
  constructor(maxBytes: number) {
    super(
      ...refusal(
        `The file is larger than the ${formatBytes(maxBytes)} limit for evidence (EVIDENCE_FILE_MAX_BYTES); nothing was stored`,
        ErrorCode.PayloadTooLarge,
        'maxBytes',
      ),
    );
  }
}

export class EvidenceFileTypeRefusedError extends GraphQLError {
  constructor(originalName: string, why: string) {
    super(
      ...refusal(
        `"${originalName}" was refused: ${why}. Evidence files must be PDF, Word, Excel or PowerPoint documents, or PNG, JPEG, GIF or WebP images; nothing was stored`,
        ErrorCode.UnsupportedMediaType,
        'fileType',
      ),
    );
  }
}

export class EvidenceFileMissingError extends GraphQLError {
  constructor(detail: string) {
    super(...refusal(`Send the evidence as multipart/form-data with the file in a field named "file" (${detail})`, ErrorCode.BadUserInput, 'required'));
  }
}

export class EvidenceFileStorageError extends GraphQLError {
  constructor(storage: StorageFailure) {
    super(`The file could not be stored: ${storage.cause}. Nothing was attached; try again once it is fixed.`, {
      extensions: { code: ErrorCode.ServiceUnavailable, reason: storage.reason },
    });
  }
}

export class EvidenceFileIntegrityError extends GraphQLError {
  constructor(evidenceTitle: string, what: string) {
    super(`The stored file for evidence "${evidenceTitle}" ${what}, so it is not sent. Restore it from a backup and tell the programme office.`, {
      extensions: { code: ErrorCode.IntegrityCheckFailed },
    });
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

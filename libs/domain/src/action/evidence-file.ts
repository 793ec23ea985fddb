import { InvalidValueError } from '../shared/domain-error';
import { requireText } from '../shared/guards';

/**
 * An uploaded file kept as evidence. Its SHA-256 is what proves later which bytes the board was
 * shown; its content type is what the content turned out to be, never what the name claimed.
 */
export interface EvidenceFile {
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
}

export function requireEvidenceFile(file: EvidenceFile): EvidenceFile {
  if (!/^[0-9a-f]{64}$/.test(file.sha256 ?? '')) {
    throw new InvalidValueError('file.sha256', 'isSha256', 'file.sha256 must be a SHA-256 digest as 64 lower-case hex digits');
  }
  if (!Number.isSafeInteger(file.size) || file.size < 1) {
    throw new InvalidValueError('file.size', 'isPositiveInteger', 'file.size must be a whole number of bytes above 0');
  }
  return {
    sha256: file.sha256,
    size: file.size,
    contentType: requireText('file.contentType', file.contentType),
    originalName: requireText('file.originalName', file.originalName),
  };
}

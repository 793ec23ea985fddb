import { Readable } from 'node:stream';

export const EVIDENCE_FILE_STORE = Symbol('EVIDENCE_FILE_STORE');

export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Where uploaded evidence lives, addressed by the SHA-256 of its content: the embedded default is
 * a folder on disk; an S3-compatible bucket can implement the same three calls. Content is only
 * ever added, never changed, so the hash an event records names exactly one file for ever.
 */
export interface EvidenceFileStore {
  /** Keeps the content and answers its hash and size; the same content twice is kept once. */
  put(content: Readable): Promise<StoredFile>;
  has(sha256: string): Promise<boolean>;
  /** The content as stored (callers re-check its hash), or null when nothing is stored under it. */
  open(sha256: string): Promise<Readable | null>;
}

import { RecordedEvent } from '@send/event-store';

/**
 * The SHA-256 of the uploaded file an event names, if it names one. Only `EvidenceAttached` does
 * (from version 2; version 1 predates files), and the file was stored before the event was appended.
 */
export function evidenceFileNamedBy(event: RecordedEvent): string | undefined {
  if (event.type !== 'EvidenceAttached') return undefined;
  const file = (event.data as { file?: { sha256?: unknown } | null }).file;
  return typeof file?.sha256 === 'string' ? file.sha256 : undefined;
}

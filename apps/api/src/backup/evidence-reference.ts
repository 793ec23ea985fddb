import { ChainVerification, RecordedEvent, SqliteEventStore, verifyEventStore } from '@send/event-store';

/**
 * The SHA-256 of the uploaded file an event names, if it names one. Only `EvidenceAttached` does
 * (from version 2; version 1 predates files), and the file was stored before the event was appended.
 */
export function evidenceFileNamedBy(event: RecordedEvent): string | undefined {
  if (event.type !== 'EvidenceAttached') return undefined;
  const file = (event.data as { file?: { sha256?: unknown } | null }).file;
  return typeof file?.sha256 === 'string' ? file.sha256 : undefined;
}

/**
 * Verifies the hash chains of a copied SQLite event store (a backup's snapshot, or a backup being
 * restored), adding to `named` every evidence file its events name, in the same single read.
 */
export async function verifyNamingEvidence(filename: string, named: Set<string>): Promise<ChainVerification> {
  const store = new SqliteEventStore({ filename, backgroundCheckpoints: false });
  try {
    return await verifyEventStore(store, {
      onEvent: (event) => {
        const sha256 = evidenceFileNamedBy(event);
        if (sha256) named.add(sha256);
      },
    });
  } finally {
    await store.close();
  }
}

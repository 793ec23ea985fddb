import { RecordedEvent } from '@send/event-store';
import { TimelineEntryEntity, timelineLine, toProjectedEvent } from '@send/read-models';
import { firstTimelineMismatch } from './timeline-against-chain';

const actionId = 'a1';
const reported = (rag: string): RecordedEvent => ({
  id: 'e1',
  type: 'ProgressReported',
  streamId: `action-${actionId}`,
  revision: 2n,
  position: 9n,
  recordedAt: '2026-06-01T09:00:00.000Z',
  data: { actionId, previousRag: 'AMBER', rag, commentary: 'Forecast gap widened to £71m.', asAt: '2026-06-01' },
  metadata: { schemaVersion: 1, occurredAt: '2026-06-01T09:00:00.000Z', actor: { userId: 'tom', displayName: 'Tom', role: 'ACTION_OWNER' } },
});
const storedLine = (event: RecordedEvent) => timelineLine(toProjectedEvent(event)) as TimelineEntryEntity;

describe('firstTimelineMismatch: which side each value comes from', () => {
  it('labels an edited event’s text as what the event store gives, and the untouched line as what the read model holds', async () => {
    const original = reported('RED');
    const forged = reported('GREEN');
    const found = await firstTimelineMismatch([storedLine(original)], new Map([[forged.position, forged]]), false);
    expect(found).toMatchObject({ position: 9n, actionId, field: 'summary' });
    expect(found!.inEventStore).toContain('Amber → Green');
    expect(found!.inReadModel).toContain('Amber → Red');
    // With the chain broken the event may be the forgery, so the read database is not accused.
    expect(found!.message).toContain('"' + found!.inReadModel + '" in the read database, but the event store, whose chain breaks, now gives');
    expect(found!.message).not.toContain('the read database was edited');
  });

  it('blames the read database when the chain holds', async () => {
    const event = reported('RED');
    const edited = { ...storedLine(event), summary: 'RAG Green: all on track.' };
    const found = await firstTimelineMismatch([edited], new Map([[event.position, event]]), true);
    expect(found).toMatchObject({ field: 'summary', inReadModel: 'RAG Green: all on track.' });
    expect(found!.inEventStore).toContain('Amber → Red');
    expect(found!.message).toMatch(/: the read database was edited\.$/);
  });
});

import { RecordedEvent } from '@send/event-store';
import { changesBetween, compareHistories as compareDigests, digestOf } from './compare-histories';

const PLANNER = { userId: 'helen', displayName: 'Helen Marsh', role: 'PROGRAMME_OFFICE' };

function event(position: number, id: string, data: Record<string, unknown> = {}, streamId = 'action-6-1'): RecordedEvent {
  return {
    position: BigInt(position),
    id,
    streamId,
    revision: BigInt(position - 1),
    type: 'ProgressReported',
    data: { rag: 'AMBER', ...data },
    metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', actor: PLANNER },
    recordedAt: `2026-12-01T10:00:0${position}.000Z`,
    hash: id.padEnd(64, '0'),
  };
}

/** As the recovery does it: digests compared, then the changes of each edited event read from the two events. */
function compareHistories(backup: RecordedEvent[], current: RecordedEvent[], breakPosition?: bigint) {
  const result = compareDigests(backup.map(digestOf), current.map(digestOf), breakPosition);
  for (const edited of result.edited) {
    edited.changes = changesBetween(backup.find((e) => e.id === edited.eventId)!, current.find((e) => e.id === edited.eventId)!);
  }
  return result;
}

const backup = [event(1, 'a'), event(2, 'b'), event(3, 'c'), event(4, 'd')];
const at = (events: RecordedEvent[]) => events.map((e, i) => ({ ...e, position: BigInt(i + 1) }));

describe('compareHistories', () => {
  it('finds nothing in a current history that only goes on from the backup, and lists what was written since', () => {
    const since = event(5, 'e', { commentary: 'Written after the backup' });
    const result = compareHistories(backup, [...backup, since]);
    expect(result.counts).toEqual({ edited: 0, deleted: 0, reordered: 0, inserted: 0, writtenSince: 1 });
    expect(result.writtenSince).toEqual([
      { position: '5', eventId: 'e', streamId: 'action-6-1', revision: '4', type: 'ProgressReported', recordedAt: '2026-12-01T10:00:05.000Z', recordedBy: 'Helen Marsh (helen, PROGRAMME_OFFICE)', atOrAfterBreak: false, bySystem: false },
    ]);
  });

  it('names an edited event, the part and the data field that changed, before and after', () => {
    const current = [backup[0], { ...backup[1], data: { rag: 'GREEN' } }, backup[2], backup[3]];
    const { edited, counts } = compareHistories(backup, current);
    expect(counts).toMatchObject({ edited: 1, deleted: 0, reordered: 0 });
    expect(edited).toEqual([expect.objectContaining({ position: '2', eventId: 'b', currentPosition: '2', parts: ['data'], changes: [{ field: 'rag', backup: '"AMBER"', current: '"GREEN"' }] })]);
  });

  it('names an event whose stored hash alone was rewritten, and a change to who recorded it', () => {
    const current = [backup[0], { ...backup[1], hash: 'f'.repeat(64) }, { ...backup[2], metadata: { ...backup[2].metadata, actor: { userId: 'someone-else' } } }, backup[3]];
    const { edited } = compareHistories(backup, current);
    expect(edited.map((e) => [e.eventId, e.parts])).toEqual([
      ['b', ['hash']],
      ['c', ['metadata']],
    ]);
    expect(edited[1].changes[0]).toMatchObject({ field: '(metadata)', current: expect.stringContaining('someone-else') });
  });

  it('names a deleted event, also when the later positions were moved down to hide the gap, without calling the rest moved', () => {
    for (const current of [[backup[0], backup[2], backup[3]], at([backup[0], backup[2], backup[3]])]) {
      const result = compareHistories(backup, current);
      expect(result.deleted.map((e) => e.eventId)).toEqual(['b']);
      expect(result.counts).toMatchObject({ edited: 0, deleted: 1, reordered: 0, inserted: 0 });
    }
  });

  it('names the fewest events that explain a reordering', () => {
    const result = compareHistories(backup, at([backup[1], backup[2], backup[3], backup[0]]));
    expect(result.counts).toMatchObject({ reordered: 1, deleted: 0, inserted: 0, writtenSince: 0 });
    expect(result.reordered).toEqual([expect.objectContaining({ position: '1', eventId: 'a', currentPosition: '4' })]);
    // Two swapped: either one moved explains it.
    expect(compareHistories(backup, at([backup[0], backup[2], backup[1], backup[3]])).counts.reordered).toBe(1);
  });

  it('tells an event slipped in among the backup’s from one written since, and marks those at or after the break', () => {
    const forged = event(9, 'x');
    const since = [event(5, 'e'), event(6, 'f')];
    const result = compareHistories(backup, [backup[0], forged, backup[1], backup[2], backup[3], ...since], 6n);
    expect(result.inserted.map((e) => e.eventId)).toEqual(['x']);
    expect(result.writtenSince.map((e) => [e.eventId, e.atOrAfterBreak])).toEqual([
      ['e', false],
      ['f', true],
    ]);
  });

  it('marks what the api or a command-line tool recorded since the backup, which no person re-enters', () => {
    const scheduler = { ...event(5, 'e'), metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', actor: { userId: 'system', displayName: 'Reminder scheduler', role: 'SYSTEM' } } };
    const unattributed = { ...event(6, 'f'), metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z' } };
    const result = compareHistories(backup, [...backup, scheduler, unattributed, event(7, 'g')]);
    expect(result.writtenSince.map((e) => [e.eventId, e.bySystem, e.recordedBy])).toEqual([
      ['e', true, 'Reminder scheduler (system, SYSTEM)'],
      ['f', true, 'not recorded'],
      ['g', false, 'Helen Marsh (helen, PROGRAMME_OFFICE)'],
    ]);
  });
});

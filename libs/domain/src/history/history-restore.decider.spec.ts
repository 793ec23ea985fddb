import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { RecordHistoryRestore } from './history-restore.commands';
import { decideHistoryRestore, evolveHistoryRestore, HistoryRestoreState, initialHistoryRestoreState } from './history-restore.decider';
import { HistoryRestoreEvent } from './history-restore.events';

const NOW = '2026-12-07T22:30:00.000Z';
const OPERATOR = { userId: 'operator', displayName: 'Operator (command line)', role: 'SYSTEM' };
const meta = (actor: CommandMetadata['actor'] = OPERATOR): CommandMetadata => ({ now: NOW, commandId: 'c1', correlationId: 'c1', actor });
const given = (events: HistoryRestoreEvent[]): HistoryRestoreState => events.reduce(evolveHistoryRestore, initialHistoryRestoreState());
const HEAD = `263:${'1f'.repeat(32)}`;

const record = (data: Partial<RecordHistoryRestore['data']> = {}): RecordHistoryRestore => ({
  type: 'RecordHistoryRestore',
  data: {
    restoreId: 'r-1',
    reason: '  Edit to action 6.1 found by the History check; restored from the backup of 6 December  ',
    backupHead: HEAD,
    backupTakenAt: '2026-12-06T23:00:00.000Z',
    currentBreak: { kind: 'EDITED', position: '240' },
    comparison: { edited: 1, deleted: 0, reordered: 0, inserted: 0, writtenSince: 12 },
    ...data,
  },
});
const when = (command: RecordHistoryRestore, events: HistoryRestoreEvent[] = [], metadata = meta()) => decideHistoryRestore(command, given(events), metadata);

describe('RecordHistoryRestore', () => {
  it('records the restore with the trimmed reason, the backup it came from, the break, the counts, who and when', () => {
    expect(when(record())).toEqual([
      {
        type: 'HistoryRestored',
        data: {
          restoreId: 'r-1',
          reason: 'Edit to action 6.1 found by the History check; restored from the backup of 6 December',
          backupHead: HEAD,
          backupTakenAt: '2026-12-06T23:00:00.000Z',
          currentBreak: { kind: 'EDITED', position: '240' },
          comparison: { edited: 1, deleted: 0, reordered: 0, inserted: 0, writtenSince: 12 },
          restoredBy: 'operator',
          restoredAt: NOW,
        },
      },
    ]);
  });

  it('records a restore when the current history holds (e.g. the data directory was lost), with no break', () => {
    expect(when(record({ currentBreak: null }))[0].data.currentBreak).toBeNull();
  });

  it('refuses the same restore twice: one stream is one incident', () => {
    const recorded = when(record());
    const error = refusal(() => when(record(), recorded));
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'historyRestoreNotRecorded', field: 'restoreId' });
    expect(error.message).toBe('The restore r-1 was already recorded on 7 December 2026 at 10:30pm');
  });

  it.each(['', '   ', '\u200b\u200d'])('refuses a blank reason (%j)', (reason) => {
    expect(refusal(() => when(record({ reason })))).toMatchObject({ kind: 'invalid', field: 'reason', rule: 'required' });
  });

  it('refuses a reason longer than a paragraph', () => {
    expect(refusal(() => when(record({ reason: 'x'.repeat(2001) })))).toMatchObject({ field: 'reason', rule: 'maxLength' });
    expect(when(record({ reason: 'x'.repeat(2000) }))).toHaveLength(1);
  });

  it('refuses a blank restore id', () => {
    expect(refusal(() => when(record({ restoreId: ' ' })))).toMatchObject({ field: 'restoreId', rule: 'required' });
  });

  it.each([['263'], [`0:${'1f'.repeat(32)}`], [`263:${'1F'.repeat(32)}`], [`263:${'1f'.repeat(31)}`], [`x263:${'1f'.repeat(32)}`]])('refuses a backup head that is not <position>:<hash> (%s)', (backupHead) => {
    expect(refusal(() => when(record({ backupHead })))).toMatchObject({ field: 'backupHead', rule: 'isChainHead' });
  });

  it.each(['yesterday', '2026-12-07T22:30:00.001Z'])('refuses a backup time that is not an instant before now (%s)', (backupTakenAt) => {
    expect(refusal(() => when(record({ backupTakenAt })))).toMatchObject({ field: 'backupTakenAt', rule: 'isPastInstant' });
  });

  it('refuses a break without a kind the verifier names, or without a position', () => {
    expect(refusal(() => when(record({ currentBreak: { kind: 'edited', position: '240' } })))).toMatchObject({ field: 'currentBreak.kind', rule: 'isBreakKind' });
    expect(refusal(() => when(record({ currentBreak: { kind: 'EDITED', position: '0' } })))).toMatchObject({ field: 'currentBreak.position', rule: 'isPosition' });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a count that is not a whole number, 0 or more (%s)', (deleted) => {
    const comparison = { edited: 0, deleted, reordered: 0, inserted: 0, writtenSince: 0 };
    expect(refusal(() => when(record({ comparison })))).toMatchObject({ field: 'comparison.deleted', rule: 'isCount' });
  });

  it('keeps only the counts it knows, so nothing else rides along in the event', () => {
    const comparison = { edited: 0, deleted: 0, reordered: 0, inserted: 0, writtenSince: 0, notes: 'x' } as never;
    expect(Object.keys(when(record({ comparison }))[0].data.comparison)).toEqual(['edited', 'deleted', 'reordered', 'inserted', 'writtenSince']);
  });

  it('refuses a restore no one is recorded as having run', () => {
    expect(refusal(() => when(record(), [], meta(null)))).toMatchObject({ field: 'actor', rule: 'required' });
  });
});

import { EventInHistory } from './compare-histories';
import { IncidentReport, incidentReportMarkdown, nextStepsAfterRecovery } from './incident-report';

const event = (position: string, type = 'ProgressReported'): EventInHistory => ({
  position,
  eventId: `e-${position}`,
  streamId: 'action-6-1',
  revision: '3',
  type,
  recordedAt: '2026-07-01T08:05:00.000Z',
  recordedBy: 'Helen Marsh (helen, ACTION_OWNER)',
});

function report(overrides: Partial<IncidentReport['comparison']> = {}, firstBreak: IncidentReport['current']['firstBreak'] = null): IncidentReport {
  const comparison = { backupEvents: 10, currentEvents: 11, edited: [], deleted: [], reordered: [], inserted: [], writtenSince: [], ...overrides };
  const counts = { edited: comparison.edited.length, deleted: comparison.deleted.length, reordered: comparison.reordered.length, inserted: comparison.inserted.length, writtenSince: comparison.writtenSince.length };
  return {
    restoreId: 'r-1',
    reason: 'Edit found | restoring',
    recoveredAt: '2026-07-01T23:30:00.000Z',
    recoveredBy: { userId: 'operator', displayName: 'Operator (command line)', account: 'ops@host' },
    current: { dataDir: '/srv/data', eventStore: '/srv/data/events.sqlite', events: 11, firstBreak },
    backup: { folder: '/backups/1', takenAt: '2026-06-30T23:00:00.000Z', events: 10, head: `10:${'a'.repeat(64)}` },
    restored: { dataDir: '/srv/new', eventStore: '/srv/new/events.sqlite', historyRestoredAt: '11', head: `11:${'b'.repeat(64)}`, readModels: 'none: the api builds them' },
    comparison: { ...comparison, counts },
  };
}

describe('incidentReportMarkdown', () => {
  it('is named by the London date, and gives the reason, who, and when in UK time', () => {
    const text = incidentReportMarkdown(report());
    expect(text).toMatch(/^# Incident: break in the tamper-evident history, recovered 2 July 2026 at 12:30am\n/);
    expect(text).toContain('- **Recovered:** 2 July 2026 at 00:30:00 (UK time) by Operator (command line) (ops@host)');
    expect(text).toContain('- **Reason given:** Edit found | restoring');
    expect(text).toContain('- No break found: its hash chains hold.');
    expect(text).toContain('Keep incident-2026-07-02.md and its .json');
  });

  it('lists each kind of difference under its own heading, with the history its positions are in', () => {
    const text = incidentReportMarkdown(
      report(
        {
          edited: [{ ...event('4'), currentPosition: '4', parts: ['data'], changes: [{ field: 'rag', backup: '"AMBER"', current: '"GREEN"' }] }],
          deleted: [event('5')],
          reordered: [{ ...event('6'), currentPosition: '8' }],
          inserted: [{ ...event('7'), recordedBy: 'Someone | else' }],
          writtenSince: [
            { ...event('11'), atOrAfterBreak: true, bySystem: false },
            { ...event('12', 'ReminderClaimed'), recordedBy: 'Reminder scheduler (system, SYSTEM)', atOrAfterBreak: true, bySystem: true },
          ],
        },
        { kind: 'EDITED', position: '4', streamId: 'action-6-1', revision: '3', eventId: 'e-4', message: 'The event at position 4 no longer matches its hash.' },
      ),
    );
    expect(text).toContain('- **First break: EDITED at position 4**, stream action-6-1, revision 3. The event at position 4 no longer matches its hash.');
    expect(text).toContain('- Position 4: ProgressReported in action-6-1, revision 3, recorded 1 July 2026 at 9:05am by Helen Marsh (helen, ACTION_OWNER); changed: data\n  - rag: was "AMBER", now "GREEN"');
    expect(text).toContain('### Deleted (1)');
    expect(text).toContain('| # | Position in the backup | Recorded (UK time) | Stream | Revision | Type | Recorded by |\n| --- | --- | --- | --- | --- | --- | --- |\n| 1 | 5 | 1 July 2026 at 9:05am | action-6-1 | 3 | ProgressReported | Helen Marsh (helen, ACTION_OWNER) |');
    expect(text).toContain('| 1 | 6 | 1 July 2026 at 9:05am | action-6-1 | 3 | ProgressReported | Helen Marsh (helen, ACTION_OWNER) | now at position 8 |');
    expect(text).toContain('### Inserted (1)');
    expect(text).toContain('| Someone \\| else |');
    expect(text).toContain('### Written since the backup (2)');
    expect(text).toContain('| # | Position in the broken history |');
    expect(text).toContain('| 1 | 11 | 1 July 2026 at 9:05am | action-6-1 | 3 | ProgressReported | Helen Marsh (helen, ACTION_OWNER) | at or after the break |');
    expect(text).toContain('| 2 | 12 | 1 July 2026 at 9:05am | action-6-1 | 3 | ReminderClaimed | Reminder scheduler (system, SYSTEM) | at or after the break; system |');
    expect(text).toContain('3. Re-enter the 2 events listed under "Written since the backup"');
  });

  it('says when nothing was written since the backup, and leaves out the empty kinds', () => {
    const text = incidentReportMarkdown(report());
    expect(text).toContain('None: the broken history holds nothing after the backup’s newest event.');
    expect(text).not.toContain('### Deleted');
    expect(nextStepsAfterRecovery(report(), 'x.md')[2]).toBe('Nothing was written after the backup, so there is nothing to re-enter.');
  });
});

import { londonDateOf, ukDateTime } from '@send/domain';
import { ChainBreak } from '@send/event-store';
import { EventInHistory, HistoryComparison } from './compare-histories';
import { ukTime } from './uk-time';

/** What `npm run recover` found and did, as written to incident-<date>.json beside the report. */
export interface IncidentReport {
  restoreId: string;
  reason: string;
  recoveredAt: string;
  recoveredBy: { userId: string; displayName: string; account: string };
  current: { dataDir: string; eventStore: string; events: number; firstBreak: Omit<ChainBreak, 'position' | 'revision'> & { position: string; revision?: string } | null };
  backup: { folder: string; takenAt: string; events: number; head: string };
  restored: { dataDir: string; eventStore: string; historyRestoredAt: string; head: string; readModels: string };
  comparison: HistoryComparison;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `where`: which history the positions are in (the restored one goes on from the backup's, so the two overlap). */
function eventTable(events: (EventInHistory & { note?: string })[], where: 'backup' | 'broken', withNote = false): string[] {
  const header = ['#', where === 'backup' ? 'Position in the backup' : 'Position in the broken history', 'Recorded (UK time)', 'Stream', 'Revision', 'Type', 'Recorded by', ...(withNote ? ['Note'] : [])];
  return [
    row(header),
    row(header.map(() => '---')),
    ...events.map((e, i) => row([String(i + 1), e.position, ukDateTime(e.recordedAt), e.streamId, e.revision, e.type, e.recordedBy, ...(withNote ? [e.note ?? ''] : [])])),
  ];
}

/** The next steps, said the same way at the end of the report and of the command's output. */
export function nextStepsAfterRecovery(report: IncidentReport, reportFile: string): string[] {
  const since = report.comparison.writtenSince.length;
  return [
    `Start the api on the restored folder: DATA_DIR=${report.restored.dataDir} npm start. It builds every read model from the restored history as it starts (${report.restored.readModels.startsWith('none') ? 'no read database was carried over' : report.restored.readModels}).`,
    `Open the History check (or run DATA_DIR=${report.restored.dataDir} npm run verify): it must say the history holds, with head ${report.restored.head}.`,
    since > 0
      ? `Re-enter the ${plural(since, 'event')} listed under "Written since the backup" after checking each with whoever recorded it; they are not in the restored history.`
      : 'Nothing was written after the backup, so there is nothing to re-enter.',
    `Keep ${reportFile} and its .json with the incident record, and keep ${report.current.dataDir} unchanged as evidence.`,
  ];
}

/** The incident report as the programme office and the council's security team read it. */
export function incidentReportMarkdown(report: IncidentReport): string {
  const { comparison: c, current, backup, restored } = report;
  const found = current.firstBreak;
  const lines = [
    `# Incident: break in the tamper-evident history, recovered ${ukDateTime(report.recoveredAt)}`,
    '',
    `- **Reason given:** ${report.reason}`,
    `- **Recovered:** ${ukTime(report.recoveredAt)} by ${report.recoveredBy.displayName} (${report.recoveredBy.account})`,
    `- **Restore id:** ${report.restoreId} (stream history-restore-${report.restoreId})`,
    '',
    '## The history that broke',
    '',
    `- Data directory: ${current.dataDir} (only read; keep it as it is)`,
    `- Events: ${current.events}`,
    found
      ? `- **First break: ${found.kind} at position ${found.position}**${found.streamId ? `, stream ${found.streamId}, revision ${found.revision}` : ''}. ${found.message}`
      : '- No break found: its hash chains hold.',
    '',
    '## The backup restored',
    '',
    `- Folder: ${backup.folder}`,
    `- Taken: ${ukTime(backup.takenAt)}`,
    `- Events: ${backup.events}, hash chains verified; head ${backup.head}`,
    `- Restored into: ${restored.dataDir}`,
    `- The restore is recorded in the restored history as HistoryRestored at position ${restored.historyRestoredAt}; the head is now ${restored.head} (keep this to check against later)`,
    `- Read models: ${restored.readModels}`,
    '',
    '## What differs, compared from the start by event id',
    '',
    row(['Found', 'Events']),
    row(['---', '---']),
    row(['Edited (same id, other content or hash)', String(c.counts.edited)]),
    row(['Deleted', String(c.counts.deleted)]),
    row(['Reordered', String(c.counts.reordered)]),
    row(['Inserted among the backup’s events', String(c.counts.inserted)]),
    row(['Written since the backup', String(c.counts.writtenSince)]),
    '',
  ];
  if (c.edited.length > 0) {
    lines.push(`### Edited (${c.edited.length})`, '', 'The restored history holds these as they were recorded; the broken history holds them changed.', '');
    for (const e of c.edited) {
      lines.push(`- Position ${e.position}${e.currentPosition !== e.position ? ` (now ${e.currentPosition})` : ''}: ${e.type} in ${e.streamId}, revision ${e.revision}, recorded ${ukDateTime(e.recordedAt)} by ${e.recordedBy}; changed: ${e.parts.join(', ')}`);
      for (const change of e.changes) lines.push(`  - ${change.field}: was ${change.backup}, now ${change.current}`);
    }
    lines.push('');
  }
  if (c.deleted.length > 0) lines.push(`### Deleted (${c.deleted.length})`, '', 'In the backup, gone from the broken history; the restored history holds them.', '', ...eventTable(c.deleted, 'backup'), '');
  if (c.reordered.length > 0) {
    lines.push(`### Reordered (${c.reordered.length})`, '', ...eventTable(c.reordered.map((e) => ({ ...e, note: `now at position ${e.currentPosition}` })), 'backup', true), '');
  }
  if (c.inserted.length > 0) lines.push(`### Inserted (${c.inserted.length})`, '', 'In the broken history among the backup’s events, never in the backup: treat as forged.', '', ...eventTable(c.inserted, 'broken'), '');
  lines.push(`### Written since the backup (${c.writtenSince.length})`, '');
  if (c.writtenSince.length === 0) lines.push('None: the broken history holds nothing after the backup’s newest event.', '');
  else {
    lines.push(
      'These are **not** in the restored history. Check each with whoever recorded it, then re-enter it. Those at or after the break are the least trustworthy.',
      'Those marked “system” were recorded by the api or a command-line tool, not a person: reminders and alerts are recorded again when they are next sent, and a role granted with npm run grant is granted again with it.',
      '',
      ...eventTable(c.writtenSince.map((e) => ({ ...e, note: [e.atOrAfterBreak ? 'at or after the break' : '', e.bySystem ? 'system' : ''].filter(Boolean).join('; ') })), 'broken', true),
      '',
    );
  }
  const file = `incident-${londonDateOf(report.recoveredAt)}.md`;
  lines.push('## Next steps', '', ...nextStepsAfterRecovery(report, file).map((step, i) => `${i + 1}. ${step}`), '');
  return lines.join('\n');
}

/**
 * What to do when the history does not verify, said the same way by `npm run verify` and by
 * `verifyHistory` (the dashboard's History check shows it). A chain head from such a check would
 * vouch for the altered history, so none is offered to keep; the steps say what to do instead.
 */
export function nextStepsAfterBreak(position: bigint | string, kind: string): string[] {
  return [
    `Do not trust anything read from the history at or after position ${position} (${kind}), and keep no chain head from this check: it would vouch for the altered history.`,
    'Restore the newest backup whose history verifies into an empty folder and compare it with this one: npm run recover -- --from <backup> --current <this data directory> --to <empty folder> --reason "…" (docs/tamper-evident-history.md, "After a break: recovering").',
    `Read the incident report it writes: what was changed, deleted or reordered from position ${position} on, and the events written since the backup, to re-enter after checking them. Decide with the board which history to run on.`,
    'Record it as a security incident: when the break was found, its position and kind, and who can write the data files; keep the incident report with it.',
  ];
}

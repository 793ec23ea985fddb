/**
 * What to do when the history does not verify, said the same way by `npm run verify` and by
 * `verifyHistory` (the dashboard's History check shows it). A chain head from such a check would
 * vouch for the altered history, so none is offered to keep; the steps say what to do instead.
 */
export function nextStepsAfterBreak(position: bigint | string, kind: string): string[] {
  return [
    `Do not trust anything read from the history at or after position ${position} (${kind}), and keep no chain head from this check: it would vouch for the altered history.`,
    'Restore the newest backup whose history verifies into an empty folder (npm run restore -- --from <backup> --to <empty folder>; it refuses a backup whose chains break; see docs/operations.md, "Restoring").',
    `Compare the restored history with this one from position ${position} on to see what was changed, deleted or reordered, then decide with the board which to run on.`,
    'Record it as a security incident: when the break was found, its position and kind, and who can write the data files.',
  ];
}

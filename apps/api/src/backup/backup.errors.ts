/** A backup or restore that was refused or could not finish; the message says why and what to do. */
export class BackupError extends Error {}

import { StreamConcept, streamConcept } from '@send/domain';

/** What a stale write was about, in the board's words: every concept must say (the Record makes a new one add its line). */
const SUBJECTS: Record<StreamConcept, string> = {
  plan: 'The plan',
  action: 'The action',
  user: "The person's record",
  meeting: 'The board meeting',
  metric: 'The scorecard metric',
  risk: 'The risk',
  challenge: 'The challenge thread',
  dependencyNetwork: "The plan's dependencies",
  followUp: 'The follow-up',
  reminder: 'The reminder',
  owner: 'The owner',
  highNeeds: 'The High Needs Block position',
  condition: 'The condition',
  funding: "The plan's money on actions",
  quarterlyReturn: 'The quarterly return',
  historyBreak: 'The record of the history break',
  historyRestore: 'The record of the restore',
  chainHeadMail: 'The mailed chain head',
};

/** "The risk", for a CONFLICT on a risk's stream; "It" for a stream no concept names. */
export function conflictSubject(streamId: string): string {
  const concept = streamConcept(streamId);
  return concept ? SUBJECTS[concept] : 'It';
}

import { MailedChainHead, ukDateTime } from '@send/domain';

export interface ChainHeadMailContent {
  head: MailedChainHead;
  /** Why it is sent now (see DueChainHeadMail.reason). */
  reason: string;
  sentAt: string;
  /** When the tracker last checked its history from the first event up to this head. */
  verifiedAt: string | undefined;
  recipients: string[];
}

/**
 * The mail that puts a copy of the chain head outside the tracker's reach. Plain text, so it can
 * be printed, forwarded or filed as it is; it names no stream and no plan content, only the
 * head, why and when it was sent, and how to check it.
 */
export function renderChainHeadMail(content: ChainHeadMailContent): { subject: string; text: string } {
  const head = `${content.head.position}:${content.head.hash}`;
  const text = [
    'Please keep this email.',
    '',
    "It holds a fingerprint (the chain head) of the SEND Improvement Plan tracker's recorded history",
    'as it stood when it was sent. With it, anyone can check later that nothing recorded up to then',
    'has since been changed, deleted or cut off, even by someone who controls the tracker.',
    '',
    `Chain head: ${head}`,
    `Sent: ${ukDateTime(content.sentAt)} (UK time)`,
    `Why now: ${content.reason}.`,
    ...(content.verifiedAt ? [`The tracker had checked its whole history up to this head on ${ukDateTime(content.verifiedAt)}.`] : []),
    '',
    'How to check it later',
    '- In the dashboard: open History check, paste the chain head above into "Chain head from a',
    '  report" and choose Check the history now. It says whether the history still reaches it.',
    '- Or ask whoever runs the tracker to run this on its server, and to send you what it prints:',
    `    npm run verify -- --head ${head}`,
    '  "still matches" and "OK" mean the history up to this head is as it was.',
    '',
    'What a mismatch means',
    `If the check says DOES NOT MATCH (HEAD_MISMATCH) or MISSING at position ${content.head.position}, the`,
    'history up to this head was rewritten or cut short after this email was sent. Do not rely on',
    "the tracker's records from then on: tell the programme office and the council's security team,",
    'and keep this email as evidence.',
    '',
    `Sent to: ${content.recipients.join(', ')}.`,
    'This email is sent automatically every week, when a board meeting is closed and when a',
    'quarterly return is signed off. It contains nothing from the plan itself.',
    '',
  ].join('\n');
  return { subject: `Keep this: the SEND tracker's chain head, ${ukDateTime(content.sentAt)}`, text };
}

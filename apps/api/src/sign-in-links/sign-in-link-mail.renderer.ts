/** What a sign-in mail says; plain text only, so there is one link and nothing to render. */
export interface SignInMail {
  subject: string;
  text: string;
}

export interface SignInMailContent {
  displayName: string;
  userId: string;
  link: string;
  expiresAt: string;
  linkMinutes: number;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** e.g. "10:15 on Monday 15 June 2026 (UK time)". */
export function londonTime(instant: string): string {
  const date = new Date(instant);
  return `${LONDON_TIME.format(date)} on ${LONDON_DAY.format(date).replace(',', '')} (UK time)`;
}

/** Names are typed by administrators; a line break in one must not look like a new paragraph. */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();

export function renderSignInMail(content: SignInMailContent): SignInMail {
  const name = oneLine(content.displayName);
  const text = [
    `Dear ${name},`,
    '',
    `Someone asked to sign in to the SEND Improvement Plan tracker as ${name} (user ${content.userId}) with this e-mail address. To sign in, open this link:`,
    '',
    content.link,
    '',
    `The link is valid for ${content.linkMinutes} minutes, until ${londonTime(content.expiresAt)}, and works once. It signs in ${name} only, so do not forward it.`,
    '',
    'If you did not ask to sign in, ignore this e-mail: nobody can sign in without the link, and it will expire on its own.',
    '',
    'Sent by the SEND Improvement Plan tracker.',
    '',
  ].join('\n');
  return { subject: 'Your sign-in link for the SEND Improvement Plan tracker', text };
}

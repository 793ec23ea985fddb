import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMail {
  file: string;
  header(name: string): string | undefined;
  /** The text with quoted-printable soft breaks and escapes undone. */
  body: string;
}

const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The .eml files the folder transport wrote whose names start with the prefix. */
export function outboxMails(dir: string, prefix = ''): OutboxMail[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.eml'))
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const [head] = raw.split(/\r?\n\r?\n/);
      const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
      return {
        file,
        header: (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1]?.trim(),
        body: decodeQuotedPrintable(raw.slice(head.length)).replace(/\r\n/g, '\n'),
      };
    });
}

/** The sign-in link in a mail's text, and the code in its fragment. */
export function signInLinkIn(body: string): { link: string; code: string } {
  const match = /(\S+\/dashboard\/#sign-in=([A-Za-z0-9_-]+))/.exec(body);
  if (!match) throw new Error(`No sign-in link in:\n${body}`);
  return { link: match[1], code: match[2] };
}

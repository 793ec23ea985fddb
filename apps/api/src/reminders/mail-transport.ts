import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, SendMailOptions } from 'nodemailer';
import { MailTransportConfig } from '../config/app-config';

export interface OutgoingMail {
  /** Names the .eml file in the folder default, so a repeat overwrites rather than adds (sign-in mails: `sign-in-<uuid>`). */
  reminderId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Absent: a plain-text mail (sign-in links). */
  html?: string;
  messageId: string;
  date: Date;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'folder';
  /** Resolves with the addresses the server took; rejects when it took none. */
  send(mail: OutgoingMail): Promise<{ accepted: string[] }>;
  close(): void;
}

/**
 * `<localPart@domain>`, the domain taken from the From address, as every mail the tracker sends
 * names itself; `send-tracker.invalid` when From has none.
 */
export function messageIdFrom(from: string, localPart: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'send-tracker.invalid';
  return `<${localPart}@${domain}>`;
}

/** A refusal the SMTP server gave for good (5xx): trying again cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

const options = (mail: OutgoingMail): SendMailOptions => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: mail.messageId,
  date: mail.date,
});

const addressOf = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);

// A reminder run should not hang on a server that stopped answering; the next run tries again.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createMailTransport(config: MailTransportConfig): MailTransport {
  if (config.type === 'folder') return folderTransport(config.dir);
  const transporter = createTransport(
    config.url
      ? { url: config.url, ...TIMEOUTS }
      : { host: config.host, port: config.port, secure: config.secure, auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined, ...TIMEOUTS },
  );
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(options(mail));
      return { accepted: info.accepted.map(addressOf) };
    },
    close: () => transporter.close(),
  };
}

/** The embedded default: each mail as an .eml file a mail client can open, written whole or not at all. */
function folderTransport(dir: string): MailTransport {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    async send(mail) {
      const info = await composer.sendMail(options(mail));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${mail.reminderId}.eml`);
      // Readable by the app's own user only: a sign-in mail in here is a working link.
      writeFileSync(`${file}.partial`, info.message as Buffer, { mode: 0o600 });
      renameSync(`${file}.partial`, file);
      return { accepted: mail.to };
    },
    close: () => composer.close(),
  };
}

import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, as the server was told them (RCPT TO). */
  to: string[];
  from: string;
  /** The raw message as it arrived. */
  raw: string;
  header(name: string): string | undefined;
  /** The body with quoted-printable soft breaks and escapes undone, for looking for text in it. */
  body: string;
}

export interface LoopbackSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Answers RCPT TO for this address with the given SMTP code from now on. */
  refuse(address: string, code: number): void;
  accept(address: string): void;
  close(): Promise<void>;
}

const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A real SMTP server on 127.0.0.1 that requires a login and keeps every message it accepts. */
export async function startLoopbackSmtpServer(credentials = { user: 'tracker', pass: 'mail-secret' }): Promise<LoopbackSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const code = refusals.get(address.address);
      if (code === undefined) return callback();
      return callback(Object.assign(new Error(`Mailbox ${address.address} refused`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head] = raw.split(/\r?\n\r?\n/);
        const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          header: (name) => new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1]?.trim(),
          body: decodeQuotedPrintable(raw.slice(head.length)).replace(/\r\n/g, '\n'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    received,
    refuse: (address, code) => refusals.set(address, code),
    accept: (address) => refusals.delete(address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

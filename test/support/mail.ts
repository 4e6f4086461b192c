import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  /** The whole message, quoted-printable soft breaks and escapes undone. */
  body: string;
}

export interface MailSink {
  port: number;
  /** For the server's SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** The next message to `address` not handed out before, waiting up to `timeoutMs` for it. */
  nextTo(address: string, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

/** Undoes quoted-printable soft line breaks and escapes (enough for the ASCII messages of the tests). */
export const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A real SMTP server on 127.0.0.1 (plain, no AUTH) that keeps every message it receives. */
export async function startMailSink(port = 0): Promise<MailSink> {
  const messages: CaughtMail[] = [];
  const handedOut = new Set<CaughtMail>();
  const waiters: Array<() => void> = [];
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          body: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (smtp.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    async nextTo(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => !handedOut.has(m) && m.to.includes(address.toLowerCase()));
        if (found) {
          handedOut.add(found);
          return found;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    stop: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The invitation token of an invitation email's accept link. */
export function acceptToken(mail: CaughtMail): string {
  const match = mail.body.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no accept link in:\n${mail.body}`);
  return match[1];
}

/** A port with nothing listening on it (yet). */
export { freePort } from '../../scripts/free-port';

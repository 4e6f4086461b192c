import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config';
import type { Logger } from '../../config/logger';
import type { RenderedMail } from './templates';

export interface MailTransport {
  /** Delivers the message or throws; `jobId` names the mail job it comes from. */
  send(mail: RenderedMail, jobId: string): Promise<void>;
  close(): void;
}

/**
 * Well under a mail job's one-minute expiry (queue.ts), so a hung server cannot make the job lapse
 * while a send is still under way (which would let another worker send the message twice).
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** SMTP to config.smtpUrl: smtps:// is TLS from the start; smtp:// is plain (a local relay or a test sink). */
function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    ignoreTLS: !secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ...SMTP_TIMEOUTS,
  });
  return {
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP: each message becomes an .eml file under config.mailDir, and a log line (with its link) says so. */
function fileTransport(mailDir: string, from: string, logger: Logger): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail, jobId) {
      const info = await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await mkdir(mailDir, { recursive: true });
      const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${jobId}.eml`);
      await writeFile(file, info.message as Buffer);
      logger.info({ to: mail.to, subject: mail.subject, file, link: mail.link }, 'mail written');
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(config: Config, logger: Logger): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : fileTransport(config.mailDir, config.mailFrom, logger);
}

import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Locale } from '../../contracts/common';
import { translate } from '../i18n/messages';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * SMTP when SMTP_URL is set; otherwise every message is written to the outbox folder as an .eml
 * file (nodemailer builds the same RFC 5322 message it would send) and logged in one line.
 */
export function createMailer(opts: {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  log: (line: string) => void;
}): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
        opts.log(`mail sent to ${mail.to}: ${mail.subject}`);
      },
    };
  }
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let counter = 0;
  return {
    async send(mail) {
      const info = await builder.sendMail({ from: opts.from, ...mail });
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      const file = path.join(opts.outboxDir, `${stamp}-${process.pid}-${++counter}-${safeTo}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      opts.log(`mail to ${mail.to} written to ${file}: ${mail.subject}`);
    },
  };
}

/** A message in the recipient's language, from the `mail.<template>` keys. */
export function composeMail(
  locale: Locale,
  template: 'passwordReset' | 'invitation' | 'welcome' | 'contactReceived' | 'contactAccepted' | 'contactDeclined' | 'contactReminder',
  to: { email: string; name: string },
  params: Record<string, string>,
): OutgoingMail {
  const greeting = translate(locale, 'mail.greeting', { name: to.name });
  const body = translate(locale, `mail.${template}.body`, params);
  const signature = translate(locale, 'mail.signature');
  return {
    to: to.email,
    subject: translate(locale, `mail.${template}.subject`, params),
    text: `${greeting}\n\n${body}\n\n${signature}\n`,
  };
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { DeliverySettings } from './delivery-settings';

export interface OutgoingEmail {
  /** the delivery id (also the Message-ID, so a receiver can spot a resend after a crash) */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

/** Sends one email over SMTP with nodemailer (a text and an html part); rejects when the server does not accept it. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(private readonly settings: DeliverySettings) {
    this.transport = nodemailer.createTransport({
      host: settings.smtpHost,
      port: settings.smtpPort,
      secure: settings.smtpPort === 465,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(m: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.smtpFrom,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<${m.id}@notifications.twinning>`,
      headers: { 'Content-Language': m.locale, 'X-Twinning-Delivery': m.id },
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

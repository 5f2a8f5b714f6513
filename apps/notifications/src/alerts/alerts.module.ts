import { DynamicModule, Module } from '@nestjs/common';
import { AlertWriter } from './application/alert-writer';
import { AlertsSettings } from './application/alerts-settings';
import { OfferReminders } from './application/offer-reminders';
import { DeliveryFailedAlertsConsumer } from './messaging/delivery-failed-alerts.consumer';
import { DelegationAlertsConsumer } from './messaging/delegation-alerts.consumer';
import { HouseholdReviewAlertsConsumer } from './messaging/household-review-alerts.consumer';
import { InvitationAlertsConsumer } from './messaging/invitation-alerts.consumer';
import { OfferAlertsConsumer } from './messaging/offer-alerts.consumer';
import { PasswordResetAlertsConsumer } from './messaging/password-reset-alerts.consumer';
import { SafetyAlertsConsumer } from './messaging/safety-alerts.consumer';
import { TravelAlertsConsumer } from './messaging/travel-alerts.consumer';
import { VettingAlertsConsumer } from './messaging/vetting-alerts.consumer';
import { WelcomePacketConsumer } from './messaging/welcome-packet.consumer';

/** Every consumer that decides who hears about what (each its own consumer group), in the order app.module lists them. */
export const ALERT_CONSUMERS = [
  InvitationAlertsConsumer, DelegationAlertsConsumer, SafetyAlertsConsumer, OfferAlertsConsumer, WelcomePacketConsumer, VettingAlertsConsumer, TravelAlertsConsumer,
  DeliveryFailedAlertsConsumer, HouseholdReviewAlertsConsumer, PasswordResetAlertsConsumer,
];

/**
 * The alerts (issue #7, item 1): consumers that turn other services' events into notification requests for the right
 * people (resolved from the recipients read model) and the offer-reminder job. Needs the global NotificationSink
 * (DeliveryModule) and the global RecipientsModule.
 */
@Module({})
export class AlertsModule {
  static forRoot(env: { PUBLIC_WEB_URL: string; OFFER_REMINDER_INTERVAL_MS: number }): DynamicModule {
    return {
      module: AlertsModule,
      providers: [{ provide: AlertsSettings, useValue: new AlertsSettings(env.PUBLIC_WEB_URL, env.OFFER_REMINDER_INTERVAL_MS) }, AlertWriter, OfferReminders, ...ALERT_CONSUMERS],
      exports: [OfferReminders],
    };
  }
}

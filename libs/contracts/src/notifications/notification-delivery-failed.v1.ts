import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/**
 * `notification.delivery-failed` v1 — topic `notifications.delivery.events`, key: the delivery id. Published (through
 * the outbox, in the transaction that records it) when an email notification reached its last attempt without the
 * SMTP server accepting it; the delivery row is then `failed`. Notifications itself turns it into an in-app
 * `delivery-failed` notice to the organisation's coordinators. No message text and no address travel in it.
 */
export class NotificationDeliveryFailedV1 {
  @IsUUID() deliveryId!: string;
  /** the event the notification was made for */
  @IsUUID() sourceEventId!: string;
  /** the notification type (`offer-made`, `welfare-alert`...) */
  @IsString() @MaxLength(60) notificationType!: string;
  @IsIn(['email']) channel!: string;
  @IsUUID() recipientUserId!: string;
  @IsOptional() @IsUUID() delegationId?: string;
  @IsOptional() @IsString() @MaxLength(100) subjectId?: string;
  @IsInt() @Min(1) attempts!: number;
  @IsString() @MaxLength(1000) lastError!: string;
}

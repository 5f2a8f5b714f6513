/** The delivery settings (from NotificationsEnv). */
export class DeliverySettings {
  constructor(
    readonly smtpHost: string,
    readonly smtpPort: number,
    readonly smtpFrom: string,
    readonly retryBaseMs: number,
    readonly maxAttempts: number,
    readonly sendIntervalMs: number,
    readonly digestIntervalMs: number,
    readonly digestDelayMs: number,
    /** how long the first pending problem of a (recipient, delegation) waits for others to fold with it */
    readonly problemFoldWindowMs: number,
    /** how long one claim (the row lock of the email being sent) may last before PostgreSQL ends the session */
    readonly claimLeaseMs = 120_000,
  ) {}
}

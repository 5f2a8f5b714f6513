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
    /** emails one sender transaction claims */
    readonly batchSize = 10,
  ) {}
}

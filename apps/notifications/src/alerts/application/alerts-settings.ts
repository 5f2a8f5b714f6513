/** How the alerts write their links and how often the offer-reminder job runs. */
export class AlertsSettings {
  constructor(readonly webUrl: string, readonly reminderIntervalMs: number) {}

  link(path: string): string {
    return `${this.webUrl.replace(/\/+$/, '')}${path}`;
  }
}

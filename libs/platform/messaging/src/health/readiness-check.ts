/** One named condition of a service's readiness; `detail` says what failed (never a secret). */
export interface ReadinessCheck {
  name: string;
  up: boolean;
  detail?: string;
}

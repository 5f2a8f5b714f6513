/** Settings of the placement feature (from the service's environment). */
export class PlacementSettings {
  constructor(readonly expiryIntervalMs: number) {}
}

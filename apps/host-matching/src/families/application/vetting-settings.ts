/** Settings of the vetting job (from HostMatchingEnv): how often it runs; 0 turns its timer off (tests call `runVetting` directly). */
export class VettingSettings {
  constructor(readonly jobIntervalMs: number) {}
}

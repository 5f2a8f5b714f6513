import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What changed for a delegation: an event consumed from another service, or a change made by a logistics feature. */
export interface RosterChange {
  delegationId: string;
  /** e.g. `placement.confirmed`, `itinerary.changed`, `segment.changed`, `pickup.changed`, `lodging.assigned` */
  cause: string;
  at: Date;
}

export type RosterListener = (tx: EntityManager, change: RosterChange) => Promise<void>;

/**
 * Lets features react to changes without importing each other: the roster consumer and the features' services call
 * `notify` inside their transaction; listeners (conflict detection, pickup re-planning) run in that same transaction,
 * so what they derive commits (and publishes) with the change, or not at all. Listeners run in registration order;
 * a listener must not call `notify` for the cause it handles (no loops).
 */
@Injectable()
export class RosterHooks {
  private readonly listeners: { name: string; fn: RosterListener }[] = [];

  register(name: string, fn: RosterListener): void {
    this.listeners.push({ name, fn });
  }

  async notify(tx: EntityManager, change: RosterChange): Promise<void> {
    for (const l of this.listeners) await l.fn(tx, change);
  }
}

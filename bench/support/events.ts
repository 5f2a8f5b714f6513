import { randomUUID } from 'node:crypto';
import { DelegationCreatedV1 } from '@twinning/contracts';
import { NewEvent } from '@twinning/platform-messaging';

const ORGANISATION_ID = randomUUID();

/** A `delegation.created` v1 event; the phase travels in the title (`bench <phase> <n>`) so the consumer can tell phases apart. */
export function delegationCreated(phase: string, n: number, occurredAt: Date): NewEvent<'delegation.created', 1> {
  const delegationId = randomUUID();
  const payload: DelegationCreatedV1 = {
    delegationId,
    title: `bench ${phase} ${n}`,
    hostCity: 'Lyon',
    startDate: '2026-06-01',
    endDate: '2026-06-10',
    status: 'draft',
  };
  return { type: 'delegation.created', version: 1, aggregateId: delegationId, organisationId: ORGANISATION_ID, occurredAt, payload };
}

export function phaseOfTitle(title: string): string {
  return title.split(' ')[1] ?? 'unknown';
}

export const PHASE_HEADER = 'x-bench-phase';

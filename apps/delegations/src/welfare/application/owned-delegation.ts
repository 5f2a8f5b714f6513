import { BadRequestException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isInTheFuture } from '../domain/recorded-time';

export interface OwnedDelegation { id: string; organisation_id: string; status: string }

/** The delegation if the caller's organisation owns it; 404 otherwise (no existence leak). */
export async function ownedDelegation(db: Pick<EntityManager, 'query'>, organisationId: string, delegationId: string): Promise<OwnedDelegation> {
  const [d] = (await db.query(`SELECT id, organisation_id, status FROM delegation WHERE id = $1 AND organisation_id = $2`, [delegationId, organisationId])) as OwnedDelegation[];
  if (!d) throw new NotFoundException({ statusCode: 404, code: 'DELEGATION.NOT_FOUND', message: `delegation ${delegationId} not found` });
  return d;
}

/** 400 naming `field` unless every participant is a member of the delegation. */
export async function assertMembers(db: Pick<EntityManager, 'query'>, delegationId: string, participantIds: string[], field: string): Promise<void> {
  if (!participantIds.length) return;
  const rows = (await db.query(`SELECT participant_id FROM delegation_member WHERE delegation_id = $1 AND participant_id = ANY($2)`, [delegationId, participantIds])) as { participant_id: string }[];
  const found = new Set(rows.map((r) => r.participant_id));
  const missing = [...new Set(participantIds)].filter((id) => !found.has(id));
  if (missing.length) {
    const message = `${field} must be members of the delegation (not members: ${missing.join(', ')})`;
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', code: 'REQUEST.INVALID', message: [message], fields: [{ field, messages: [message] }] });
  }
}

/** 400 naming `field` when a recorded time (check-in, incident, report) lies in the future. */
export function assertNotInTheFuture(at: Date, field: string): void {
  if (!isInTheFuture(at)) return;
  const message = `${field} must not be in the future`;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', code: 'REQUEST.INVALID', message: [message], fields: [{ field, messages: [message] }] });
}

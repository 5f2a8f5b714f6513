import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { OutboxWriter } from '@twinning/platform-messaging';
import { withdrawSharesOutsidePartnership } from '../../delegations/application/withdraw-shares-outside-partnership';
import { DelegationEntity } from '../../delegations/infrastructure/delegation.entity';
import { PartnershipEntity } from '../infrastructure/partnership.entity';
import { ProgrammeArea, PartnershipStatus } from '../domain/programme-area';

export interface PartnershipInput {
  partnerCity: string;
  partnerCountry: string;
  partnerTimeZone: string;
  partnerOrganisationId?: string | null;
  establishedOn: string;
  programmeAreas: ProgrammeArea[];
  status?: PartnershipStatus;
}

const FIELDS = ['partnerCity', 'partnerCountry', 'partnerTimeZone', 'partnerOrganisationId', 'establishedOn', 'programmeAreas', 'status'] as const;

/** An organisation's partner cities: only its own coordinators and admins write; nobody else sees them (404). */
@Injectable()
export class PartnershipsService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {}

  async list(user: AuthenticatedUser, q: { limit: number; offset: number; status?: string; programmeArea?: string }): Promise<{ items: PartnershipEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p').where('p.organisation_id = :org', { org: user.organisationId });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.programmeArea) qb.andWhere(':area = ANY(p.programme_areas)', { area: q.programmeArea });
    const [items, total] = await qb.orderBy('p.partner_city', 'ASC').addOrderBy('p.id', 'ASC').take(q.limit).skip(q.offset).getManyAndCount();
    return { items, total };
  }

  async get(user: AuthenticatedUser, id: string, tx: EntityManager = this.dataSource.manager): Promise<PartnershipEntity> {
    const row = await tx.findOneBy(PartnershipEntity, { id, organisationId: user.organisationId });
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'PARTNERSHIP.NOT_FOUND', message: `partnership ${id} not found` });
    return row;
  }

  async register(user: AuthenticatedUser, input: PartnershipInput): Promise<PartnershipEntity> {
    const id = randomUUID();
    return this.dataSource.transaction(async (tx) => {
      await tx.insert(PartnershipEntity, {
        id, organisationId: user.organisationId, partnerCity: input.partnerCity.trim(), partnerCountry: input.partnerCountry,
        partnerTimeZone: input.partnerTimeZone, partnerOrganisationId: input.partnerOrganisationId ?? null, establishedOn: input.establishedOn,
        programmeAreas: input.programmeAreas, status: input.status ?? 'active', createdBy: user.userId,
      });
      const row = await tx.findOneByOrFail(PartnershipEntity, { id });
      await this.outbox.append(tx, { type: 'partnership.registered', version: 1, aggregateId: id, organisationId: user.organisationId, payload: { ...payloadOf(row), registeredByUserId: user.userId } });
      return row;
    });
  }

  async update(user: AuthenticatedUser, id: string, input: Partial<PartnershipInput>): Promise<PartnershipEntity> {
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(PartnershipEntity, { where: { id, organisationId: user.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException({ statusCode: 404, code: 'PARTNERSHIP.NOT_FOUND', message: `partnership ${id} not found` });
      const changes: Partial<PartnershipEntity> = {};
      for (const f of FIELDS) {
        const v = f === 'partnerCity' && typeof input[f] === 'string' ? input[f]!.trim() : input[f];
        if (v === undefined) continue;
        if (JSON.stringify(v) !== JSON.stringify(row[f])) (changes as Record<string, unknown>)[f] = v;
      }
      if (Object.keys(changes).length === 0) return row;
      await tx.update(PartnershipEntity, { id }, changes);
      const after = await tx.findOneByOrFail(PartnershipEntity, { id });
      await this.outbox.append(tx, {
        type: 'partnership.updated', version: 1, aggregateId: id, organisationId: user.organisationId,
        payload: { ...payloadOf(after), registeredByUserId: after.createdBy, changed: Object.keys(changes) },
      });
      if ('partnerOrganisationId' in changes) {
        const delegations = await tx.findBy(DelegationEntity, { partnershipId: id, organisationId: user.organisationId });
        await withdrawSharesOutsidePartnership(tx, this.outbox, delegations.map((d) => d.id), user.userId);
      }
      return after;
    });
  }
}

function payloadOf(p: PartnershipEntity) {
  return {
    partnershipId: p.id, partnerCity: p.partnerCity, partnerCountry: p.partnerCountry, partnerTimeZone: p.partnerTimeZone,
    partnerOrganisationId: p.partnerOrganisationId, establishedOn: p.establishedOn, programmeAreas: p.programmeAreas, status: p.status,
  };
}

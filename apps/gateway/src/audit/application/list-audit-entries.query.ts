import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../infrastructure/audit-entry.entity';

export interface AuditFilter {
  limit: number;
  offset: number;
  from?: Date;
  to?: Date;
  action?: string;
  subjectId?: string;
}

/** One organisation's audit entries, newest first. */
@Injectable()
export class ListAuditEntriesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organisationId: string, f: AuditFilter): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const q = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').where('a.organisation_id = :organisationId', { organisationId });
    if (f.from) q.andWhere('a.occurred_at >= :from', { from: f.from });
    if (f.to) q.andWhere('a.occurred_at < :to', { to: f.to });
    if (f.action) q.andWhere('a.action = :action', { action: f.action });
    if (f.subjectId) q.andWhere('a.subject_id = :subjectId', { subjectId: f.subjectId });
    const [items, total] = await q.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'DESC').take(f.limit).skip(f.offset).getManyAndCount();
    return { items, total };
  }
}

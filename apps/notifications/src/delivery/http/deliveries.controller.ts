import { Controller, Get, Query } from '@nestjs/common';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, CurrentUser, Roles } from '@twinning/platform-auth';
import { PageQueryDto } from '@twinning/platform-http';
import { CHANNELS, DELIVERY_STATUSES } from '../domain/delivery-rules';
import { DeliveryRow, logEntry } from '../infrastructure/delivery-rows';

export class ListDeliveriesDto extends PageQueryDto {
  @IsOptional() @IsUUID() delegationId?: string;
  @IsOptional() @IsString() @MaxLength(100) subjectId?: string;
  @IsOptional() @IsUUID() recipientUserId?: string;
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: string;
  @IsOptional() @IsIn(CHANNELS) channel?: string;
}

/**
 * `/api/notifications/deliveries`: the delivery log of the caller's organisation for its staff — every notification
 * per channel with its status, attempts, last error and timestamps, newest first; filter by delegation, person
 * (subject or recipient), status and channel. No message bodies or addresses.
 */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('coordinator', 'admin', 'youth-manager')
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListDeliveriesDto) {
    const where = ['organisation_id = $1'];
    const params: unknown[] = [user.organisationId];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(`${sql} $${params.length}`); };
    if (q.delegationId) add('delegation_id =', q.delegationId);
    if (q.subjectId) add('subject_id =', q.subjectId);
    if (q.recipientUserId) add('recipient_user_id =', q.recipientUserId);
    if (q.status) add('status =', q.status);
    if (q.channel) add('channel =', q.channel);
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE ${where.join(' AND ')}`, params)) as { n: number }[];
    const rows = (await this.dataSource.query(
      `SELECT * FROM delivery WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as DeliveryRow[];
    return { items: rows.map(logEntry), total: n, limit: q.limit, offset: q.offset };
  }
}

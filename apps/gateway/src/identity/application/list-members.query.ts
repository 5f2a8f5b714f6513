import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DataSource } from 'typeorm';
import { assertActsFor } from '../domain/organisation-scope';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  language: string;
  roles: string[];
  disabled: boolean;
  memberSince: Date;
}

/** The members of the caller's organisation, by name. */
@Injectable()
export class ListMembersQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(actor: AuthenticatedUser, organisationId: string): Promise<{ items: MemberView[] }> {
    assertActsFor(actor, organisationId);
    const items: MemberView[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.name, u.language, m.roles, u.disabled, m.created_at AS "memberSince"
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY lower(u.name), u.id`,
      [organisationId],
    );
    return { items };
  }
}

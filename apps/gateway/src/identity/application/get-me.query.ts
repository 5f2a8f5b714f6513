import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { DataSource } from 'typeorm';
import { IdentityError } from '../domain/identity-error';
import { UserEntity } from '../infrastructure/user.entity';

/** Who the caller is, which organisation the session acts for, and every membership (to switch organisation at sign-in). */
@Injectable()
export class GetMeQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(caller: AuthenticatedUser) {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: caller.userId });
    if (!user) throw new IdentityError('not-found', 'IDENTITY.USER_NOT_FOUND', 'this account no longer exists');
    const memberships: { organisationId: string; organisationName: string; roles: string[] }[] = await this.dataSource.query(
      `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.roles
         FROM membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 ORDER BY m.created_at, o.name`,
      [user.id],
    );
    return {
      user: { id: user.id, email: user.email, name: user.name, language: user.language },
      organisationId: caller.organisationId,
      roles: caller.roles,
      memberships,
    };
  }
}

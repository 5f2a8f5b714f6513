import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Recipient, RecipientDirectory } from '../../delivery/recipient-directory';

/**
 * The RecipientDirectory over the recipients read model. A user's organisation default is the default language of the
 * organisation they joined first (a person in two organisations gets the first one's); an invitee's is the inviting
 * organisation's. A person the read model does not know is `null` (delivery then cannot email them).
 */
@Injectable()
export class ReadModelRecipientDirectory extends RecipientDirectory {
  async find(tx: EntityManager, userId: string): Promise<Recipient | null> {
    const [r] = (await tx.query(
      `SELECT u.user_id, u.email, u.name, u.language,
         COALESCE(
           (SELECT o.default_language FROM rcp_organisation o WHERE o.organisation_id = u.invited_organisation_id),
           (SELECT o.default_language FROM rcp_membership m JOIN rcp_organisation o ON o.organisation_id = m.organisation_id
             WHERE m.user_id = u.user_id ORDER BY m.granted_at, m.organisation_id LIMIT 1)
         ) AS org_language
       FROM rcp_user u WHERE u.user_id = $1`,
      [userId],
    )) as { user_id: string; email: string | null; name: string | null; language: string | null; org_language: string | null }[];
    if (r) return { userId: r.user_id, email: r.email, name: r.name, language: r.language, organisationDefaultLanguage: r.org_language };
    // a member whose user.registered has not reached us yet: no address, but the organisation's default language
    const [m] = (await tx.query(
      `SELECT o.default_language FROM rcp_membership m JOIN rcp_organisation o ON o.organisation_id = m.organisation_id WHERE m.user_id = $1 ORDER BY m.granted_at LIMIT 1`,
      [userId],
    )) as { default_language: string }[];
    return m ? { userId, email: null, name: null, language: null, organisationDefaultLanguage: m.default_language } : null;
  }
}

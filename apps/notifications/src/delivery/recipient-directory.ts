import { EntityManager } from 'typeorm';

/** What delivery needs to know of a person: where to write and in which language. */
export interface Recipient {
  userId: string;
  /** null: no address known (the email is recorded `skipped`; the in-app notice still shows) */
  email: string | null;
  name: string | null;
  /** BCP 47 as the person chose it (`en`, `zh-CN`, `ps`...) or null */
  language: string | null;
  /** the default language of the person's organisation, the first fallback */
  organisationDefaultLanguage: string | null;
}

/**
 * Notifications' own directory of people (built from the identity events by the recipients feature), read in the
 * consumer's transaction. Delivery depends on this token only; the recipients module provides it.
 */
export abstract class RecipientDirectory {
  abstract find(tx: EntityManager, userId: string): Promise<Recipient | null>;
}

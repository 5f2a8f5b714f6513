import { createHash } from 'node:crypto';

/** The namespace of invitees' synthetic recipient ids (fixed forever: changing it would re-send invitations). */
export const INVITEE_NAMESPACE = '6f1d8b52-3c4e-4a7b-9e21-0d5c7a9b4e13';

/** A name-based UUID (RFC 9562 version 5, SHA-1) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The recipient id of a person invited by email who has no user id yet: the UUID v5 of the trimmed, lower-cased email
 * in INVITEE_NAMESPACE. The invitation consumer records the invitee under this id (email, name, language) in the same
 * transaction as it asks for the invitation, so the RecipientDirectory finds them like any user.
 */
export function inviteeRecipientId(email: string): string {
  return uuidV5(email.trim().toLowerCase(), INVITEE_NAMESPACE);
}

/** A name-based id for a notification a job raises (no event behind it), e.g. the reminder of one offer: stable, so a re-run sends nothing twice. */
export function jobEventId(kind: string, subjectId: string): string {
  return uuidV5(`${kind}:${subjectId}`, INVITEE_NAMESPACE);
}

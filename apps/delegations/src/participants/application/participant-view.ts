import { AuthenticatedUser, Relation, disclose, maySee } from '@twinning/platform-auth';
import { PassportWarning } from '../domain/participant-rules';

export interface ParticipantRow {
  id: string;
  organisation_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  gender: string;
  languages: string[];
  nationality: string;
  diet_codes: string[];
  diet_note: string;
  allergy_codes: string[];
  allergy_note: string;
  allergies_need_coding: boolean;
  medical_notes: string;
  passport_number: string | null;
  passport_expiry: string | null;
  visa_status: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ContactRow { id: string; participant_id: string; name: string; relation: string; phone: string; email: string | null }
export interface GuardianRow extends ContactRow { consent_given_at: Date | null; consent_scope: string | null; consent_expires_on: string | null }

/**
 * The participant as a caller sees it, applying the sensitive-field rule (libs/platform/auth):
 * `medicalNotes`, `allergies`, `dietaryNeeds`, `emergencyContacts` are left out when the caller may not
 * see them (the same kinds, PARTICIPANT_SENSITIVE_INPUT, decide who may write them). Guardians: their
 * consent (given at, scope, expiry) where `guardianConsent` may be seen (every member of staff who reads
 * the participant: a coordinator must know whether consent is on file), their name, phone and email only
 * to whom may see `guardianContacts`. The passport number is for the owning organisation only (decision: a
 * partner organisation needs to know the visa status, not the number). Medical notes and guardians'
 * contacts go through `disclose`, so every read of them is in the audit trail.
 */
export function participantView(user: AuthenticatedUser, relation: Relation, p: ParticipantRow, contacts: ContactRow[], guardians: GuardianRow[], warnings: PassportWarning[] = []) {
  const subject = { kind: 'participant', id: p.id };
  const seeGuardianContacts = guardians.length > 0 && disclose(user, relation, 'guardianContacts', subject);
  const seeConsent = maySee(user, relation, 'guardianConsent');
  const view: Record<string, unknown> = {
    id: p.id,
    organisationId: p.organisation_id,
    relation,
    givenName: p.given_name,
    familyName: p.family_name,
    dateOfBirth: p.date_of_birth,
    gender: p.gender,
    languages: p.languages,
    nationality: p.nationality,
    visaStatus: p.visa_status,
    passportExpiry: p.passport_expiry,
    createdBy: p.created_by,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    guardians: guardians.map((g) => ({
      id: g.id,
      relation: g.relation,
      ...(seeConsent ? { consentGivenAt: g.consent_given_at, consentScope: g.consent_scope, consentExpiresOn: g.consent_expires_on } : {}),
      ...(seeGuardianContacts ? { name: g.name, phone: g.phone, email: g.email } : {}),
    })),
    warnings,
  };
  if (relation === 'owner') view.passportNumber = p.passport_number;
  if (disclose(user, relation, 'medicalNotes', subject)) view.medicalNotes = p.medical_notes;
  // Coded (what the placement rules compare) with a note for people; `needsCoding`: a note not coded yet.
  if (maySee(user, relation, 'allergies')) view.allergies = { codes: p.allergy_codes, note: p.allergy_note, needsCoding: p.allergies_need_coding };
  if (maySee(user, relation, 'dietaryNeeds')) view.dietaryNeeds = { codes: p.diet_codes, note: p.diet_note };
  if (maySee(user, relation, 'emergencyContacts')) view.emergencyContacts = contacts.map((c) => ({ id: c.id, name: c.name, relation: c.relation, phone: c.phone, email: c.email }));
  return view;
}

import { SensitiveInputFields } from '@twinning/platform-auth';
import { UpdateParticipantDto } from '../http/participant.dto';

/**
 * The participant's properties by their sensitive kind, for reading (participantView) and writing (create, update)
 * alike. Guardians are replaced as a whole list, so writing them touches both their contacts and their consent.
 */
export const PARTICIPANT_SENSITIVE_INPUT: SensitiveInputFields<UpdateParticipantDto> = {
  medicalNotes: 'medicalNotes',
  allergies: 'allergies',
  dietaryNeeds: 'dietaryNeeds',
  emergencyContacts: 'emergencyContacts',
  guardians: ['guardianContacts', 'guardianConsent'],
};

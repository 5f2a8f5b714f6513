import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError, formError, must, type Schemas } from '../../api/client';
import { useApi, useSession } from '../../session';
import { VocabularySelect } from '../../components/VocabularySelect';
import type { AllergenCode, DietCode } from '../../locales/vocab-codes';
import { LODGINGS, ROLES } from './MemberActions';

const GENDERS = ['female', 'male', 'non-binary', 'undisclosed'] as const;
type Gender = (typeof GENDERS)[number];

interface Values {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  nationality: string;
  languages: string;
  /** codes of the vocabulary (multi-select) and the notes that go with them */
  dietCodes: string[];
  dietNote: string;
  allergyCodes: string[];
  allergyNote: string;
  contactName: string;
  contactRelation: string;
  contactPhone: string;
  contactEmail: string;
  guardian: boolean;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  guardianEmail: string;
  consent: boolean;
  consentExpiresOn: string;
  role: (typeof ROLES)[number];
  lodgingNeed: (typeof LODGINGS)[number];
  isLeader: boolean;
}

const empty: Values = {
  givenName: '', familyName: '', dateOfBirth: '', gender: 'undisclosed', nationality: '', languages: '', dietCodes: [], dietNote: '', allergyCodes: [], allergyNote: '',
  contactName: '', contactRelation: '', contactPhone: '', contactEmail: '',
  guardian: false, guardianName: '', guardianRelation: '', guardianPhone: '', guardianEmail: '', consent: false, consentExpiresOn: '',
  role: 'student', lodgingNeed: 'homestay', isLeader: false,
};

const PARTICIPANT_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'gender', 'nationality', 'languages', 'dietaryNeeds', 'allergies', 'emergencyContacts', 'guardians'];
const MEMBER_FIELDS = ['participantId', 'role', 'lodgingNeed', 'isLeader'];

function participantBody(v: Values): Schemas['CreateParticipant'] {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const languages = v.languages.split(/[,\s]+/).map((l) => l.trim()).filter(Boolean);
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    dateOfBirth: v.dateOfBirth,
    gender: v.gender,
    nationality: v.nationality.trim(),
    ...(languages.length ? { languages } : {}),
    ...(v.dietCodes.length || opt(v.dietNote) ? { dietaryNeeds: { codes: v.dietCodes as DietCode[], ...(opt(v.dietNote) ? { note: opt(v.dietNote) } : {}) } } : {}),
    // a note is flagged "needs coding" by the service until a youth manager codes it
    ...(v.allergyCodes.length || opt(v.allergyNote) ? { allergies: { codes: v.allergyCodes as AllergenCode[], ...(opt(v.allergyNote) ? { note: opt(v.allergyNote) } : {}) } } : {}),
    emergencyContacts: [{ name: v.contactName, relation: v.contactRelation, phone: v.contactPhone, ...(opt(v.contactEmail) ? { email: opt(v.contactEmail) } : {}) }],
    ...(v.guardian
      ? {
          guardians: [{
            name: v.guardianName, relation: v.guardianRelation, phone: v.guardianPhone,
            ...(opt(v.guardianEmail) ? { email: opt(v.guardianEmail) } : {}),
            ...(v.consent ? { consentGivenAt: new Date().toISOString() } : {}),
            ...(opt(v.consentExpiresOn) ? { consentExpiresOn: v.consentExpiresOn } : {}),
          }],
        }
      : {}),
  };
}

/**
 * Registers someone who is not a participant yet (with their needs, an emergency contact and a guardian for a minor)
 * and adds them to the delegation. If the registration worked but adding failed, a retry only adds (no second person).
 */
export function RegisterParticipant({ delegationId }: { delegationId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  // the API refuses guardians (their contacts and consent) from any other role: the sensitive-fields rule
  const mayWriteGuardians = !!session?.roles.some((r) => r === 'youth-manager' || r === 'admin');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<Values>(empty);
  const [registered, setRegistered] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const go = useMutation({
    mutationFn: async () => {
      let who = registered;
      if (!who) {
        const p = await must(api.POST('/api/delegations/participants', { body: participantBody(v) }));
        who = { id: p.id!, name: [p.givenName, p.familyName].filter(Boolean).join(' ') };
        setRegistered(who);
        void qc.invalidateQueries({ queryKey: ['participants'] });
      }
      await must(api.POST('/api/delegations/{id}/members', { params: { path: { id: delegationId } }, body: { participantId: who.id, role: v.role, lodgingNeed: v.lodgingNeed, isLeader: v.isLeader } }));
      return who;
    },
    onSuccess: (who) => {
      setDone(who.name);
      setRegistered(null);
      setV(empty);
      void qc.invalidateQueries({ queryKey: ['members', delegationId] });
      void qc.invalidateQueries({ queryKey: ['guests', delegationId] });
      void qc.invalidateQueries({ queryKey: ['participants'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    go.mutate();
  };
  const err = go.error;
  // while registering, field errors are the participant's; once registered, the membership's
  const participantErr = registered ? undefined : err;
  const memberErr = registered ? err : undefined;
  const fe = (f: string) => fieldError(participantErr, f);
  const contactsMessage = err instanceof ApiError && !registered ? err.fields.emergencyContacts : undefined;
  const guardiansMessage = err instanceof ApiError && !registered ? err.fields.guardians : undefined;
  const general = registered ? formError(err, MEMBER_FIELDS) : formError(err, PARTICIPANT_FIELDS);
  if (!open) {
    return (
      <Stack gap="xs">
        {done && <Text c="green.9" role="status">{t('delegation.register.done', { name: done })}</Text>}
        <Group><Button variant="light" onClick={() => setOpen(true)}>{t('delegation.register.open')}</Button></Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('delegation.register.title')}>
      <Stack gap="xs">
        <Title order={4}>{t('delegation.register.title')}</Title>
        <Text size="sm">{t('delegation.register.hint')}</Text>
        {done && <Text c="green.9" role="status">{t('delegation.register.done', { name: done })}</Text>}
        {registered && <Alert color="orange" role="status">{t('delegation.register.registeredOnly', { name: registered.name })}</Alert>}
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <Fieldset legend={t('delegation.register.person')} disabled={!!registered}>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput label={t('delegation.register.givenName')} required value={v.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} error={fe('givenName')} />
              <TextInput label={t('delegation.register.familyName')} required value={v.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} error={fe('familyName')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput type="date" label={t('delegation.register.dateOfBirth')} required value={v.dateOfBirth} onChange={(e) => set('dateOfBirth', e.currentTarget.value)} error={fe('dateOfBirth')} />
              <NativeSelect label={t('delegation.register.gender')} value={v.gender} onChange={(e) => set('gender', e.currentTarget.value as Gender)} error={fe('gender')}
                data={GENDERS.map((g) => ({ value: g, label: t(`delegation.register.genders.${g}`) }))} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('delegation.register.nationality')} description={t('delegation.register.nationalityHint')} required maxLength={2} value={v.nationality}
                onChange={(e) => set('nationality', e.currentTarget.value.toUpperCase())} error={fe('nationality')} />
              <TextInput label={t('delegation.register.languages')} description={t('delegation.register.languagesHint')} value={v.languages} onChange={(e) => set('languages', e.currentTarget.value)} error={fe('languages')} />
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('delegation.register.needs')} disabled={!!registered}>
          <Stack gap="xs">
            <VocabularySelect kind="diets" label={t('delegation.register.diet')} value={v.dietCodes} onChange={(c) => set('dietCodes', c)} error={fe('dietaryNeeds.codes') ?? fe('dietaryNeeds')} />
            <Textarea label={t('delegation.register.dietNote')} rows={1} value={v.dietNote} onChange={(e) => set('dietNote', e.currentTarget.value)} error={fe('dietaryNeeds.note')} />
            <VocabularySelect kind="allergens" label={t('delegation.register.allergies')} value={v.allergyCodes} onChange={(c) => set('allergyCodes', c)} error={fe('allergies.codes') ?? fe('allergies')} />
            <Textarea label={t('delegation.register.allergyNote')} description={t('delegation.register.allergyNoteHelp')} rows={1} value={v.allergyNote}
              onChange={(e) => set('allergyNote', e.currentTarget.value)} error={fe('allergies.note')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('delegation.register.contact')} disabled={!!registered}>
          <Stack gap="xs">
            {contactsMessage && <Text c="red.8" size="sm" role="alert">{contactsMessage}</Text>}
            <Group grow align="flex-start">
              <TextInput label={t('delegation.register.contactName')} required value={v.contactName} onChange={(e) => set('contactName', e.currentTarget.value)} error={fe('emergencyContacts.0.name')} />
              <TextInput label={t('delegation.register.contactRelation')} required value={v.contactRelation} onChange={(e) => set('contactRelation', e.currentTarget.value)} error={fe('emergencyContacts.0.relation')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput type="tel" label={t('delegation.register.contactPhone')} required value={v.contactPhone} onChange={(e) => set('contactPhone', e.currentTarget.value)} error={fe('emergencyContacts.0.phone')} />
              <TextInput type="email" label={t('delegation.register.contactEmail')} value={v.contactEmail} onChange={(e) => set('contactEmail', e.currentTarget.value)} error={fe('emergencyContacts.0.email')} />
            </Group>
          </Stack>
        </Fieldset>
        {mayWriteGuardians && <Fieldset legend={t('delegation.register.guardian')} disabled={!!registered}>
          <Stack gap="xs">
            {guardiansMessage && <Text c="red.8" size="sm" role="alert">{guardiansMessage}</Text>}
            <Checkbox label={t('delegation.register.addGuardian')} checked={v.guardian} onChange={(e) => set('guardian', e.currentTarget.checked)} />
            {v.guardian && (
              <>
                <Group grow align="flex-start">
                  <TextInput label={t('delegation.register.guardianName')} required value={v.guardianName} onChange={(e) => set('guardianName', e.currentTarget.value)} error={fe('guardians.0.name')} />
                  <TextInput label={t('delegation.register.guardianRelation')} required value={v.guardianRelation} onChange={(e) => set('guardianRelation', e.currentTarget.value)} error={fe('guardians.0.relation')} />
                </Group>
                <Group grow align="flex-start">
                  <TextInput type="tel" label={t('delegation.register.guardianPhone')} required value={v.guardianPhone} onChange={(e) => set('guardianPhone', e.currentTarget.value)} error={fe('guardians.0.phone')} />
                  <TextInput type="email" label={t('delegation.register.guardianEmail')} value={v.guardianEmail} onChange={(e) => set('guardianEmail', e.currentTarget.value)} error={fe('guardians.0.email')} />
                </Group>
                <Checkbox label={t('delegation.register.consent')} checked={v.consent} onChange={(e) => set('consent', e.currentTarget.checked)} error={fe('guardians.0.consentGivenAt')} />
                <TextInput type="date" label={t('delegation.register.consentExpires')} value={v.consentExpiresOn} onChange={(e) => set('consentExpiresOn', e.currentTarget.value)} error={fe('guardians.0.consentExpiresOn')} />
              </>
            )}
          </Stack>
        </Fieldset>}
        <Fieldset legend={t('delegation.register.membership')}>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <NativeSelect label={t('delegation.role')} value={v.role} onChange={(e) => set('role', e.currentTarget.value as Values['role'])} error={fieldError(memberErr, 'role')}
                data={ROLES.map((r) => ({ value: r, label: t(`delegation.roles.${r}`) }))} />
              <NativeSelect label={t('delegation.lodging')} value={v.lodgingNeed} onChange={(e) => set('lodgingNeed', e.currentTarget.value as Values['lodgingNeed'])} error={fieldError(memberErr, 'lodgingNeed')}
                data={LODGINGS.map((r) => ({ value: r, label: t(`delegation.lodgings.${r}`) }))} />
            </Group>
            <Checkbox label={t('delegation.leader')} checked={v.isLeader} onChange={(e) => set('isLeader', e.currentTarget.checked)} error={fieldError(memberErr, 'isLeader')} />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={go.isPending}>{t('delegation.register.submit')}</Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>{t('delegation.register.close')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

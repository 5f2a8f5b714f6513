import { Alert, Anchor, Badge, Card, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldError, formError, must } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { useApi } from '../../session';
import { YouthNav } from './YouthNav';
import { Loading } from '../../components/Loading';
import { useVocabularyLabels } from '../../components/VocabularySelect';
import { AllergyCoding } from './AllergyCoding';

export function useDelegations() {
  const api = useApi();
  return useQuery({ queryKey: ['delegations', 'all'], queryFn: () => must(api.GET('/api/delegations', { params: { query: { limit: 200 } as never } })) });
}

function isMinor(dateOfBirth?: string): boolean {
  if (!dateOfBirth) return false;
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const now = new Date();
  const age = now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
  return age < 18;
}

export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delegations = useDelegations();
  const [q, setQ] = useState('');
  const [delegationId, setDelegationId] = useState('');
  const [minor, setMinor] = useState<'' | 'true' | 'false'>('');
  const [nationality, setNationality] = useState('');
  const [needsCoding, setNeedsCoding] = useState<'' | 'true'>('');
  const filters = useDeferredValue({ q: q.trim(), delegationId, minor, nationality: nationality.trim().toUpperCase(), needsCoding });
  const list = useQuery({
    queryKey: ['youth-participants', filters],
    queryFn: () =>
      must(api.GET('/api/delegations/participants', {
        params: {
          query: {
            limit: 200,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.delegationId ? { delegationId: filters.delegationId } : {}),
            ...(filters.minor ? { minor: filters.minor } : {}),
            ...(filters.nationality ? { nationality: filters.nationality } : {}),
            ...(filters.needsCoding ? { needsCoding: filters.needsCoding } : {}),
          } as never,
        },
      })),
  });
  const items = list.data?.items ?? [];
  const general = formError(list.error, ['q', 'delegationId', 'minor', 'nationality', 'needsCoding']);
  return (
    <Stack>
      <YouthNav />
      <Title order={2}>{t('youth.participants')}</Title>
      <form role="search" aria-label={t('youth.participants')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <TextInput label={t('youth.filters.q')} value={q} onChange={(e) => setQ(e.currentTarget.value)} error={fieldError(list.error, 'q')} />
          <NativeSelect label={t('youth.filters.delegation')} value={delegationId} onChange={(e) => setDelegationId(e.currentTarget.value)} error={fieldError(list.error, 'delegationId')}
            data={[{ value: '', label: t('youth.filters.all') }, ...(delegations.data?.items ?? []).map((d) => ({ value: d.id!, label: d.title ?? d.id! }))]} />
          <NativeSelect label={t('youth.filters.minor')} value={minor} onChange={(e) => setMinor(e.currentTarget.value as typeof minor)} error={fieldError(list.error, 'minor')}
            data={[{ value: '', label: t('youth.filters.all') }, { value: 'true', label: t('youth.filters.yes') }, { value: 'false', label: t('youth.filters.no') }]} />
          <TextInput label={t('youth.filters.nationality')} value={nationality} maxLength={2} onChange={(e) => setNationality(e.currentTarget.value)} error={fieldError(list.error, 'nationality')} />
          <NativeSelect label={t('youth.filters.allergies')} value={needsCoding} onChange={(e) => setNeedsCoding(e.currentTarget.value as typeof needsCoding)} error={fieldError(list.error, 'needsCoding')}
            data={[{ value: '', label: t('youth.filters.all') }, { value: 'true', label: t('youth.coding.needsCoding') }]} />
        </SimpleGrid>
      </form>
      {general && <Alert color="red" role="alert">{general}</Alert>}
      {list.isLoading && <Loading size="sm" />}
      {list.data && <Text size="sm" role="status">{t('youth.list.total', { count: list.data.total ?? items.length })}</Text>}
      {list.data && !items.length && <Text c="gray.7">{t('youth.list.empty')}</Text>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('youth.list.name')}</Table.Th><Table.Th>{t('youth.list.dateOfBirth')}</Table.Th><Table.Th>{t('youth.list.gender')}</Table.Th><Table.Th>{t('youth.list.nationality')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/youth/participants/${p.id}`}>{[p.givenName, p.familyName].filter(Boolean).join(' ') || p.id}</Anchor>
                    {isMinor(p.dateOfBirth) && <Badge ml="xs" size="xs" color="grape">{t('delegation.minor')}</Badge>}
                    {p.allergies?.needsCoding && <Badge ml="xs" size="xs" color="red">{t('youth.coding.needsCoding')}</Badge>}
                  </Table.Td>
                  <Table.Td>{p.dateOfBirth ? formatDate(p.dateOfBirth, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{p.gender ? t(`youth.genders.${p.gender}`) : '—'}</Table.Td>
                  <Table.Td>{p.nationality ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One participant as the API shows it to this role: sections the API leaves out (redacted) are not shown. */
export function ParticipantRecordPage() {
  const { participantId } = useParams<{ participantId: string }>();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const record = useQuery({
    queryKey: ['youth-participant', participantId],
    queryFn: () => must(api.GET('/api/delegations/participants/{participantId}', { params: { path: { participantId: participantId! } } })),
  });
  const p = record.data;
  const labels = useVocabularyLabels();
  const field = (label: string, value?: string | null) => (value ? <Text size="sm"><Text span fw={500}>{label}:</Text> {value}</Text> : null);
  return (
    <Stack>
      <YouthNav />
      <Anchor component={Link} to="/youth/participants">← {t('youth.record.back')}</Anchor>
      {record.isLoading && <Loading size="sm" />}
      {record.error && <Alert color="red" role="alert">{(record.error as Error).message}</Alert>}
      {p && (
        <>
          <Title order={2}>{[p.givenName, p.familyName].filter(Boolean).join(' ')}</Title>
          {(p.warnings ?? []).map((w, i) => <Alert key={i} color="orange">{w.message ?? w.code}</Alert>)}
          <Card withBorder>
            <Stack gap={4}>
              {field(t('youth.list.dateOfBirth'), p.dateOfBirth && formatDate(p.dateOfBirth, i18n.language))}
              {field(t('youth.list.gender'), p.gender && t(`youth.genders.${p.gender}`))}
              {field(t('youth.list.nationality'), p.nationality)}
              {field(t('youth.record.languages'), p.languages?.join(', '))}
              {field(t('youth.record.diet'), p.dietaryNeeds && [labels('diets', p.dietaryNeeds.codes), p.dietaryNeeds.note].filter(Boolean).join(' · '))}
              {field(t('youth.record.passportExpiry'), p.passportExpiry && formatDate(p.passportExpiry, i18n.language))}
              {field(t('youth.record.visa'), p.visaStatus)}
            </Stack>
          </Card>
          {p.allergies && <AllergyCoding key={`${p.id}-${p.allergies.needsCoding}`} participantId={p.id!} allergies={p.allergies} />}
          {'guardians' in p && (
            <Card withBorder>
              <Title order={3} mb="xs">{t('youth.record.consent')}</Title>
              {!p.guardians?.length && <Text c="gray.7">{t('youth.record.noGuardians')}</Text>}
              <Stack gap="xs">
                {(p.guardians ?? []).map((g, i) => (
                  <div key={i}>
                    <Text fw={500}>{g.name} ({g.relation}) · {g.phone}{g.email ? ` · ${g.email}` : ''}</Text>
                    <Text size="sm">
                      {g.consentGivenAt ? t('youth.record.consentGiven', { date: formatDateTime(g.consentGivenAt, i18n.language) }) : t('youth.record.noConsent')}
                      {g.consentExpiresOn && `, ${t('youth.record.consentExpires', { date: formatDate(g.consentExpiresOn, i18n.language) })}`}
                      {g.consentScope && ` · ${t('youth.record.scope')}: ${g.consentScope}`}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Card>
          )}
          {'emergencyContacts' in p && (
            <Card withBorder>
              <Title order={3} mb="xs">{t('youth.record.emergency')}</Title>
              {!p.emergencyContacts?.length && <Text c="gray.7">{t('youth.record.noContacts')}</Text>}
              {(p.emergencyContacts ?? []).map((c, i) => (
                <Text key={i}>{c.name} ({c.relation}) · <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor>{c.email ? ` · ${c.email}` : ''}</Text>
              ))}
            </Card>
          )}
          {'medicalNotes' in p && (
            <Card withBorder>
              <Title order={3} mb="xs">{t('youth.record.medical')}</Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.medicalNotes || t('youth.record.noMedical')}</Text>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

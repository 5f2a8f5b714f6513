import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldError, formError, must, type Schemas } from '../api/client';
import { formatDate, formatDateTimeInZone, timeLeft } from '../format';
import { canEditDelegations, useApi, useSession } from '../session';
import { StatusBadge } from '../components/StatusBadge';
import { DelegationDetails } from './delegation/DelegationDetails';
import { Itinerary } from './delegation/Itinerary';
import { MemberActions } from './delegation/MemberActions';
import { RegisterParticipant } from './delegation/RegisterParticipant';
import { Loading } from '../components/Loading';

const ROLES = ['official', 'delegate', 'student', 'chaperone', 'interpreter'] as const;
const LODGINGS = ['homestay', 'hotel', 'none'] as const;

function Members({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const editor = canEditDelegations(session?.roles);
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members', id], queryFn: () => must(api.GET('/api/delegations/{id}/members', { params: { path: { id } } })) });
  const participants = useQuery({ queryKey: ['participants'], queryFn: () => must(api.GET('/api/delegations/participants', { params: { query: { limit: 200 } as never } })) });
  const [participantId, setParticipantId] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('delegate');
  const [lodgingNeed, setLodgingNeed] = useState<(typeof LODGINGS)[number]>('homestay');
  const [isLeader, setIsLeader] = useState(false);
  const add = useMutation({
    mutationFn: () => must(api.POST('/api/delegations/{id}/members', { params: { path: { id } }, body: { participantId, role, lodgingNeed, isLeader } })),
    onSuccess: () => {
      setParticipantId('');
      void qc.invalidateQueries({ queryKey: ['members', id] });
      void qc.invalidateQueries({ queryKey: ['guests', id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const inDelegation = new Set((members.data?.items ?? []).map((m) => m.participantId));
  const choices = (participants.data?.items ?? []).filter((p) => !inDelegation.has(p.id));
  const general = formError(add.error, ['participantId', 'role', 'lodgingNeed', 'isLeader']);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('delegation.members')}</Title>
        {members.isLoading && <Loading size="sm" />}
        {members.error && <Alert color="red" role="alert">{(members.error as Error).message}</Alert>}
        {(members.data?.warnings ?? []).map((w) => <Alert key={w.code} color="orange">{w.message}</Alert>)}
        {!!members.data?.items?.length && (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('delegation.name')}</Table.Th><Table.Th>{t('delegation.role')}</Table.Th><Table.Th>{t('delegation.lodging')}</Table.Th><Table.Th>{t('delegation.age')}</Table.Th><Table.Th>{t('delegation.consent')}</Table.Th>{editor && <Table.Th>{t('delegation.member.actions')}</Table.Th>}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.givenName} {m.familyName} {m.isLeader && <Badge size="xs">{t('delegation.leader')}</Badge>}</Table.Td>
                    <Table.Td>{t(`delegation.roles.${m.role}`)}</Table.Td>
                    <Table.Td>{t(`delegation.lodgings.${m.lodgingNeed}`)}</Table.Td>
                    <Table.Td>{m.ageOnStartDate ?? '—'} {m.minor && <Badge size="xs" color="grape">{t('delegation.minor')}</Badge>}</Table.Td>
                    <Table.Td>{m.minor ? (m.hasValidConsent ? '✓' : '✗') : '—'}</Table.Td>
                    {editor && <Table.Td><MemberActions delegationId={id} member={m} /></Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate aria-label={t('delegation.addMember')}>
          <Stack gap="xs">
            <Title order={4}>{t('delegation.addMember')}</Title>
            {general && <Alert color="red" role="alert">{general}</Alert>}
            <NativeSelect
              label={t('delegation.participant')}
              value={participantId}
              onChange={(e) => setParticipantId(e.currentTarget.value)}
              error={fieldError(add.error, 'participantId')}
              data={[{ value: '', label: '—' }, ...choices.map((p) => ({ value: p.id!, label: `${p.givenName ?? ''} ${p.familyName ?? ''}`.trim() || p.id! }))]}
            />
            <Group grow>
              <NativeSelect label={t('delegation.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as typeof role)} error={fieldError(add.error, 'role')}
                data={ROLES.map((r) => ({ value: r, label: t(`delegation.roles.${r}`) }))} />
              <NativeSelect label={t('delegation.lodging')} value={lodgingNeed} onChange={(e) => setLodgingNeed(e.currentTarget.value as typeof lodgingNeed)} error={fieldError(add.error, 'lodgingNeed')}
                data={LODGINGS.map((r) => ({ value: r, label: t(`delegation.lodgings.${r}`) }))} />
            </Group>
            <Checkbox label={t('delegation.leader')} checked={isLeader} onChange={(e) => setIsLeader(e.currentTarget.checked)} error={fieldError(add.error, 'isLeader')} />
            <Group><Button type="submit" loading={add.isPending}>{t('delegation.add')}</Button>{add.isSuccess && <Text c="green" role="status">{t('delegation.added')}</Text>}</Group>
          </Stack>
        </form>
        {editor && <RegisterParticipant delegationId={id} />}
      </Stack>
    </Card>
  );
}

function Venue({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['matching-settings', id],
    queryFn: () => must(api.GET('/api/host-matching/delegations/{delegationId}/matching-settings', { params: { path: { delegationId: id } } })),
  });
  const [venueName, setVenueName] = useState('');
  const [latitude, setLatitude] = useState<number | string>('');
  const [longitude, setLongitude] = useState<number | string>('');
  useEffect(() => {
    if (!settings.data) return;
    setVenueName(settings.data.venueName ?? '');
    setLatitude(settings.data.venue?.lat ?? '');
    setLongitude(settings.data.venue?.lng ?? '');
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      must(api.PUT('/api/host-matching/delegations/{delegationId}/matching-settings', {
        params: { path: { delegationId: id } },
        body: { venueName: venueName || null, venue: latitude === '' && longitude === '' ? null : { latitude: Number(latitude), longitude: Number(longitude) } },
      })),
    onSuccess: (data) => qc.setQueryData(['matching-settings', id], data),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const venueError = fieldError(save.error, 'venue');
  const general = formError(save.error, ['venueName', 'venue']);
  return (
    <form onSubmit={submit} noValidate aria-label={t('delegation.venue')}>
      <Stack gap="xs">
        <Title order={4}>{t('delegation.venue')}</Title>
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <TextInput label={t('delegation.venueName')} value={venueName} onChange={(e) => setVenueName(e.currentTarget.value)} error={fieldError(save.error, 'venueName')} />
        <Group grow align="flex-start">
          <NumberInput label={t('delegation.latitude')} value={latitude} onChange={setLatitude} decimalScale={6} error={fieldError(save.error, 'venue.latitude') ?? venueError} />
          <NumberInput label={t('delegation.longitude')} value={longitude} onChange={setLongitude} decimalScale={6} error={fieldError(save.error, 'venue.longitude') ?? (fieldError(save.error, 'venue.latitude') ? undefined : venueError)} />
        </Group>
        <Group><Button type="submit" variant="light" loading={save.isPending}>{t('delegation.saveVenue')}</Button>{save.isSuccess && <Text c="green" role="status">{t('delegation.venueSaved')}</Text>}</Group>
      </Stack>
    </form>
  );
}

type RunDetail = Schemas['MatchingRunDetail'];
type Proposal = NonNullable<RunDetail['proposals']>[number];

function Breakdown({ breakdown }: { breakdown?: Record<string, number> | null }) {
  if (!breakdown) return null;
  return <Text size="xs">{Object.entries(breakdown).map(([k, v]) => `${k} ${Math.round(v * 100) / 100}`).join(' · ')}</Text>;
}

function Elapsed({ since }: { since: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{t('delegation.running', { seconds: Math.floor((now - since) / 1000) })}</Text>
      <Progress value={100} animated striped aria-label={t('delegation.run')} />
    </Stack>
  );
}

function Matching({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const runs = useQuery({
    queryKey: ['matching-runs', id],
    queryFn: () => must(api.GET('/api/host-matching/delegations/{delegationId}/matching-runs', { params: { path: { delegationId: id } } })),
  });
  const latestId = runs.data?.items?.[0]?.id;
  const latest = useQuery({
    queryKey: ['matching-run', id, latestId],
    enabled: !!latestId,
    queryFn: () => must(api.GET('/api/host-matching/delegations/{delegationId}/matching-runs/{runId}', { params: { path: { delegationId: id, runId: latestId! } } })),
  });
  const [startedAt, setStartedAt] = useState(0);
  const run = useMutation({
    mutationFn: () => {
      setStartedAt(Date.now());
      return must(api.POST('/api/host-matching/delegations/{delegationId}/matching-runs', { params: { path: { delegationId: id } } }));
    },
    onSuccess: (detail) => {
      qc.setQueryData(['matching-run', id, detail.id], detail);
      void qc.invalidateQueries({ queryKey: ['matching-runs', id] });
      void qc.invalidateQueries({ queryKey: ['guests', id] });
    },
  });
  const release = useMutation({
    mutationFn: () => must(api.POST('/api/host-matching/delegations/{delegationId}/offers', { params: { path: { delegationId: id } }, body: {} })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['offers', id] });
      void qc.invalidateQueries({ queryKey: ['matching-run', id] });
      void qc.invalidateQueries({ queryKey: ['guests', id] });
    },
  });
  const detail: RunDetail | undefined = run.data ?? latest.data;
  const proposals: Proposal[] = (detail?.proposals ?? []) as Proposal[];
  const unplaced = (detail?.unplacedGuests ?? []) as Proposal[];
  const runError = run.error ? (fieldError(run.error, 'venue') ?? formError(run.error, [])) : undefined;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('delegation.matching')}</Title>
        <Venue id={id} />
        <Group>
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={run.isPending}>{t('delegation.run')}</Button>
          <Button variant="outline" onClick={() => release.mutate()} loading={release.isPending} disabled={!proposals.some((p) => p.status === 'proposed' && p.familyId)}>{t('delegation.release')}</Button>
        </Group>
        {run.isPending && <Elapsed since={startedAt} />}
        {runError && <Alert color="red" role="alert">{runError}</Alert>}
        {release.error && <Alert color="red" role="alert">{formError(release.error, [])}</Alert>}
        {release.data && <Alert color="green" role="status">{t('delegation.released', { count: release.data.offerIds?.length ?? 0, hours: release.data.deadlineHours })}</Alert>}
        {!detail && !runs.isLoading && !run.isPending && <Text c="gray.7">{t('delegation.noRun')}</Text>}
        {detail && (
          <Stack gap="xs" data-testid="matching-result">
            <Text component="div" fw={500}>
              {t('delegation.runDone', { placed: detail.placed, guests: detail.guests, score: Math.round((detail.totalScore ?? 0) * 100) / 100 })}
              {detail.optimal && <Badge ml="xs" color="green">{t('delegation.optimal')}</Badge>}
            </Text>
            <Title order={4}>{t('delegation.proposals')}</Title>
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead><Table.Tr><Table.Th>{t('delegation.guest')}</Table.Th><Table.Th>{t('delegation.family')}</Table.Th><Table.Th>{t('delegation.score')}</Table.Th><Table.Th>{t('delegation.breakdown')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {proposals.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.guestName ?? p.memberId}</Table.Td>
                      <Table.Td>{p.familyName} {p.status && p.status !== 'proposed' && <Badge size="xs">{t(`status.${p.status}`, { defaultValue: p.status })}</Badge>}</Table.Td>
                      <Table.Td>{p.score != null ? Math.round(p.score * 100) / 100 : '—'}</Table.Td>
                      <Table.Td><Breakdown breakdown={p.breakdown} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {!!unplaced.length && (
              <>
                <Title order={4}>{t('delegation.unplacedGuests')}</Title>
                <Table>
                  <Table.Thead><Table.Tr><Table.Th>{t('delegation.guest')}</Table.Th><Table.Th>{t('delegation.why')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {unplaced.map((u) => (
                      <Table.Tr key={u.id ?? u.memberId}>
                        <Table.Td>{u.guestName ?? u.memberId}</Table.Td>
                        <Table.Td>{u.explanation?.message ?? u.explanation?.kind}{u.explanation?.decidingRule && <Badge ml="xs" size="xs" color="orange">{u.explanation.decidingRule}</Badge>}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Offers({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const offers = useQuery({
    queryKey: ['offers', id],
    queryFn: () => must(api.GET('/api/host-matching/offers', { params: { query: { delegationId: id, limit: 200 } as never } })),
    refetchInterval: 30_000,
  });
  const openRoomingList = async () => {
    // the list needs the access token, so it is fetched and opened as a document of its own
    const res = await api.raw(`/api/host-matching/delegations/${id}/rooming-list?format=html`);
    const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
    window.open(url, '_blank', 'noopener');
  };
  const items = offers.data?.items ?? [];
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('delegation.offers')}</Title>
          <Anchor component="button" type="button" onClick={() => void openRoomingList()}>{t('delegation.roomingList')}</Anchor>
        </Group>
        {offers.error && <Alert color="red" role="alert">{(offers.error as Error).message}</Alert>}
        {offers.data && !items.length && <Text c="gray.7">{t('delegation.noOffers')}</Text>}
        {!!items.length && (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('delegation.guest')}</Table.Th><Table.Th>{t('delegation.family')}</Table.Th><Table.Th>{t('dashboard.status')}</Table.Th><Table.Th>{t('delegation.timeLeft')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{[o.guest?.givenName, o.guest?.familyName].filter(Boolean).join(' ') || o.memberId}</Table.Td>
                    <Table.Td>{o.familyName}</Table.Td>
                    <Table.Td><StatusBadge status={o.status ?? ''} />{o.origin === 'rematch' && <Badge ml={4} size="xs">{t('delegation.rematch')}</Badge>}</Table.Td>
                    <Table.Td>{o.status === 'offered' && o.deadlineAt ? <span title={`${t('delegation.deadline')}: ${formatDateTimeInZone(o.deadlineAt, i18n.language, o.delegation?.hostTimeZone ?? undefined)}`}>{timeLeft(t, o.deadlineAt)}</span> : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

export function DelegationPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delegation = useQuery({ queryKey: ['delegation', id], queryFn: () => must(api.GET('/api/delegations/{id}', { params: { path: { id: id! } } })) });
  if (delegation.isLoading) return <Loading />;
  if (delegation.error || !delegation.data) return <Alert color="red" role="alert">{(delegation.error as Error)?.message ?? t('common.notFound')}</Alert>;
  const d = delegation.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{d.title}</Title>
        <Group gap="xs">
          <Text>{d.hostCity} · {d.startDate && formatDate(d.startDate, i18n.language)} – {d.endDate && formatDate(d.endDate, i18n.language)}</Text>
          {d.status && <StatusBadge status={d.status} />}
          <Anchor component={Link} to={`/delegations/${id}/travel`}>{t('travel.link')}</Anchor>
        </Group>
      </div>
      <DelegationDetails d={d} />
      <Members id={id!} />
      <Itinerary delegation={d} />
      <Matching id={id!} />
      <Offers id={id!} />
    </Stack>
  );
}

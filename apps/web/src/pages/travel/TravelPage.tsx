import { Alert, Anchor, Badge, Button, Card, Checkbox, Code, Group, NativeSelect, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldError, formError, must, toApiError, type ApiError, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { useApi } from '../../session';
import { StatusBadge } from '../../components/StatusBadge';
import { Loading } from '../../components/Loading';

type BrokenRule = NonNullable<Schemas['Assignment']['brokenRules']>[number];

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{title}</Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function Failed({ error }: { error: unknown }) {
  return error ? <Alert color="red" role="alert">{(error as Error).message}</Alert> : null;
}

/** A document that needs the access token (CSV, printable HTML): fetched, then opened (HTML) or saved (CSV). */
function useDocument() {
  const api = useApi();
  return async (path: string, type: 'text/html' | 'text/csv', fileName: string) => {
    const res = await api.raw(path, { headers: { accept: type } });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const url = URL.createObjectURL(new Blob([await res.text()], { type }));
    if (type === 'text/html') {
      window.open(url, '_blank', 'noopener');
      return;
    }
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  };
}

const wall = (local?: string) => (local ? local.replace('T', ' ').slice(0, 16) : '—');

function Manifest({ id, kind }: { id: string; kind: 'arrivals' | 'departures' }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const open = useDocument();
  const manifest = useQuery({
    queryKey: ['manifest', id, kind],
    queryFn: async (): Promise<Schemas['Manifest']> =>
      (kind === 'arrivals'
        ? must(api.GET('/api/logistics/delegations/{delegationId}/manifests/arrivals', { params: { path: { delegationId: id } } }))
        : must(api.GET('/api/logistics/delegations/{delegationId}/manifests/departures', { params: { path: { delegationId: id } } }))) as Schemas['Manifest'],
  });
  const path = `/api/logistics/delegations/${id}/manifests/${kind}`;
  const days = manifest.data?.days ?? [];
  return (
    <Stack gap="xs" data-testid={`manifest-${kind}`}>
      <Group gap="md">
        <Anchor component="button" type="button" onClick={() => void open(`${path}?format=csv`, 'text/csv', `${kind}.csv`)}>{t(`travel.${kind}`)} · {t('travel.csv')}</Anchor>
        <Anchor component="button" type="button" onClick={() => void open(`${path}?format=html`, 'text/html', `${kind}.html`)}>{t(`travel.${kind}`)} · {t('travel.html')}</Anchor>
      </Group>
      {manifest.isLoading && <Loading size="sm" />}
      <Failed error={manifest.error} />
      {manifest.data && !days.length && <Text c="gray.7">{t('travel.noEntries')}</Text>}
      {days.map((day) => (
        <Stack key={day.date} gap={4}>
          <Title order={4}>{day.date && formatDate(day.date, i18n.language)} · {t('travel.travellersCount', { count: day.count ?? 0 })}</Title>
          {(day.airports ?? []).map((ap) => (
            <Table.ScrollContainer key={ap.code} minWidth={560}>
              <Table>
                <Table.Caption>{ap.code} {ap.name} ({ap.timeZone})</Table.Caption>
                <Table.Thead><Table.Tr><Table.Th>{t('travel.time')}</Table.Th><Table.Th>{t('travel.transport')}</Table.Th><Table.Th>{t('travel.route')}</Table.Th><Table.Th>{t('travel.travellers')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {(ap.entries ?? []).map((e) => (
                    <Table.Tr key={e.segmentId}>
                      <Table.Td>{e.time}</Table.Td>
                      <Table.Td>{[e.mode, e.carrier, e.number].filter(Boolean).join(' ')} {e.status && e.status !== 'booked' && <Badge size="xs" color="orange">{e.status}</Badge>}</Table.Td>
                      <Table.Td>{e.from} → {e.to}</Table.Td>
                      <Table.Td>{(e.travellers ?? []).map((x) => x.name).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function Manifests({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('travel.manifests')}>
      <Tabs defaultValue="arrivals" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="arrivals">{t('travel.arrivals')}</Tabs.Tab>
          <Tabs.Tab value="departures">{t('travel.departures')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="arrivals" pt="xs"><Manifest id={id} kind="arrivals" /></Tabs.Panel>
        <Tabs.Panel value="departures" pt="xs"><Manifest id={id} kind="departures" /></Tabs.Panel>
      </Tabs>
    </Section>
  );
}

function Pickups({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const open = useDocument();
  const plan = useQuery({ queryKey: ['pickup-runs', id], queryFn: () => must(api.GET('/api/logistics/delegations/{delegationId}/pickups/runs', { params: { path: { delegationId: id } } })) });
  const p = plan.data;
  const runs = p?.runs ?? [];
  return (
    <Section
      title={t('travel.pickups')}
      actions={<Anchor component="button" type="button" onClick={() => void open(`/api/logistics/delegations/${id}/pickups/sheet?format=html`, 'text/html', 'pickups.html')}>{t('travel.pickupSheet')}</Anchor>}
    >
      {plan.isLoading && <Loading size="sm" />}
      <Failed error={plan.error} />
      {p && !runs.length && <Text c="gray.7">{t('travel.noPlan')}</Text>}
      {(p?.issues ?? []).map((i, n) => <Alert key={n} color="orange">{i.message}</Alert>)}
      {!!runs.length && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="pickup-runs">
            <Table.Thead><Table.Tr><Table.Th>{t('travel.airport')}</Table.Th><Table.Th>{t('travel.meeting')}</Table.Th><Table.Th>{t('travel.driver')}</Table.Th><Table.Th>{t('travel.seats')}</Table.Th><Table.Th>{t('travel.members')}</Table.Th><Table.Th>{t('travel.safeguarding')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {runs.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.airport}</Table.Td>
                  <Table.Td>{wall(r.meetingLocal)} <Text span size="xs" c="gray.7">{r.timeZone}</Text></Table.Td>
                  <Table.Td>{r.driverName ?? r.driverKind ?? '—'}</Table.Td>
                  <Table.Td>{(r.members ?? []).length}/{r.seats ?? '—'} {r.overCapacity && <Badge size="xs" color="red">!</Badge>}</Table.Td>
                  <Table.Td>{(r.members ?? []).map((m) => `${m.name} → ${m.dropOff?.label ?? '?'}`).join('; ')}</Table.Td>
                  <Table.Td>{r.safeguarding?.ok === false ? <Text c="red.8" size="sm">{r.safeguarding.message}</Text> : t('travel.ok')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!!p?.waiting?.length && (
        <>
          <Title order={4}>{t('travel.waiting')}</Title>
          <Text size="sm">{t('travel.totalWait', { minutes: p.totalWaitMinutes ?? 0 })}</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="waiting-report">
              <Table.Thead><Table.Tr><Table.Th>{t('travel.guest')}</Table.Th><Table.Th>{t('travel.airport')}</Table.Th><Table.Th>{t('travel.lands')}</Table.Th><Table.Th>{t('travel.meeting')}</Table.Th><Table.Th>{t('travel.wait')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {p.waiting.map((w) => (
                  <Table.Tr key={w.memberId}>
                    <Table.Td>{w.name}</Table.Td><Table.Td>{w.airport}</Table.Td><Table.Td>{wall(w.landsLocal)}</Table.Td><Table.Td>{wall(w.meetingLocal)}</Table.Td>
                    <Table.Td>{t('travel.minutes', { minutes: w.waitMinutes ?? 0 })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {!!p?.notPickedUp?.length && (
        <Alert color="orange" title={t('travel.notPickedUp')}>{p.notPickedUp.map((n) => `${n.name}: ${n.reason}`).join('; ')}</Alert>
      )}
    </Section>
  );
}

function Lodging({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const nights = useQuery({ queryKey: ['lodging-nights', id], queryFn: () => must(api.GET('/api/logistics/delegations/{delegationId}/lodging/nights', { params: { path: { delegationId: id } } })) });
  const list = nights.data?.nights ?? [];
  const gaps = nights.data?.gaps ?? [];
  return (
    <Section title={t('travel.lodging')}>
      {nights.isLoading && <Loading size="sm" />}
      <Failed error={nights.error} />
      {nights.data && (gaps.length ? <Alert color="red">{t('travel.gaps', { count: gaps.length })}</Alert> : <Text c="green.9">{t('travel.noGaps')}</Text>)}
      {nights.data && !list.length && <Text c="gray.7">{t('travel.noNights')}</Text>}
      {!!list.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="lodging-nights">
            <Table.Thead><Table.Tr><Table.Th>{t('travel.night')}</Table.Th><Table.Th>{t('travel.members')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((n) => (
                <Table.Tr key={n.date} bg={n.gaps ? 'red.0' : undefined} data-gaps={n.gaps ?? 0}>
                  <Table.Td>{n.date && formatDate(n.date, i18n.language)} {!!n.gaps && <Badge color="red" size="sm">{t('travel.gaps', { count: n.gaps })}</Badge>}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {(n.members ?? []).filter((m) => m.status !== 'not-needed').map((m) => (
                        <Text key={m.memberId} size="sm" c={m.status === 'gap' || m.status === 'double' ? 'red.8' : undefined} fw={m.status === 'ok' ? undefined : 600}>
                          {m.name}: {m.status === 'ok' ? (m.places ?? []).map((pl) => [pl.place, pl.room].filter(Boolean).join(' ')).join(', ') : t(`travel.lodgingStatus.${m.status}`)}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Conflicts({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const conflicts = useQuery({ queryKey: ['conflicts', id], queryFn: () => must(api.GET('/api/logistics/delegations/{delegationId}/conflicts', { params: { path: { delegationId: id } } })) });
  const items = conflicts.data?.items ?? [];
  return (
    <Section title={t('travel.conflicts')}>
      <Failed error={conflicts.error} />
      {conflicts.data && !items.length && <Text c="gray.7">{t('travel.noConflicts')}</Text>}
      {items.map((c) => (
        <Alert key={c.id} color="orange" title={c.kind} data-testid="conflict">
          {c.message} {c.raisedAt && <Text span size="xs" c="gray.7">({formatDateTime(c.raisedAt, i18n.language)})</Text>}
        </Alert>
      ))}
    </Section>
  );
}

const FEED_KINDS = ['delegation', 'participant', 'family'] as const;

function Feeds({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const feeds = useQuery({ queryKey: ['calendar-feeds', id], queryFn: () => must(api.GET('/api/logistics/delegations/{delegationId}/calendar-feeds', { params: { path: { delegationId: id } } })) });
  const [kind, setKind] = useState<(typeof FEED_KINDS)[number]>('delegation');
  const [subjectId, setSubjectId] = useState('');
  const create = useMutation({
    mutationFn: () =>
      must(api.POST('/api/logistics/delegations/{delegationId}/calendar-feeds', { params: { path: { delegationId: id } }, body: { kind, ...(kind !== 'delegation' && subjectId ? { subjectId } : {}) } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar-feeds', id] }),
  });
  const revoke = useMutation({
    mutationFn: (feedId: string) => must(api.DELETE('/api/logistics/delegations/{delegationId}/calendar-feeds/{feedId}', { params: { path: { delegationId: id, feedId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar-feeds', id] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const items = feeds.data?.items ?? [];
  const general = formError(create.error, ['kind', 'subjectId']);
  return (
    <Section title={t('travel.feeds')}>
      <Failed error={feeds.error} />
      {revoke.error && <Alert color="red" role="alert">{formError(revoke.error, [])}</Alert>}
      {feeds.data && !items.length && <Text c="gray.7">{t('travel.noFeeds')}</Text>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="calendar-feeds">
            <Table.Thead><Table.Tr><Table.Th>{t('travel.kind')}</Table.Th><Table.Th>{t('travel.created')}</Table.Th><Table.Th>{t('travel.lastFetched')}</Table.Th><Table.Th>{t('travel.status')}</Table.Th><Table.Th>{t('common.actions')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{t(`travel.kinds.${f.kind}`)} {f.subjectId && <Text span size="xs" c="gray.7">{f.subjectId.slice(0, 8)}</Text>}</Table.Td>
                  <Table.Td>{f.createdAt && formatDateTime(f.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{f.lastFetchedAt ? formatDateTime(f.lastFetchedAt, i18n.language) : t('travel.never')}</Table.Td>
                  <Table.Td>{f.active ? t('travel.active') : t('travel.revoked')}</Table.Td>
                  <Table.Td>{f.active && <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(f.id!)} loading={revoke.isPending && revoke.variables === f.id}>{t('travel.revoke')}</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} noValidate aria-label={t('travel.createFeed')}>
        <Stack gap="xs">
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <Group align="flex-start" wrap="wrap">
            <NativeSelect label={t('travel.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)} error={fieldError(create.error, 'kind')} data={FEED_KINDS.map((k) => ({ value: k, label: t(`travel.kinds.${k}`) }))} />
            {kind !== 'delegation' && <TextInput label={t('travel.subject')} value={subjectId} onChange={(e) => setSubjectId(e.currentTarget.value)} error={fieldError(create.error, 'subjectId')} />}
          </Group>
          <Group><Button type="submit" variant="light" loading={create.isPending}>{t('travel.createFeed')}</Button></Group>
          {create.data && <Text size="sm" role="status">{t('travel.feedUrl')} <Code>{create.data.url ?? create.data.path}</Code></Text>}
        </Stack>
      </form>
    </Section>
  );
}

function Deliveries({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const log = useQuery({ queryKey: ['deliveries', id], queryFn: () => must(api.GET('/api/notifications/deliveries', { params: { query: { delegationId: id, limit: 100 } } })) });
  const items = log.data?.items ?? [];
  return (
    <Section title={t('travel.deliveries')}>
      <Failed error={log.error} />
      {log.data && !items.length && <Text c="gray.7">{t('travel.noDeliveries')}</Text>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="deliveries">
            <Table.Thead><Table.Tr><Table.Th>{t('travel.when')}</Table.Th><Table.Th>{t('travel.channel')}</Table.Th><Table.Th>{t('travel.message')}</Table.Th><Table.Th>{t('travel.status')}</Table.Th><Table.Th>{t('travel.attempts')}</Table.Th><Table.Th>{t('travel.lastError')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.createdAt && formatDateTime(d.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{d.channel}</Table.Td>
                  <Table.Td>{d.subject ?? d.type}</Table.Td>
                  <Table.Td><Badge color={d.status === 'failed' ? 'red' : d.status === 'queued' ? 'orange' : 'green'}>{d.status}</Badge></Table.Td>
                  <Table.Td>{d.attempts ?? 0}</Table.Td>
                  <Table.Td>{d.lastError ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

type AssignError = ApiError & { brokenRules?: BrokenRule[] };

/** Manual assignment: on 409 the broken rules are shown; overridable ones can be acknowledged with a note. */
function Assign({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members', id], queryFn: () => must(api.GET('/api/delegations/{id}/members', { params: { path: { id } } })) });
  const families = useQuery({ queryKey: ['families'], queryFn: () => must(api.GET('/api/host-matching/families', { params: { query: { limit: 200 } } })) });
  const [memberId, setMemberId] = useState('');
  const [familyId, setFamilyId] = useState('');
  const [acknowledge, setAcknowledge] = useState(false);
  const [note, setNote] = useState('');
  const [rules, setRules] = useState<{ list: BrokenRule[]; overridable: boolean } | null>(null);
  const assign = useMutation({
    mutationFn: async () => {
      const body = { memberId, familyId, ...(rules?.overridable ? { acknowledgeBrokenRules: acknowledge, note } : {}) };
      const { data, error, response } = await api.POST('/api/host-matching/delegations/{delegationId}/assignments', { params: { path: { delegationId: id } }, body });
      if (!response.ok) {
        const e: AssignError = toApiError(response.status, error);
        e.brokenRules = (error as { details?: { brokenRules?: BrokenRule[] } } | undefined)?.details?.brokenRules;
        throw e;
      }
      return data!;
    },
    onError: (e: AssignError) => {
      if (e.status === 409 && e.brokenRules?.length) setRules({ list: e.brokenRules, overridable: e.code === 'ASSIGNMENT.BREAKS_RULES' });
    },
    onSuccess: () => {
      setRules(null);
      setAcknowledge(false);
      setNote('');
      void qc.invalidateQueries({ queryKey: ['offers', id] });
      void qc.invalidateQueries({ queryKey: ['guests', id] });
    },
  });
  const choose = (set: (v: string) => void) => (v: string) => {
    set(v);
    setRules(null);
    assign.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate();
  };
  const err = assign.error;
  const general = err && !(err.status === 409 && err.brokenRules?.length) ? formError(err, ['memberId', 'familyId', 'note', 'acknowledgeBrokenRules']) : undefined;
  const guests = (members.data?.items ?? []).filter((m) => m.lodgingNeed === 'homestay');
  return (
    <Section title={t('travel.assign')}>
      <form onSubmit={submit} noValidate aria-label={t('travel.assign')}>
        <Stack gap="xs">
          <Failed error={members.error ?? families.error} />
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <Group grow align="flex-start" wrap="wrap" style={{ minWidth: 0 }}>
            <NativeSelect label={t('travel.guest')} value={memberId} onChange={(e) => choose(setMemberId)(e.currentTarget.value)} error={fieldError(err, 'memberId')}
              data={[{ value: '', label: t('travel.choose') }, ...guests.map((m) => ({ value: m.id!, label: `${m.givenName ?? ''} ${m.familyName ?? ''}`.trim() || m.id! }))]} />
            <NativeSelect label={t('travel.family')} value={familyId} onChange={(e) => choose(setFamilyId)(e.currentTarget.value)} error={fieldError(err, 'familyId')}
              data={[{ value: '', label: t('travel.choose') }, ...(families.data?.items ?? []).map((f) => ({ value: f.id!, label: f.name ?? f.id! }))]} />
          </Group>
          {rules && (
            <Alert color={rules.overridable ? 'orange' : 'red'} title={t('travel.brokenRules')} data-testid="broken-rules">
              <Stack gap={4}>
                {rules.list.map((r) => <Group key={r.rule} gap={6} wrap="nowrap"><Badge size="xs" color="orange">{r.rule}</Badge><Text size="sm">{r.message}</Text></Group>)}
                {!rules.overridable && <Text size="sm" fw={600}>{t('travel.notOverridable')}</Text>}
              </Stack>
            </Alert>
          )}
          {rules?.overridable && (
            <>
              <Checkbox label={t('travel.acknowledge')} checked={acknowledge} onChange={(e) => setAcknowledge(e.currentTarget.checked)} error={fieldError(err, 'acknowledgeBrokenRules')} />
              <Textarea label={t('travel.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(err, 'note')} rows={2} />
            </>
          )}
          <Group>
            <Button type="submit" loading={assign.isPending} disabled={!memberId || !familyId || (!!rules && (!rules.overridable || !acknowledge))} color={rules?.overridable ? 'orange' : undefined}>
              {rules?.overridable ? t('travel.assignAnyway') : t('travel.assignSubmit')}
            </Button>
          </Group>
          {assign.data && <Alert color="green" role="status">{assign.data.overridden ? t('travel.overridden') : t('travel.assigned')}</Alert>}
        </Stack>
      </form>
    </Section>
  );
}

/** `/delegations/:id/travel` (coordinator): manifests, pickups with the waiting report, lodging by night, conflicts, calendar feeds, deliveries, manual assignment. */
export function TravelPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delegation = useQuery({ queryKey: ['delegation', id], queryFn: () => must(api.GET('/api/delegations/{id}', { params: { path: { id: id! } } })) });
  const d = delegation.data;
  return (
    <Stack>
      <Anchor component={Link} to={`/delegations/${id}`}>← {t('travel.back')}</Anchor>
      <div>
        <Title order={2}>{t('travel.title', { title: d?.title ?? '' })}</Title>
        {d && (
          <Group gap="xs">
            <Text>{d.hostCity} · {d.startDate && formatDate(d.startDate, i18n.language)} – {d.endDate && formatDate(d.endDate, i18n.language)}</Text>
            {d.status && <StatusBadge status={d.status} />}
          </Group>
        )}
        <Failed error={delegation.error} />
      </div>
      <Conflicts id={id!} />
      <Manifests id={id!} />
      <Pickups id={id!} />
      <Lodging id={id!} />
      <Assign id={id!} />
      <Feeds id={id!} />
      <Deliveries id={id!} />
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { formatDateTime, timeLeft } from '../../format';
import { useApi } from '../../session';
import { useDelegations } from './ParticipantsPage';
import { YouthNav } from './YouthNav';
import { Loading } from '../../components/Loading';

const TYPES = ['abuse-allegation', 'injury', 'illness', 'missing-person', 'behaviour', 'other'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const STATUSES = ['open', 'reported', 'closed'] as const;
type Incident = Schemas['Incident'];

/** "now" as the value of a datetime-local input (local time, minutes). */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** The escalation clock: time left to report, re-drawn every 30 s. */
function Clock({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (incident.reportedAt) return <Text size="sm">{t('youth.incident.reportedDone', { to: incident.reportedTo ?? '' })} · {formatDateTime(incident.reportedAt, i18n.language)}</Text>;
  if (!incident.reportDueAt) return <Text size="sm" c="gray.7">{t('youth.incident.noClock')}</Text>;
  const late = incident.overdue || new Date(incident.reportDueAt).getTime() <= now;
  return (
    <Text size="sm" fw={late ? 700 : 500} c={late ? 'red.9' : undefined} title={formatDateTime(incident.reportDueAt, i18n.language)} data-testid="clock">
      {timeLeft(t, incident.reportDueAt, now)}
      {late && <Badge ml="xs" size="xs" color="red">{t('youth.incident.overdue')}</Badge>}
    </Text>
  );
}

function Actions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [reportedTo, setReportedTo] = useState('');
  const done = () => void qc.invalidateQueries({ queryKey: ['incidents'] });
  const report = useMutation({
    mutationFn: () => must(api.POST('/api/delegations/incidents/{incidentId}/report', { params: { path: { incidentId: incident.id! } }, body: { reportedTo } })),
    onSuccess: done,
  });
  const close = useMutation({ mutationFn: () => must(api.POST('/api/delegations/incidents/{incidentId}/close', { params: { path: { incidentId: incident.id! } } })), onSuccess: done });
  if (incident.status === 'closed') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate();
  };
  const general = formError(report.error, ['reportedTo', 'reportedAt']) ?? formError(close.error, []);
  return (
    <Stack gap={4}>
      {incident.status === 'open' && (
        <form onSubmit={submit} noValidate aria-label={t('youth.incident.report')}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput size="xs" label={t('youth.incident.reportedTo')} value={reportedTo} onChange={(e) => setReportedTo(e.currentTarget.value)} error={fieldError(report.error, 'reportedTo')} />
            <Button size="xs" type="submit" variant="light" loading={report.isPending}>{t('youth.incident.report')}</Button>
          </Group>
        </form>
      )}
      <Group><Button size="xs" variant="outline" onClick={() => close.mutate()} loading={close.isPending}>{t('youth.incident.close')}</Button></Group>
      {general && <Alert color="red" role="alert" p="xs">{general}</Alert>}
    </Stack>
  );
}

function OpenIncident() {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const delegations = useDelegations();
  const [delegationId, setDelegationId] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('injury');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const [description, setDescription] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [occurredAt, setOccurredAt] = useState(localNow);
  const members = useQuery({
    queryKey: ['members', delegationId],
    enabled: !!delegationId,
    queryFn: () => must(api.GET('/api/delegations/{id}/members', { params: { path: { id: delegationId } } })),
  });
  const open = useMutation({
    mutationFn: () =>
      must(api.POST('/api/delegations/incidents', {
        body: { delegationId, type, severity, description, participantIds, occurredAt: occurredAt ? new Date(occurredAt).toISOString() : '' },
      })),
    onSuccess: () => {
      setDescription('');
      setParticipantIds([]);
      void qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  const fields = ['delegationId', 'type', 'severity', 'description', 'participantIds', 'occurredAt'];
  const general = formError(open.error, fields);
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('youth.incident.open')}>
        <Stack gap="xs">
          <Title order={3}>{t('youth.incident.open')}</Title>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <NativeSelect label={t('youth.incident.delegation')} value={delegationId} onChange={(e) => { setDelegationId(e.currentTarget.value); setParticipantIds([]); }} error={fieldError(open.error, 'delegationId')}
            data={[{ value: '', label: '—' }, ...(delegations.data?.items ?? []).map((d) => ({ value: d.id!, label: d.title ?? d.id! }))]} />
          <Group grow align="flex-start">
            <NativeSelect label={t('youth.incident.type')} value={type} onChange={(e) => setType(e.currentTarget.value as typeof type)} error={fieldError(open.error, 'type')}
              data={TYPES.map((v) => ({ value: v, label: t(`youth.incident.types.${v}`) }))} />
            <NativeSelect label={t('youth.incident.severity')} value={severity} onChange={(e) => setSeverity(e.currentTarget.value as typeof severity)} error={fieldError(open.error, 'severity')}
              data={SEVERITIES.map((v) => ({ value: v, label: t(`youth.incident.severities.${v}`) }))} />
            <TextInput type="datetime-local" label={t('youth.incident.occurredAt')} value={occurredAt} onChange={(e) => setOccurredAt(e.currentTarget.value)} error={fieldError(open.error, 'occurredAt')} />
          </Group>
          <Textarea label={t('youth.incident.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(open.error, 'description')} rows={3} />
          <Checkbox.Group label={t('youth.incident.participants')} value={participantIds} onChange={setParticipantIds} error={fieldError(open.error, 'participantIds')}>
            <Group gap="md" mt={4}>
              {(members.data?.items ?? []).map((m) => <Checkbox key={m.id} value={m.participantId!} label={`${m.givenName ?? ''} ${m.familyName ?? ''}`.trim()} />)}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button type="submit" color="red" loading={open.isPending}>{t('youth.incident.submit')}</Button>
            {open.isSuccess && <Text c="green" role="status">{t('youth.incident.opened')}</Text>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delegations = useDelegations();
  const [status, setStatus] = useState<'' | (typeof STATUSES)[number]>('');
  const incidents = useQuery({
    queryKey: ['incidents', status],
    queryFn: () => must(api.GET('/api/delegations/incidents', { params: { query: { limit: 200, sort: '-openedAt', ...(status ? { status } : {}) } as never } })),
    refetchInterval: 60_000,
  });
  const title = (id?: string) => delegations.data?.items?.find((d) => d.id === id)?.title ?? id;
  const items = incidents.data?.items ?? [];
  return (
    <Stack>
      <YouthNav />
      <Title order={2}>{t('youth.incident.title')}</Title>
      <OpenIncident />
      <NativeSelect label={t('youth.incident.filter')} value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)} maw={240}
        data={[{ value: '', label: t('youth.incident.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`youth.incident.statuses.${s}`) }))]} />
      {incidents.isLoading && <Loading size="sm" />}
      {incidents.error && <Alert color="red" role="alert">{(incidents.error as Error).message}</Alert>}
      {incidents.data && !items.length && <Text c="gray.7">{t('youth.incident.empty')}</Text>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr><Table.Th>{t('youth.incident.type')}</Table.Th><Table.Th>{t('youth.incident.delegation')}</Table.Th><Table.Th>{t('youth.incident.status')}</Table.Th><Table.Th>{t('youth.incident.clock')}</Table.Th><Table.Th>{t('common.actions')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid={`incident-${i.id}`}>
                  <Table.Td>
                    <Text component="div" fw={500}>{i.type ? t(`youth.incident.types.${i.type}`) : '—'} <Badge size="xs" color={i.severity === 'critical' || i.severity === 'high' ? 'red' : 'gray'}>{i.severity ? t(`youth.incident.severities.${i.severity}`) : ''}</Badge></Text>
                    {i.description && <Text size="sm">{i.description}</Text>}
                    {i.occurredAt && <Text size="xs" c="gray.7">{formatDateTime(i.occurredAt, i18n.language)}</Text>}
                  </Table.Td>
                  <Table.Td>{title(i.delegationId)}</Table.Td>
                  <Table.Td>{i.status ? t(`youth.incident.statuses.${i.status}`) : '—'}</Table.Td>
                  <Table.Td><Clock incident={i} /></Table.Td>
                  <Table.Td><Actions incident={i} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

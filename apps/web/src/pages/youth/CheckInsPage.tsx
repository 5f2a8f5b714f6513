import { Alert, Badge, Button, Card, Group, List, NativeSelect, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format';
import { useApi } from '../../session';
import { useDelegations } from './ParticipantsPage';
import { YouthNav } from './YouthNav';
import { Loading } from '../../components/Loading';

const METHODS = ['in-person', 'phone', 'video', 'message'] as const;
type Report = { overdueCheckIns?: { count?: number; thresholdHours?: number } };

function CheckIns({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members', id], queryFn: () => must(api.GET('/api/delegations/{id}/members', { params: { path: { id } } })) });
  const checkIns = useQuery({ queryKey: ['check-ins', id], queryFn: () => must(api.GET('/api/delegations/{id}/check-ins', { params: { path: { id }, query: { limit: 200 } as never } })) });
  const report = useQuery({
    queryKey: ['youth-report', id],
    queryFn: async () => (await must(api.GET('/api/delegations/reports/participants', { params: { query: { groupBy: 'delegation', delegationId: id } } }))) as Report,
  });
  const [participantId, setParticipantId] = useState('');
  const [method, setMethod] = useState<(typeof METHODS)[number]>('in-person');
  const [welfareRating, setWelfareRating] = useState<number | string>(4);
  const [notes, setNotes] = useState('');
  const record = useMutation({
    mutationFn: () =>
      must(api.POST('/api/delegations/{id}/check-ins', {
        params: { path: { id } },
        body: { participantId, method, welfareRating: welfareRating === '' ? (undefined as never) : Number(welfareRating), ...(notes.trim() ? { notes: notes.trim() } : {}) },
      })),
    onSuccess: () => {
      setNotes('');
      void qc.invalidateQueries({ queryKey: ['check-ins', id] });
      void qc.invalidateQueries({ queryKey: ['youth-report', id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  const hours = report.data?.overdueCheckIns?.thresholdHours ?? 24;
  const items: Schemas['CheckIn'][] = checkIns.data?.items ?? [];
  const last = new Map<string, string>();
  for (const c of items) if (c.participantId && c.checkedAt && (!last.has(c.participantId) || last.get(c.participantId)! < c.checkedAt)) last.set(c.participantId, c.checkedAt);
  const cutoff = Date.now() - hours * 3600_000;
  const people = members.data?.items ?? [];
  const overdue = checkIns.data ? people.filter((m) => !last.has(m.participantId!) || new Date(last.get(m.participantId!)!).getTime() < cutoff) : [];
  const name = (pid?: string) => {
    const m = people.find((x) => x.participantId === pid);
    return m ? `${m.givenName ?? ''} ${m.familyName ?? ''}`.trim() : (pid ?? '');
  };
  const general = formError(record.error, ['participantId', 'method', 'welfareRating', 'notes', 'checkedAt']);
  return (
    <>
      <Card withBorder>
        <Title order={3} mb="xs">{t('youth.checkIn.overdue', { hours })}</Title>
        {(members.isLoading || checkIns.isLoading) && <Loading size="sm" />}
        {checkIns.error && <Alert color="red" role="alert">{(checkIns.error as Error).message}</Alert>}
        {report.data?.overdueCheckIns?.count != null && <Text size="sm">{t('youth.report.overdue', { count: report.data.overdueCheckIns.count, hours })}</Text>}
        {checkIns.data && members.data && !overdue.length && <Text c="gray.7">{t('youth.checkIn.overdueNone')}</Text>}
        {!!overdue.length && (
          <List data-testid="overdue">
            {overdue.map((m) => (
              <List.Item key={m.id}>
                {name(m.participantId)} — {t('youth.checkIn.last')}: {last.has(m.participantId!) ? formatDateTime(last.get(m.participantId!)!, i18n.language) : t('youth.checkIn.never')}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder>
        <form onSubmit={submit} noValidate aria-label={t('youth.checkIn.record')}>
          <Stack gap="xs">
            <Title order={3}>{t('youth.checkIn.record')}</Title>
            {general && <Alert color="red" role="alert">{general}</Alert>}
            <NativeSelect label={t('youth.checkIn.member')} value={participantId} onChange={(e) => setParticipantId(e.currentTarget.value)} error={fieldError(record.error, 'participantId')}
              data={[{ value: '', label: '—' }, ...people.map((m) => ({ value: m.participantId!, label: name(m.participantId) }))]} />
            <Group grow align="flex-start">
              <NativeSelect label={t('youth.checkIn.method')} value={method} onChange={(e) => setMethod(e.currentTarget.value as typeof method)} error={fieldError(record.error, 'method')}
                data={METHODS.map((m) => ({ value: m, label: t(`youth.checkIn.methods.${m}`) }))} />
              <NumberInput label={t('youth.checkIn.rating')} value={welfareRating} onChange={setWelfareRating} min={1} max={5} allowDecimal={false} error={fieldError(record.error, 'welfareRating')} />
            </Group>
            <Textarea label={t('youth.checkIn.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError(record.error, 'notes')} rows={2} />
            <Group>
              <Button type="submit" loading={record.isPending}>{t('youth.checkIn.record')}</Button>
              {record.isSuccess && <Text c="green" role="status">{t('youth.checkIn.recorded')}</Text>}
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder>
        <Title order={3} mb="xs">{t('youth.checkIn.title')}</Title>
        {checkIns.data && !items.length && <Text c="gray.7">{t('youth.checkIn.empty')}</Text>}
        {!!items.length && (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('youth.checkIn.checkedAt')}</Table.Th><Table.Th>{t('youth.checkIn.member')}</Table.Th><Table.Th>{t('youth.checkIn.method')}</Table.Th><Table.Th>{t('youth.checkIn.rating')}</Table.Th><Table.Th>{t('youth.checkIn.notes')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.checkedAt ? formatDateTime(c.checkedAt, i18n.language) : '—'}</Table.Td>
                    <Table.Td>{name(c.participantId)}</Table.Td>
                    <Table.Td>{c.method ? t(`youth.checkIn.methods.${c.method}`) : '—'}</Table.Td>
                    <Table.Td>{c.welfareRating ?? '—'}{c.alertRaised && <Badge ml="xs" size="xs" color="red">{t('youth.checkIn.alert')}</Badge>}</Table.Td>
                    <Table.Td>{c.notes ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}

export function CheckInsPage() {
  const { t } = useTranslation();
  const delegations = useDelegations();
  const [params, setParams] = useSearchParams();
  const id = params.get('delegation') ?? '';
  return (
    <Stack>
      <YouthNav />
      <Title order={2}>{t('youth.checkIn.title')}</Title>
      <NativeSelect label={t('youth.incident.delegation')} value={id} onChange={(e) => setParams(e.currentTarget.value ? { delegation: e.currentTarget.value } : {})} maw={420}
        data={[{ value: '', label: t('youth.checkIn.chooseDelegation') }, ...(delegations.data?.items ?? []).map((d) => ({ value: d.id!, label: d.title ?? d.id! }))]} />
      {id && <CheckIns key={id} id={id} />}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { must, type Schemas } from '../api/client';
import { formatDate } from '../format';
import { canEditDelegations, useApi, useSession } from '../session';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';

const STATUSES = ['draft', 'planning', 'confirmed', 'in-progress', 'completed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A count as text: a number (in a badge when there is something to do), a loader, or "—" where the service did not answer. */
function Count({ query, value, color }: { query: { isLoading: boolean; data?: unknown }; value: number; color: string }) {
  const { t } = useTranslation();
  if (query.isLoading) return <Loading size="xs" />;
  if (!query.data) return <span title={t('delegation.problems.unknown')}>—</span>;
  return value ? <Badge color={color}>{value}</Badge> : <>0</>;
}

/**
 * Homestay guests, unplaced, offers about to expire (open, deadline within 24 h), open conflicts and failed
 * notifications of one delegation ("—" where a service does not know it yet).
 */
function ProblemCounts({ id }: { id: string }) {
  const api = useApi();
  const guests = useQuery({
    queryKey: ['guests', id],
    queryFn: () => must(api.GET('/api/host-matching/delegations/{delegationId}/guests', { params: { path: { delegationId: id } } })),
  });
  const conflicts = useQuery({
    queryKey: ['conflicts', id],
    queryFn: () => must(api.GET('/api/logistics/delegations/{delegationId}/conflicts', { params: { path: { delegationId: id } } })),
  });
  // open offers whose deadline falls within the next 24 hours: counted by the service (total), one row fetched
  const offers = useQuery({
    queryKey: ['offers', id, 'expiring'],
    queryFn: () => must(api.GET('/api/host-matching/offers', { params: { query: { delegationId: id, status: 'offered', deadlineBefore: new Date(Date.now() + DAY_MS).toISOString(), limit: 1 } } })),
  });
  const failed = useQuery({
    queryKey: ['deliveries', id, 'failed'],
    queryFn: () => must(api.GET('/api/notifications/deliveries', { params: { query: { delegationId: id, status: 'failed', limit: 1 } } })),
  });
  const expiring = offers.data?.total ?? offers.data?.items?.length ?? 0;
  const items = guests.data?.items ?? [];
  const unplaced = items.filter((g) => !g.offer || ['declined', 'expired', 'withdrawn', 'released'].includes(g.offer.status ?? '')).length;
  return (
    <>
      <Table.Td>{guests.isLoading ? <Loading size="xs" /> : guests.data ? items.length : '—'}</Table.Td>
      <Table.Td>{guests.data ? (unplaced ? <Badge color="orange">{unplaced}</Badge> : 0) : '—'}</Table.Td>
      <Table.Td><Count query={offers} value={expiring} color="orange" /></Table.Td>
      <Table.Td>{conflicts.isLoading ? <Loading size="xs" /> : conflicts.data ? (conflicts.data.items?.length ? <Badge color="red">{conflicts.data.items.length}</Badge> : 0) : '—'}</Table.Td>
      <Table.Td><Count query={failed} value={failed.data?.total ?? failed.data?.items?.length ?? 0} color="red" /></Table.Td>
    </>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const navigate = useNavigate();
  const [status, setStatus] = useState<Status | ''>('');
  const list = useQuery({
    queryKey: ['delegations', status],
    queryFn: () => must(api.GET('/api/delegations', { params: { query: { limit: 100, ...(status ? { status } : {}), sort: 'startDate', order: 'asc' } as never } })),
  });
  const items: Schemas['Delegation'][] = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Group align="flex-end">
          {canEditDelegations(session?.roles) && <Button onClick={() => void navigate('/delegations/new')}>{t('delegation.create.button')}</Button>}
          <NativeSelect
          label={t('dashboard.filter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as Status | '')}
          data={[{ value: '', label: t('dashboard.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
        </Group>
      </Group>
      {list.isLoading && <Loading />}
      {list.error && <Alert color="red" role="alert">{(list.error as Error).message}</Alert>}
      {list.data && !items.length && <p>{t('dashboard.empty')}</p>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.delegation')}</Table.Th>
                <Table.Th>{t('dashboard.hostCity')}</Table.Th>
                <Table.Th>{t('dashboard.dates')}</Table.Th>
                <Table.Th>{t('dashboard.status')}</Table.Th>
                <Table.Th>{t('dashboard.guests')}</Table.Th>
                <Table.Th>{t('dashboard.unplaced')}</Table.Th>
                <Table.Th>{t('delegation.problems.expiring')}</Table.Th>
                <Table.Th>{t('dashboard.conflicts')}</Table.Th>
                <Table.Th>{t('delegation.problems.failed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td><Anchor component={Link} to={`/delegations/${d.id}`}>{d.title}</Anchor></Table.Td>
                  <Table.Td>{d.hostCity}</Table.Td>
                  <Table.Td>{d.startDate && formatDate(d.startDate, i18n.language)} – {d.endDate && formatDate(d.endDate, i18n.language)}</Table.Td>
                  <Table.Td>{d.status && <StatusBadge status={d.status} />}</Table.Td>
                  <ProblemCounts id={d.id!} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

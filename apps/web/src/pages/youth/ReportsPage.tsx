import { Alert, Button, Card, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { must } from '../../api/client';
import { useApi } from '../../session';
import { YouthNav } from './YouthNav';
import { Loading } from '../../components/Loading';

const DIMS = ['programmeArea', 'gender', 'ageBand', 'nationality'] as const;
type Group = { key: string; label: string; count: number };
type Report = { totalParticipants?: number; overdueCheckIns?: { count?: number; thresholdHours?: number }; groups?: Partial<Record<string, Group[]>> };

/** One dimension as horizontal bars: each bar labelled with its text and count (the numbers are the content; the bar is decoration). */
function Bars({ title, groups, label }: { title: string; groups: Group[]; label: (g: Group) => string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...groups.map((g) => g.count));
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">{title}</Title>
      {!groups.length && <Text c="gray.7">{t('youth.report.none')}</Text>}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={title}>
        {groups.map((g) => (
          <li key={g.key}>
            <Text size="sm">{t('youth.report.bar', { label: label(g), count: g.count })}</Text>
            <Progress value={(g.count / max) * 100} size="lg" aria-hidden="true" />
          </li>
        ))}
      </Stack>
    </Card>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const report = useQuery({
    queryKey: ['youth-report', 'all'],
    queryFn: async () => (await must(api.GET('/api/delegations/reports/participants', { params: { query: {} } }))) as Report,
  });
  const csv = useMutation({
    // the export needs the access token, so it is fetched and handed to the browser as a file
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/api/delegations/reports/participants', { params: { query: { format: 'csv' } }, parseAs: 'text' });
      if (!response.ok) throw new Error(typeof error === 'string' ? error : `HTTP ${response.status}`);
      const url = URL.createObjectURL(new Blob([data as string], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `participants-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  const r = report.data;
  const label = (dim: string) => (g: Group) => (dim === 'gender' ? t(`youth.genders.${g.key}`, { defaultValue: g.label }) : g.label);
  return (
    <Stack>
      <YouthNav />
      <Title order={2}>{t('youth.report.title')}</Title>
      {report.isLoading && <Loading size="sm" />}
      {report.error && <Alert color="red" role="alert">{(report.error as Error).message}</Alert>}
      {r && (
        <>
          <Text fw={500}>{t('youth.report.total', { count: r.totalParticipants ?? 0 })}</Text>
          {r.overdueCheckIns && <Text c={r.overdueCheckIns.count ? 'red.9' : undefined}>{t('youth.report.overdue', { count: r.overdueCheckIns.count ?? 0, hours: r.overdueCheckIns.thresholdHours ?? 24 })}</Text>}
          <div>
            <Button variant="light" onClick={() => csv.mutate()} loading={csv.isPending}>{t('youth.report.csv')}</Button>
            {csv.error && <Alert mt="xs" color="red" role="alert">{(csv.error as Error).message}</Alert>}
          </div>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {DIMS.map((d) => <Bars key={d} title={t(`youth.report.dims.${d}`)} groups={r.groups?.[d] ?? []} label={label(d)} />)}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

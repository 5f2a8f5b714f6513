import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { canEditDelegations, useApi, useSession } from '../../session';
import { DelegationFields, FIELDS, updateBody, valuesOf, zoneLabel, type DelegationValues } from './DelegationFields';

type Delegation = Schemas['Delegation'];
type Target = Schemas['Transition']['to'];


function EditForm({ d, onSaved, onCancel }: { d: Delegation; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [values, setValues] = useState<DelegationValues>(() => valuesOf(d));
  const save = useMutation({
    mutationFn: () => must(api.PATCH('/api/delegations/{id}', { params: { path: { id: d.id! } }, body: { ...updateBody(values, d), version: d.version } })),
    onSuccess: (next) => {
      qc.setQueryData(['delegation', d.id], next);
      void qc.invalidateQueries({ queryKey: ['delegations'] });
      void qc.invalidateQueries({ queryKey: ['members', d.id] });
      void qc.invalidateQueries({ queryKey: ['itinerary', d.id] });
      onSaved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const general = formError(save.error, [...FIELDS, 'version']) ?? fieldError(save.error, 'version');
  return (
    <form onSubmit={submit} noValidate aria-label={t('delegation.details.edit')}>
      <Stack gap="xs">
        <Title order={4}>{t('delegation.details.edit')}</Title>
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <DelegationFields values={values} onChange={setValues} error={save.error} datesLocked={d.status === 'in-progress'} />
        <Group>
          <Button type="submit" loading={save.isPending}>{t('delegation.details.save')}</Button>
          <Button variant="subtle" onClick={onCancel}>{t('delegation.details.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Lifecycle({ d }: { d: Delegation }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (to: Target) =>
      must(api.POST('/api/delegations/{id}/transitions', { params: { path: { id: d.id! } }, body: { to, version: d.version, ...(to === 'cancelled' && reason.trim() ? { reason } : {}) } })),
    onSuccess: (next) => {
      qc.setQueryData(['delegation', d.id], next);
      void qc.invalidateQueries({ queryKey: ['delegations'] });
      setCancelling(false);
    },
  });
  // where the lifecycle may go next, as the API says (the rules live in the delegations service)
  const targets: Target[] = d.allowedTransitions ?? [];
  const general = formError(move.error, ['reason']);
  if (!targets.length) return <Text c="gray.7">{t('delegation.lifecycle.closed')}</Text>;
  return (
    <Stack gap="xs">
      {general && <Alert color="red" role="alert">{general}</Alert>}
      {move.isSuccess && <Text role="status">{t('delegation.lifecycle.done', { status: t(`status.${move.data.status}`, { defaultValue: move.data.status }) })}</Text>}
      <Group>
        {targets.filter((to) => to !== 'cancelled').map((to) => (
          <Button key={to} variant="light" onClick={() => move.mutate(to)} loading={move.isPending && move.variables === to}>{t(`delegation.lifecycle.to.${to}`)}</Button>
        ))}
        {!cancelling && <Button variant="outline" color="red" onClick={() => setCancelling(true)}>{t('delegation.lifecycle.to.cancelled')}</Button>}
      </Group>
      {cancelling && (
        <Stack gap="xs">
          <TextInput label={t('delegation.lifecycle.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(move.error, 'reason')} />
          <Group>
            <Button color="red" onClick={() => move.mutate('cancelled')} loading={move.isPending && move.variables === 'cancelled'}>{t('delegation.lifecycle.confirmCancel')}</Button>
            <Button variant="subtle" onClick={() => setCancelling(false)}>{t('delegation.lifecycle.keep')}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** The delegation's plan (shown, and edited by its coordinators and admins) and its status transitions. */
export function DelegationDetails({ d }: { d: Delegation }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const editor = canEditDelegations(session?.roles);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const partnership = useQuery({
    queryKey: ['partnership', d.partnershipId],
    enabled: !!d.partnershipId,
    queryFn: () => must(api.GET('/api/delegations/partnerships/{partnershipId}', { params: { path: { partnershipId: d.partnershipId! } } })),
  });
  const rows: [string, string][] = [
    [t('delegation.details.direction'), d.direction ? t(`delegation.form.directions.${d.direction}`) : '—'],
    [t('delegation.details.partnership'), d.partnershipId ? (partnership.data ? [partnership.data.partnerCity, partnership.data.partnerCountry].filter(Boolean).join(', ') : '…') : t('delegation.form.noPartnership')],
    [t('delegation.form.hostTimeZone'), zoneLabel(d.hostTimeZone, i18n.language)],
    [t('delegation.details.programmeArea'), d.programmeArea ? t(`delegation.form.areas.${d.programmeArea}`, { defaultValue: d.programmeArea }) : t('delegation.form.noArea')],
    [t('delegation.form.minorsPerAdult'), d.minorsPerAdult != null ? t('delegation.details.ratio', { count: d.minorsPerAdult }) : '—'],
    [t('delegation.details.purpose'), d.purpose || '—'],
  ];
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('delegation.details.title')}</Title>
          {editor && !editing && d.status !== 'completed' && d.status !== 'cancelled' && <Button variant="light" onClick={() => { setSaved(false); setEditing(true); }}>{t('delegation.details.edit')}</Button>}
        </Group>
        {saved && <Text c="green.9" role="status">{t('delegation.details.saved')}</Text>}
        {d.status === 'cancelled' && d.cancelledReason && <Text>{t('delegation.lifecycle.cancelledReason', { reason: d.cancelledReason })}</Text>}
        {editing ? (
          <EditForm d={d} onSaved={() => { setEditing(false); setSaved(true); }} onCancel={() => setEditing(false)} />
        ) : (
          <Table variant="vertical" layout="fixed" withTableBorder={false}>
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}><Table.Th w={200}>{k}</Table.Th><Table.Td>{v}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editor && (
          <>
            <Title order={4}>{t('delegation.lifecycle.title')}</Title>
            <Lifecycle d={d} />
          </>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { canEditDelegations, useApi, useSession } from '../../session';
import { zoneLabel } from './DelegationFields';
import { memberName } from './MemberActions';
import { zoneName } from '../../format';

type Activity = Schemas['Activity'];

interface Values {
  title: string;
  venue: string;
  address: string;
  startsLocal: string;
  endsLocal: string;
  allMembers: boolean;
  attendeeMemberIds: string[];
}
const empty: Values = { title: '', venue: '', address: '', startsLocal: '', endsLocal: '', allMembers: true, attendeeMemberIds: [] };
const FIELDS = ['title', 'venue', 'address', 'startsLocal', 'endsLocal', 'timeZone', 'attendeeMemberIds'];

/** "2027-08-02T09:30:00" -> "2027-08-02T09:30" (the value of a datetime-local input) */
const toInput = (local?: string) => (local ?? '').slice(0, 16);

function valuesOf(a: Activity): Values {
  return {
    title: a.title ?? '', venue: a.venue ?? '', address: a.address ?? '', startsLocal: toInput(a.startsLocal), endsLocal: toInput(a.endsLocal),
    allMembers: a.allMembers ?? !a.attendeeMemberIds?.length, attendeeMemberIds: a.attendeeMemberIds ?? [],
  };
}

/**
 * A time on the host city's clock with its zone's short name ("Aug 2, 2027, 9:30 AM GMT+8"): the UTC instant shown
 * through Intl in the activity's zone, never in the reader's own.
 */
export function formatInZone(iso: string | undefined, local: string | undefined, zone: string | undefined, lng: string): string {
  if (iso && zone) {
    try {
      return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso)) + ' ' +
        (zoneName(zone, lng, new Date(iso), 'short') ?? zone);
    } catch {
      // an unknown zone: the wall clock as the API gave it
    }
  }
  return local ? `${local.slice(0, 16).replace('T', ' ')} ${zone ?? ''}`.trim() : '—';
}

function ActivityForm({ delegationId, zone, members, editing, onSaved, onCancel }: {
  delegationId: string;
  zone: string;
  members: Schemas['Member'][];
  editing: Activity | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [v, setV] = useState<Values>(() => (editing ? valuesOf(editing) : empty));
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: () => {
      const attendeeMemberIds = v.allMembers ? null : v.attendeeMemberIds;
      if (editing) {
        const body = { title: v.title, venue: v.venue, address: v.address, startsLocal: v.startsLocal, endsLocal: v.endsLocal, attendeeMemberIds };
        return must(api.PATCH('/api/delegations/{id}/itinerary/{activityId}', { params: { path: { id: delegationId, activityId: editing.id! } }, body }));
      }
      const body = {
        title: v.title, startsLocal: v.startsLocal, endsLocal: v.endsLocal,
        ...(v.venue.trim() ? { venue: v.venue } : {}), ...(v.address.trim() ? { address: v.address } : {}), ...(attendeeMemberIds ? { attendeeMemberIds } : {}),
      };
      return must(api.POST('/api/delegations/{id}/itinerary', { params: { path: { id: delegationId } }, body }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['itinerary', delegationId] });
      setV(empty);
      onSaved();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fe = (f: string) => fieldError(save.error, f);
  const general = formError(save.error, FIELDS) ?? fe('timeZone');
  const hint = t('delegation.itinerary.localHint', { zone: zoneLabel(zone, i18n.language) });
  const formName = editing ? t('delegation.itinerary.change') : t('delegation.itinerary.add');
  return (
    <form onSubmit={submit} noValidate aria-label={formName}>
      <Stack gap="xs">
        <Title order={4}>{formName}</Title>
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <TextInput label={t('delegation.itinerary.activity')} required value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={fe('title')} />
        <Group grow align="flex-start">
          <TextInput label={t('delegation.itinerary.place')} value={v.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={fe('venue')} />
          <TextInput label={t('delegation.itinerary.address')} value={v.address} onChange={(e) => set('address', e.currentTarget.value)} error={fe('address')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="datetime-local" label={t('delegation.itinerary.starts')} description={hint} required value={v.startsLocal} onChange={(e) => set('startsLocal', e.currentTarget.value)} error={fe('startsLocal')} />
          <TextInput type="datetime-local" label={t('delegation.itinerary.ends')} description={hint} required value={v.endsLocal} onChange={(e) => set('endsLocal', e.currentTarget.value)} error={fe('endsLocal')} />
        </Group>
        <Checkbox label={t('delegation.itinerary.allMembers')} checked={v.allMembers} onChange={(e) => set('allMembers', e.currentTarget.checked)} error={v.allMembers ? fe('attendeeMemberIds') : undefined} />
        {!v.allMembers && (
          <Checkbox.Group label={t('delegation.itinerary.attendees')} value={v.attendeeMemberIds} onChange={(ids) => set('attendeeMemberIds', ids)} error={fe('attendeeMemberIds')}>
            <Group gap="md" mt={4}>
              {members.map((m) => <Checkbox key={m.id} value={m.id!} label={memberName(m)} />)}
            </Group>
          </Checkbox.Group>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>{editing ? t('delegation.itinerary.save') : t('delegation.itinerary.addSubmit')}</Button>
          {editing && <Button variant="subtle" onClick={onCancel}>{t('delegation.itinerary.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}

/** The delegation's itinerary: activities with times on the host city's clock (the zone named), added, changed and deleted. */
export function Itinerary({ delegation }: { delegation: Schemas['Delegation'] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const { session } = useSession();
  const id = delegation.id!;
  const editor = canEditDelegations(session?.roles) && delegation.status !== 'completed' && delegation.status !== 'cancelled';
  const zone = delegation.hostTimeZone ?? 'UTC';
  const itinerary = useQuery({ queryKey: ['itinerary', id], queryFn: () => must(api.GET('/api/delegations/{id}/itinerary', { params: { path: { id } } })) });
  const members = useQuery({ queryKey: ['members', id], queryFn: () => must(api.GET('/api/delegations/{id}/members', { params: { path: { id } } })) });
  const [editing, setEditing] = useState<Activity | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (a: Activity) => must(api.DELETE('/api/delegations/{id}/itinerary/{activityId}', { params: { path: { id, activityId: a.id! } } })),
    onSuccess: () => {
      setConfirming(null);
      setMessage(t('delegation.itinerary.deleted'));
      void qc.invalidateQueries({ queryKey: ['itinerary', id] });
    },
  });
  const items = itinerary.data?.items ?? [];
  const warnings = itinerary.data?.warnings ?? [];
  const overlapping = new Set(warnings.flatMap((w) => w.activityIds ?? []));
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('delegation.itinerary.title')}</Title>
        <Text size="sm" data-testid="itinerary-zone">{t('delegation.itinerary.zone', { zone: zoneLabel(zone, i18n.language) })}</Text>
        {itinerary.error && <Alert color="red" role="alert">{(itinerary.error as Error).message}</Alert>}
        {remove.error && <Alert color="red" role="alert">{formError(remove.error, [])}</Alert>}
        {message && <Text c="green.9" role="status">{message}</Text>}
        {warnings.map((w, i) => <Alert key={i} color="orange">{w.message}</Alert>)}
        {itinerary.data && !items.length && <Text c="gray.7">{t('delegation.itinerary.empty')}</Text>}
        {!!items.length && (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="itinerary">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('delegation.itinerary.activity')}</Table.Th>
                  <Table.Th>{t('delegation.itinerary.place')}</Table.Th>
                  <Table.Th>{t('delegation.itinerary.starts')}</Table.Th>
                  <Table.Th>{t('delegation.itinerary.ends')}</Table.Th>
                  <Table.Th>{t('delegation.itinerary.who')}</Table.Th>
                  {editor && <Table.Th>{t('delegation.itinerary.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.title}
                      {overlapping.has(a.id!) && <Badge ml="xs" size="xs" color="orange">{t('delegation.itinerary.overlaps')}</Badge>}
                      {a.ambiguous && <Text size="xs">{t('delegation.itinerary.ambiguous')}</Text>}
                    </Table.Td>
                    <Table.Td>{[a.venue, a.address].filter(Boolean).join(', ') || '—'}</Table.Td>
                    <Table.Td>{formatInZone(a.startsAt, a.startsLocal, a.timeZone ?? zone, i18n.language)}</Table.Td>
                    <Table.Td>{formatInZone(a.endsAt, a.endsLocal, a.timeZone ?? zone, i18n.language)}</Table.Td>
                    <Table.Td>{a.allMembers !== false && !a.attendeeMemberIds?.length ? t('delegation.itinerary.everyone') : t('delegation.itinerary.chosen', { count: a.attendeeMemberIds?.length ?? 0 })}</Table.Td>
                    {editor && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {confirming !== a.id ? (
                            <>
                              <Button size="xs" variant="light" aria-label={t('delegation.itinerary.editLabel', { title: a.title })} onClick={() => { setMessage(null); setEditing(a); }}>{t('delegation.itinerary.edit')}</Button>
                              <Button size="xs" variant="subtle" color="red" aria-label={t('delegation.itinerary.deleteLabel', { title: a.title })} onClick={() => { setMessage(null); setConfirming(a.id!); }}>{t('delegation.itinerary.delete')}</Button>
                            </>
                          ) : (
                            <>
                              <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(a)}>{t('delegation.itinerary.confirmDelete', { title: a.title })}</Button>
                              <Button size="xs" variant="subtle" onClick={() => setConfirming(null)}>{t('delegation.itinerary.keep')}</Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editor && (
          <ActivityForm
            key={editing?.id ?? 'new'}
            delegationId={id}
            zone={editing?.timeZone ?? zone}
            members={members.data?.items ?? []}
            editing={editing}
            onSaved={() => {
              setMessage(editing ? t('delegation.itinerary.saved') : t('delegation.itinerary.added'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Stack>
    </Card>
  );
}

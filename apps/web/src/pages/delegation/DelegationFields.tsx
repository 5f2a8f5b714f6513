import { Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, must, type Schemas } from '../../api/client';
import { useApi } from '../../session';
import { zoneName } from '../../format';

export const PROGRAMME_AREAS = ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'] as const;
type ProgrammeArea = (typeof PROGRAMME_AREAS)[number];
type Direction = 'outbound' | 'inbound';

/** What the delegation form edits ('' where nothing is chosen). */
export interface DelegationValues {
  title: string;
  hostCity: string;
  startDate: string;
  endDate: string;
  direction: Direction;
  partnershipId: string;
  purpose: string;
  programmeArea: ProgrammeArea | '';
  hostTimeZone: string;
  minorsPerAdult: number | string;
}

export const FIELDS = ['title', 'hostCity', 'startDate', 'endDate', 'direction', 'partnershipId', 'purpose', 'programmeArea', 'hostTimeZone', 'minorsPerAdult'];

export const emptyDelegation: DelegationValues = {
  title: '', hostCity: '', startDate: '', endDate: '', direction: 'outbound', partnershipId: '', purpose: '', programmeArea: '', hostTimeZone: '', minorsPerAdult: 5,
};

export function valuesOf(d: Schemas['Delegation']): DelegationValues {
  return {
    title: d.title ?? '', hostCity: d.hostCity ?? '', startDate: d.startDate ?? '', endDate: d.endDate ?? '', direction: d.direction ?? 'outbound',
    partnershipId: d.partnershipId ?? '', purpose: d.purpose ?? '', programmeArea: (d.programmeArea ?? '') as ProgrammeArea | '',
    hostTimeZone: d.hostTimeZone ?? '', minorsPerAdult: d.minorsPerAdult ?? 5,
  };
}

/** The body of POST /api/delegations: what is left empty is not sent (the API's defaults apply). */
export function createBody(v: DelegationValues): Schemas['CreateDelegation'] {
  return {
    title: v.title, hostCity: v.hostCity, startDate: v.startDate, endDate: v.endDate, direction: v.direction,
    ...(v.partnershipId ? { partnershipId: v.partnershipId } : {}),
    ...(v.purpose.trim() ? { purpose: v.purpose } : {}),
    ...(v.programmeArea ? { programmeArea: v.programmeArea } : {}),
    ...(v.hostTimeZone ? { hostTimeZone: v.hostTimeZone } : {}),
    ...(v.minorsPerAdult === '' ? {} : { minorsPerAdult: Number(v.minorsPerAdult) }),
  };
}

/** The body of PATCH /api/delegations/{id}: only what changed (cleared partnership or programme area: null). */
export function updateBody(v: DelegationValues, d: Schemas['Delegation']): Schemas['UpdateDelegation'] {
  const before = valuesOf(d);
  const body: Schemas['UpdateDelegation'] = {};
  if (v.title !== before.title) body.title = v.title;
  if (v.hostCity !== before.hostCity) body.hostCity = v.hostCity;
  if (v.startDate !== before.startDate) body.startDate = v.startDate;
  if (v.endDate !== before.endDate) body.endDate = v.endDate;
  if (v.direction !== before.direction) body.direction = v.direction;
  if (v.partnershipId !== before.partnershipId) body.partnershipId = v.partnershipId || null;
  if (v.purpose !== before.purpose) body.purpose = v.purpose;
  if (v.programmeArea !== before.programmeArea) body.programmeArea = v.programmeArea || null;
  if (v.hostTimeZone !== before.hostTimeZone) body.hostTimeZone = v.hostTimeZone;
  if (String(v.minorsPerAdult) !== String(before.minorsPerAdult)) body.minorsPerAdult = v.minorsPerAdult === '' ? undefined : Number(v.minorsPerAdult);
  return body;
}

/** IANA zones this browser knows (UTC first), with the current value kept if it is not among them. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...known, ...(current ? [current] : [])])];
}

/** "Asia/Shanghai (China Standard Time)" */
export function zoneLabel(zone: string | undefined, lng: string, at?: Date): string {
  if (!zone) return '—';
  const long = zoneName(zone, lng, at);
  return long && long !== zone ? `${zone} (${long})` : zone;
}

/**
 * The fields of a delegation (create and edit): each shows the API's message for it; a partnership chosen for an
 * outbound visit fills an empty host city and time zone with the partner city's.
 */
export function DelegationFields({ values, onChange, error, datesLocked }: { values: DelegationValues; onChange: (v: DelegationValues) => void; error: unknown; datesLocked?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const partnerships = useQuery({ queryKey: ['partnerships'], queryFn: () => must(api.GET('/api/delegations/partnerships', { params: { query: { limit: 100 } } })) });
  const zones = useMemo(() => timeZones(values.hostTimeZone), [values.hostTimeZone]);
  const set = <K extends keyof DelegationValues>(k: K, v: DelegationValues[K]) => onChange({ ...values, [k]: v });
  const choosePartnership = (partnershipId: string) => {
    const p = partnerships.data?.items?.find((x) => x.id === partnershipId);
    const next = { ...values, partnershipId };
    if (p && values.direction === 'outbound') {
      if (!values.hostCity.trim() && p.partnerCity) next.hostCity = p.partnerCity;
      if (!values.hostTimeZone && p.partnerTimeZone) next.hostTimeZone = p.partnerTimeZone;
    }
    onChange(next);
  };
  const fe = (f: string) => fieldError(error, f);
  return (
    <Stack gap="xs">
      <TextInput label={t('delegation.form.title')} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fe('title')} />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('delegation.form.direction')}
          value={values.direction}
          onChange={(e) => set('direction', e.currentTarget.value as Direction)}
          error={fe('direction')}
          data={(['outbound', 'inbound'] as const).map((d) => ({ value: d, label: t(`delegation.form.directions.${d}`) }))}
        />
        <NativeSelect
          label={t('delegation.form.partnership')}
          value={values.partnershipId}
          onChange={(e) => choosePartnership(e.currentTarget.value)}
          error={fe('partnershipId')}
          data={[
            { value: '', label: t('delegation.form.noPartnership') },
            ...(partnerships.data?.items ?? []).map((p) => ({ value: p.id!, label: [p.partnerCity, p.partnerCountry].filter(Boolean).join(', ') })),
            ...(values.partnershipId && partnerships.data && !partnerships.data.items?.some((p) => p.id === values.partnershipId) ? [{ value: values.partnershipId, label: values.partnershipId }] : []),
          ]}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('delegation.form.hostCity')} required value={values.hostCity} onChange={(e) => set('hostCity', e.currentTarget.value)} error={fe('hostCity')} />
        <NativeSelect
          label={t('delegation.form.hostTimeZone')}
          description={t('delegation.form.zoneHint')}
          value={values.hostTimeZone}
          onChange={(e) => set('hostTimeZone', e.currentTarget.value)}
          error={fe('hostTimeZone')}
          data={[...(values.hostTimeZone ? [] : [{ value: '', label: t('delegation.form.zoneAutomatic') }]), ...zones.map((z) => ({ value: z, label: z }))]}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput type="date" label={t('delegation.form.startDate')} required disabled={datesLocked} value={values.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={fe('startDate')} />
        <TextInput type="date" label={t('delegation.form.endDate')} required disabled={datesLocked} value={values.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={fe('endDate')} />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('delegation.form.programmeArea')}
          value={values.programmeArea}
          onChange={(e) => set('programmeArea', e.currentTarget.value as ProgrammeArea | '')}
          error={fe('programmeArea')}
          data={[{ value: '', label: t('delegation.form.noArea') }, ...PROGRAMME_AREAS.map((a) => ({ value: a, label: t(`delegation.form.areas.${a}`) }))]}
        />
        <NumberInput
          label={t('delegation.form.minorsPerAdult')}
          description={t('delegation.form.minorsPerAdultHint')}
          min={1}
          max={20}
          allowDecimal={false}
          value={values.minorsPerAdult}
          onChange={(v) => set('minorsPerAdult', v)}
          error={fe('minorsPerAdult')}
        />
      </Group>
      <Textarea label={t('delegation.form.purpose')} rows={2} value={values.purpose} onChange={(e) => set('purpose', e.currentTarget.value)} error={fe('purpose')} />
    </Stack>
  );
}

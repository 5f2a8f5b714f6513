import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Code, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError, formError, must, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { useApi } from '../../session';
import { StatusBadge } from '../../components/StatusBadge';
import { ReasonForm } from '../../components/ReasonForm';
import { Loading } from '../../components/Loading';
import { useVocabularyLabels, VocabularySelect } from '../../components/VocabularySelect';
import type { DietCode, PetCode } from '../../locales/vocab-codes';

type Family = Schemas['HostFamily'];
type Offer = Schemas['Offer'];
type HostPlacement = Schemas['HostPlacement'];
type Place = Schemas['HostPlace'];
type Member = NonNullable<Schemas['UpdateFamily']['members']>[number];
type Period = NonNullable<Schemas['UpdateFamily']['availability']>[number];

const GUEST_GENDERS = ['any', 'female', 'male'] as const;
const MEMBER_GENDERS = ['female', 'male', 'non-binary', 'undisclosed'] as const;

interface Draft {
  name: string;
  address: string;
  bedrooms: number | string;
  beds: number | string;
  /** codes of the vocabulary (multi-select; the allergy rule compares them) and a note for people */
  pets: string[];
  petsNote: string;
  smoking: boolean;
  languages: string;
  diets: string[];
  interests: string;
  guestGender: (typeof GUEST_GENDERS)[number];
  guestAgeMin: number | string;
  guestAgeMax: number | string;
  members: Member[];
  availability: Period[];
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const num = (v: number | string) => (v === '' || v == null ? undefined : Number(v));

function draftOf(f: Family): Draft {
  return {
    name: f.name ?? '', address: f.address ?? '', bedrooms: f.bedrooms ?? '', beds: f.beds ?? '', pets: [...(f.pets ?? [])], petsNote: f.petsNote ?? '', smoking: !!f.smoking,
    languages: (f.languages ?? []).join(', '), diets: [...(f.diets ?? [])], interests: (f.interests ?? []).join(', '), guestGender: f.guestGender ?? 'any',
    guestAgeMin: f.guestAgeMin ?? '', guestAgeMax: f.guestAgeMax ?? '', members: (f.members ?? []).map((m) => ({ ...m })), availability: (f.availability ?? []).map((p) => ({ ...p })),
  };
}

function bodyOf(d: Draft): Schemas['UpdateFamily'] {
  return {
    name: d.name, address: d.address, bedrooms: num(d.bedrooms), beds: num(d.beds), pets: d.pets as PetCode[], petsNote: d.petsNote.trim(), smoking: d.smoking, languages: list(d.languages),
    diets: d.diets as DietCode[],
    interests: list(d.interests), guestGender: d.guestGender, guestAgeMin: num(d.guestAgeMin) ?? null, guestAgeMax: num(d.guestAgeMax) ?? null, members: d.members, availability: d.availability,
  };
}

const SHOWN = ['name', 'address', 'bedrooms', 'beds', 'pets', 'petsNote', 'smoking', 'languages', 'diets', 'interests', 'guestGender', 'guestAgeMin', 'guestAgeMax', 'members', 'availability'];

/** The household profile: capacity, traits, members and availability (PATCH /api/host-matching/families/:id); what was typed stays when saving fails. */
function Profile({ family }: { family: Family }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(family));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const setMember = (i: number, m: Partial<Member>) => set('members', d.members.map((x, j) => (j === i ? { ...x, ...m } : x)));
  const setPeriod = (i: number, p: Partial<Period>) => set('availability', d.availability.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const save = useMutation({
    mutationFn: () => must(api.PATCH('/api/host-matching/families/{familyId}', { params: { path: { familyId: family.id! } }, body: bodyOf(d) })),
    onSuccess: (f) => {
      qc.setQueryData(['host-family', family.id], f);
      void qc.invalidateQueries({ queryKey: ['host-families'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const err = save.error;
  const fe = (f: string) => fieldError(err, f);
  const general = formError(err, SHOWN);
  // a message about the whole list (not one of its entries) shows above the list
  const membersError = err instanceof ApiError ? err.fields.members : undefined;
  const periodsError = err instanceof ApiError ? err.fields.availability : undefined;
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('host.household.profile')}>
        <Stack>
          <Title order={3}>{t('host.household.profile')}</Title>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('host.household.name')} value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={fe('name')} />
            <TextInput label={t('host.household.address')} value={d.address} onChange={(e) => set('address', e.currentTarget.value)} error={fe('address')} />
            <NumberInput label={t('host.household.bedrooms')} value={d.bedrooms} onChange={(v) => set('bedrooms', v)} error={fe('bedrooms')} min={0} />
            <NumberInput label={t('host.household.beds')} value={d.beds} onChange={(v) => set('beds', v)} error={fe('beds')} min={0} />
            <TextInput label={t('host.household.languages')} description={t('host.household.listHelp')} value={d.languages} onChange={(e) => set('languages', e.currentTarget.value)} error={fe('languages')} />
            <VocabularySelect kind="diets" label={t('host.household.diets')} value={d.diets} onChange={(c) => set('diets', c)} error={fe('diets')} />
            <VocabularySelect kind="pets" label={t('host.household.pets')} value={d.pets} onChange={(c) => set('pets', c)} error={fe('pets')} />
            <TextInput label={t('host.household.petsNote')} value={d.petsNote} onChange={(e) => set('petsNote', e.currentTarget.value)} error={fe('petsNote')} />
            <TextInput label={t('host.household.interests')} description={t('host.household.listHelp')} value={d.interests} onChange={(e) => set('interests', e.currentTarget.value)} error={fe('interests')} />
            <NativeSelect label={t('host.household.guestGender')} value={d.guestGender} onChange={(e) => set('guestGender', e.currentTarget.value as Draft['guestGender'])} error={fe('guestGender')} data={GUEST_GENDERS.map((g) => ({ value: g, label: t(`host.household.genders.${g}`) }))} />
            <Group grow align="flex-start">
              <NumberInput label={t('host.household.guestAgeMin')} value={d.guestAgeMin} onChange={(v) => set('guestAgeMin', v)} error={fe('guestAgeMin')} min={0} />
              <NumberInput label={t('host.household.guestAgeMax')} value={d.guestAgeMax} onChange={(v) => set('guestAgeMax', v)} error={fe('guestAgeMax')} min={0} />
            </Group>
          </SimpleGrid>
          <Checkbox label={t('host.household.smoking')} checked={d.smoking} onChange={(e) => set('smoking', e.currentTarget.checked)} error={fe('smoking')} />

          <Title order={4}>{t('host.household.members')}</Title>
          {membersError && <Alert color="red" role="alert">{membersError}</Alert>}
          {d.members.map((m, i) => (
            <Card key={m.id ?? `new-${i}`} withBorder p="sm" data-testid="household-member">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput label={t('host.household.memberName')} value={m.name} onChange={(e) => setMember(i, { name: e.currentTarget.value })} error={fe(`members.${i}.name`)} />
                <TextInput label={t('host.household.dateOfBirth')} type="date" value={m.dateOfBirth} onChange={(e) => setMember(i, { dateOfBirth: e.currentTarget.value })} error={fe(`members.${i}.dateOfBirth`)} />
                <TextInput label={t('host.household.relation')} value={m.relation} onChange={(e) => setMember(i, { relation: e.currentTarget.value })} error={fe(`members.${i}.relation`)} />
                <NativeSelect label={t('host.household.gender')} value={m.gender} onChange={(e) => setMember(i, { gender: e.currentTarget.value as Member['gender'] })} error={fe(`members.${i}.gender`)} data={MEMBER_GENDERS.map((g) => ({ value: g, label: t(`host.household.memberGenders.${g}`) }))} />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <Button size="xs" variant="subtle" color="red" onClick={() => set('members', d.members.filter((_, j) => j !== i))}>{t('host.household.removeMember', { n: i + 1 })}</Button>
              </Group>
            </Card>
          ))}
          <Group><Button size="xs" variant="light" onClick={() => set('members', [...d.members, { name: '', dateOfBirth: '', relation: '', gender: 'undisclosed' }])}>{t('host.household.addMember')}</Button></Group>

          <Title order={4}>{t('host.household.availability')}</Title>
          {periodsError && <Alert color="red" role="alert">{periodsError}</Alert>}
          {!d.availability.length && <Text size="sm" c="gray.7">{t('host.household.noPeriods')}</Text>}
          {d.availability.map((p, i) => (
            <Group key={i} align="flex-end" wrap="wrap" data-testid="availability-period">
              <TextInput label={t('host.household.from')} type="date" value={p.from} onChange={(e) => setPeriod(i, { from: e.currentTarget.value })} error={fe(`availability.${i}.from`)} />
              <TextInput label={t('host.household.to')} type="date" value={p.to} onChange={(e) => setPeriod(i, { to: e.currentTarget.value })} error={fe(`availability.${i}.to`)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('host.household.removePeriod', { n: i + 1 })} onClick={() => set('availability', d.availability.filter((_, j) => j !== i))}>×</ActionIcon>
            </Group>
          ))}
          <Group><Button size="xs" variant="light" onClick={() => set('availability', [...d.availability, { from: '', to: '' }])}>{t('host.household.addPeriod')}</Button></Group>

          <Group>
            <Button type="submit" loading={save.isPending}>{t('host.household.save')}</Button>
            {save.isSuccess && !save.isPending && <Text c="green.9" role="status">{t('host.household.saved')}</Text>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** What the family record says about vetting (the vetting route itself is for coordinators, admins and youth managers). */
function Vetting({ family }: { family: Family }) {
  const { t, i18n } = useTranslation();
  const v = family.vetting;
  return (
    <Card withBorder data-testid="vetting">
      <Stack gap="xs">
        <Title order={3}>{t('host.vetting.title')}</Title>
        <Group gap="xs">
          <Badge color={v?.eligibleForMinors ? 'green' : 'orange'}>{v?.eligibleForMinors ? t('host.vetting.eligible') : t('host.vetting.notEligible')}</Badge>
          <Text size="sm">{v?.evaluatedOn ? t('host.vetting.evaluatedOn', { date: formatDate(v.evaluatedOn, i18n.language) }) : t('host.vetting.notEvaluated')}</Text>
        </Group>
        {v?.householdReviewPending && <Alert color="orange" data-testid="household-review-pending">{t('host.vetting.reviewPending')}</Alert>}
        {!v?.eligibleForMinors && !v?.householdReviewPending && <Text size="sm" c="gray.7">{t('host.vetting.help')}</Text>}
      </Stack>
    </Card>
  );
}

/** A wall-clock time as the API gives it ("2027-04-10T11:30", already local to `zone`), in the reader's language, not shifted through the browser's zone. */
function wallClock(local: string, zone: string, lng: string): string {
  let dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) dt = DateTime.fromISO(local, { zone: 'utc' }); // an unknown zone: the wall clock as written
  return dt.isValid ? dt.setLocale(lng).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY) : local;
}

const placeName = (p: Place) => (p.code && p.code !== p.name ? `${p.name} (${p.code})` : p.name);

const termStyle = { fontWeight: 600, marginTop: 'var(--mantine-spacing-xs)' } as const;
const descStyle = { margin: 0 } as const;

/** The guest's arrival, airport pickup and departure (GET /api/logistics/my-placements), as a definition list that reads well on a phone. */
function Travel({ placement }: { placement: HostPlacement }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { arrival, departure, pickup } = placement;
  const notBooked = <Badge ml="xs" size="sm" color="orange" variant="light">{t('host.placements.travel.notBooked')}</Badge>;
  const driverKind = pickup?.driverKind ? t(`host.placements.travel.driverKinds.${pickup.driverKind}`) : '';
  return (
    <Stack gap={0} data-testid="placement-travel">
      <Title order={5}>{t('host.placements.travel.title')}</Title>
      <dl style={{ margin: 0 }}>
        <dt style={termStyle}>{t('host.placements.travel.arrival')}</dt>
        <dd style={descStyle}>
          {arrival ? (
            <>
              <Text span size="sm">{t('host.placements.travel.arrives', { time: wallClock(arrival.arrivalLocal, arrival.arrivalTimeZone, lng), zone: arrival.arrivalTimeZone, place: placeName(arrival.to), journey: arrival.label })}</Text>
              {arrival.status === 'requested' && notBooked}
            </>
          ) : (
            <Text span size="sm" c="gray.7">{t('host.placements.travel.noArrival')}</Text>
          )}
        </dd>
        <dt style={termStyle}>{t('host.placements.travel.pickup')}</dt>
        <dd style={descStyle}>
          {pickup ? (
            <>
              <Text size="sm">{t('host.placements.travel.meeting', { time: wallClock(pickup.meetingLocal, pickup.timeZone, lng), zone: pickup.timeZone, place: placeName(pickup.meetingPlace) })}</Text>
              <Text size="sm">
                {!pickup.driverKind && !pickup.driverName
                  ? t('host.placements.travel.noDriver')
                  : pickup.driverName && driverKind
                    ? t('host.placements.travel.driver', { name: pickup.driverName, kind: driverKind })
                    : t('host.placements.travel.driverUnnamed', { kind: pickup.driverName ?? driverKind })}
              </Text>
              <Text size="sm">
                {pickup.dropOff.kind === 'homestay' ? t('host.placements.travel.dropOffHome', { label: pickup.dropOff.label }) : t('host.placements.travel.dropOff', { label: pickup.dropOff.label })}
                {pickup.dropOff.address ? ` · ${pickup.dropOff.address}` : ''}
              </Text>
            </>
          ) : (
            <Text span size="sm" c="gray.7">{t('host.placements.travel.noPickup')}</Text>
          )}
        </dd>
        <dt style={termStyle}>{t('host.placements.travel.departure')}</dt>
        <dd style={descStyle}>
          {departure ? (
            <>
              <Text span size="sm">{t('host.placements.travel.leaves', { time: wallClock(departure.departureLocal, departure.departureTimeZone, lng), zone: departure.departureTimeZone, place: placeName(departure.from), journey: departure.label })}</Text>
              {departure.status === 'requested' && notBooked}
            </>
          ) : (
            <Text span size="sm" c="gray.7">{t('host.placements.travel.noDeparture')}</Text>
          )}
        </dd>
      </dl>
    </Stack>
  );
}

function Placement({ offer, travel }: { offer: Offer; travel?: HostPlacement }) {
  const { t, i18n } = useTranslation();
  const labels = useVocabularyLabels();
  const api = useApi();
  const qc = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useMutation({
    mutationFn: (reason: string) => must(api.POST('/api/host-matching/offers/{offerId}/withdraw', { params: { path: { offerId: offer.id! } }, body: { reason } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['host-placements'] });
      void qc.invalidateQueries({ queryKey: ['host-my-placements'] });
    },
  });
  const feed = useMutation({
    mutationFn: () => must(api.POST('/api/logistics/delegations/{delegationId}/calendar-feeds', { params: { path: { delegationId: offer.delegationId! } }, body: { kind: 'family', subjectId: offer.familyId } })),
  });
  const g = offer.guest ?? {};
  const name = [g.givenName, g.familyName].filter(Boolean).join(' ');
  const dl = offer.delegation;
  const headingId = `placement-${offer.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="placement">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} id={headingId}>{name || offer.memberId}</Title>
          <StatusBadge status={withdraw.isSuccess ? 'withdrawn' : (offer.status ?? '')} />
        </Group>
        <Text size="sm">{t('host.placements.visit')}: {dl?.title} · {dl?.hostCity} · {offer.familyName}</Text>
        {dl?.from && dl.to && <Text size="sm">{t('host.placements.arrival', { date: formatDate(dl.from, i18n.language), to: formatDate(dl.to, i18n.language) })}</Text>}
        {offer.confirmedAt && <Text size="sm">{t('host.placements.confirmedAt', { date: formatDateTime(offer.confirmedAt, i18n.language) })}</Text>}
        {offer.awaitingGuardianConsent && <Badge color="orange">{t('host.placements.awaitingConsent')}</Badge>}
        {travel && !withdraw.isSuccess && <Travel placement={travel} />}
        <Text size="sm">{t('offers.diet')}: {g.diet?.length ? labels('diets', g.diet) : t('common.none')}{g.dietNote ? ` (${g.dietNote})` : ''} · {t('offers.allergies')}: {g.allergies?.length || g.allergyNote
          ? <strong>{[labels('allergens', g.allergies), g.allergyNote].filter(Boolean).join(' · ')}</strong> : t('common.none')}</Text>
        {!feed.data && <Group><Anchor component="button" type="button" onClick={() => feed.mutate()}>{t('host.placements.calendar')}</Anchor></Group>}
        {feed.error && <Alert color="red" role="alert">{formError(feed.error, [])}</Alert>}
        {feed.data && <Text size="sm">{t('host.placements.calendarHelp')} <Code>{feed.data.url ?? feed.data.path}</Code></Text>}
        {withdraw.isSuccess && <Alert color="green" role="status">{t('host.placements.withdrawn')}</Alert>}
        {!withdraw.isSuccess && !withdrawing && (
          <Group><Button variant="outline" color="red" onClick={() => setWithdrawing(true)}>{t('host.placements.withdraw')}</Button></Group>
        )}
        {!withdraw.isSuccess && withdrawing && (
          <ReasonForm label={t('host.placements.reason')} confirm={t('host.placements.confirmWithdraw')} back={t('host.placements.cancel')} error={withdraw.error} pending={withdraw.isPending} onSubmit={(reason) => withdraw.mutate(reason)} onBack={() => setWithdrawing(false)} />
        )}
      </Stack>
    </Card>
  );
}

/** Accepted and confirmed placements of the host's families. */
function Placements() {
  const { t } = useTranslation();
  const api = useApi();
  const get = (status: 'confirmed' | 'accepted') => must(api.GET('/api/host-matching/offers', { params: { query: { status, limit: 100 } } }));
  const placements = useQuery({
    queryKey: ['host-placements'],
    queryFn: async () => {
      const [confirmed, accepted] = await Promise.all([get('confirmed'), get('accepted')]);
      return [...(confirmed.items ?? []), ...(accepted.items ?? [])];
    },
  });
  // the guests' arrival, pickup and departure (hosts only: any other answer just shows nothing more); flights and
  // pickup plans change, and logistics learns a new placement a moment after host matching confirms it
  const travel = useQuery({ queryKey: ['host-my-placements'], queryFn: () => must(api.GET('/api/logistics/my-placements')), refetchInterval: 60_000 });
  const byOffer = new Map((travel.data?.items ?? []).map((p) => [p.offerId, p]));
  return (
    <Stack>
      <Title order={3}>{t('host.placements.title')}</Title>
      {placements.isLoading && <Loading size="sm" />}
      {placements.error && <Alert color="red" role="alert">{(placements.error as Error).message}</Alert>}
      {placements.data && !placements.data.length && <Text c="gray.7">{t('host.placements.empty')}</Text>}
      {placements.data?.map((o) => <Placement key={o.id} offer={o} travel={o.id ? byOffer.get(o.id) : undefined} />)}
    </Stack>
  );
}

/** `/household` (host): the household profile, its vetting, its placements. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const api = useApi();
  const families = useQuery({ queryKey: ['host-families'], queryFn: () => must(api.GET('/api/host-matching/families', { params: { query: { limit: 50 } } })) });
  const [chosen, setChosen] = useState<string>('');
  const items = families.data?.items ?? [];
  const familyId = chosen || items[0]?.id;
  const family = useQuery({
    queryKey: ['host-family', familyId],
    enabled: !!familyId,
    queryFn: () => must(api.GET('/api/host-matching/families/{familyId}', { params: { path: { familyId: familyId! } } })),
  });
  return (
    <Stack maw={760} mx="auto">
      <Title order={2}>{t('host.household.title')}</Title>
      {(families.isLoading || family.isLoading) && <Loading />}
      {families.error && <Alert color="red" role="alert">{(families.error as Error).message}</Alert>}
      {family.error && <Alert color="red" role="alert">{(family.error as Error).message}</Alert>}
      {families.data && !items.length && <Text>{t('host.household.none')}</Text>}
      {items.length > 1 && (
        <NativeSelect label={t('host.household.family')} value={familyId} onChange={(e) => setChosen(e.currentTarget.value)} data={items.map((f) => ({ value: f.id!, label: f.name ?? f.id! }))} />
      )}
      {family.data && <Vetting family={family.data} />}
      {family.data && <Profile key={family.data.id} family={family.data} />}
      {!!items.length && <Placements />}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, formError, must, type Schemas } from '../api/client';
import { formatDate, formatDateTimeInZone, timeLeft } from '../format';
import { useApi } from '../session';
import { StatusBadge } from '../components/StatusBadge';
import { Loading } from '../components/Loading';
import { ReasonForm } from '../components/ReasonForm';
import { useVocabularyLabels } from '../components/VocabularySelect';

type Offer = Schemas['Offer'];

/** One offer as a host sees it: what they must know about the guest, the deadline as time left, accept or decline. */
export function OfferCard({ offer, link = false }: { offer: Offer; link?: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useVocabularyLabels();
  const api = useApi();
  const qc = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const refresh = (updated: Offer) => {
    qc.setQueryData(['offer', offer.id], updated);
    void qc.invalidateQueries({ queryKey: ['host-offers'] });
  };
  const accept = useMutation({
    mutationFn: () => must(api.POST('/api/host-matching/offers/{offerId}/accept', { params: { path: { offerId: offer.id! } } })),
    onSuccess: refresh,
  });
  const decline = useMutation({
    mutationFn: (reason: string) => must(api.POST('/api/host-matching/offers/{offerId}/decline', { params: { path: { offerId: offer.id! } }, body: { reason } })),
    onSuccess: (a) => refresh(a as Offer),
  });
  const g = offer.guest ?? {};
  const guestName = [g.givenName, g.familyName].filter(Boolean).join(' ');
  const open = offer.status === 'offered';
  const headingId = `offer-${offer.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="offer">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            {link ? <Anchor component={Link} to={`/offers/${offer.id}`}>{guestName || t('offers.guest')}</Anchor> : guestName || t('offers.guest')}
          </Title>
          <StatusBadge status={offer.status ?? ''} />
        </Group>
        <Text size="sm">
          {t('offers.visit')}: {offer.delegation?.title} · {offer.delegation?.hostCity} · {offer.delegation?.from && formatDate(offer.delegation.from, i18n.language)} – {offer.delegation?.to && formatDate(offer.delegation.to, i18n.language)}
        </Text>
        <List size="sm" spacing={2}>
          {g.ageOnArrival != null && <List.Item>{t('offers.age', { age: g.ageOnArrival })} {g.minor && <Badge size="xs" color="grape">{t('offers.minor')}</Badge>}</List.Item>}
          {g.gender && <List.Item>{t('offers.gender')}: {t(`youth.genders.${g.gender}`, { defaultValue: g.gender })}</List.Item>}
          <List.Item>{t('offers.languages')}: {g.languages?.length ? g.languages.join(', ') : t('common.none')}</List.Item>
          {g.nationality && <List.Item>{t('offers.nationality')}: {g.nationality}</List.Item>}
          {/* codes as labels in the reader's language, then the note as written; absent (not empty) when the
              sensitive-fields rule withholds it from the reader: then not "none" either */}
          {g.diet !== undefined && <List.Item>{t('offers.diet')}: {g.diet?.length || g.dietNote ? [labels('diets', g.diet), g.dietNote].filter(Boolean).join(' · ') : t('common.none')}</List.Item>}
          {g.allergies !== undefined && <List.Item>{t('offers.allergies')}: {g.allergies?.length || g.allergyNote ? <strong>{[labels('allergens', g.allergies), g.allergyNote].filter(Boolean).join(' · ')}</strong> : t('common.none')}</List.Item>}
        </List>
        {/* the deadline on the host city's clock, the zone named; the reader's own zone when host matching does not know the host city's yet */}
        {open && offer.deadlineAt && (
          <Text size="sm" fw={600} data-testid="time-left">
            {timeLeft(t, offer.deadlineAt)} · {t('offers.deadline', { date: formatDateTimeInZone(offer.deadlineAt, i18n.language, offer.delegation?.hostTimeZone ?? undefined) })}
          </Text>
        )}
        {accept.error && <Alert color="red" role="alert">{formError(accept.error, [])}</Alert>}
        {accept.isSuccess && <Alert color="green" role="status">{t('offers.accepted')}</Alert>}
        {decline.isSuccess && <Alert color="green" role="status">{t('offers.declinedDone')}</Alert>}
        {open && !declining && (
          <Group>
            <Button onClick={() => accept.mutate()} loading={accept.isPending}>{t('offers.accept')}</Button>
            <Button variant="outline" color="red" onClick={() => setDeclining(true)}>{t('offers.decline')}</Button>
          </Group>
        )}
        {open && declining && (
          <ReasonForm label={t('offers.reason')} confirm={t('offers.confirmDecline')} back={t('common.back')} error={decline.error} pending={decline.isPending} onSubmit={(reason) => decline.mutate(reason)} onBack={() => setDeclining(false)} />
        )}
      </Stack>
    </Card>
  );
}

export function HostOffersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const offers = useQuery({
    queryKey: ['host-offers'],
    queryFn: () => must(api.GET('/api/host-matching/offers', { params: { query: { limit: 100 } as never } })),
    refetchInterval: 60_000,
  });
  const items = offers.data?.items ?? [];
  return (
    <Stack maw={720} mx="auto">
      <Title order={2}>{t('offers.title')}</Title>
      {offers.isLoading && <Loading />}
      {offers.error && <Alert color="red" role="alert">{(offers.error as Error).message}</Alert>}
      {offers.data && !items.length && <Text>{t('offers.empty')}</Text>}
      {items.map((o) => <OfferCard key={o.id} offer={o} link />)}
    </Stack>
  );
}

export function HostOfferPage() {
  const { offerId } = useParams<{ offerId: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const offer = useQuery({ queryKey: ['offer', offerId], queryFn: () => must(api.GET('/api/host-matching/offers/{offerId}', { params: { path: { offerId: offerId! } } })) });
  return (
    <Stack maw={720} mx="auto">
      <Anchor component={Link} to="/offers">← {t('app.offers')}</Anchor>
      <Title order={2}>{t('offers.one')}</Title>
      {offer.isLoading && <Loading />}
      {offer.error && (
        <Alert color="red" role="alert">
          {offer.error instanceof ApiError && (offer.error.status === 404 || offer.error.status === 403 || offer.error.status === 400) ? t('offers.notFound') : (offer.error as Error).message}
        </Alert>
      )}
      {offer.data && <OfferCard offer={offer.data} />}
    </Stack>
  );
}

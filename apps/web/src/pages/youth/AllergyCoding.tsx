import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError, must, type Schemas } from '../../api/client';
import { useVocabularyLabels, VocabularySelect } from '../../components/VocabularySelect';
import type { AllergenCode } from '../../locales/vocab-codes';
import { useApi } from '../../session';

type Allergies = NonNullable<Schemas['Participant']['allergies']>;

/**
 * A participant's allergies as codes with their note, and the youth manager's coding of a note that "needs coding":
 * choose the codes the note means and confirm that they cover it (the guest is matched with no family that has pets
 * until then).
 */
export function AllergyCoding({ participantId, allergies }: { participantId: string; allergies: Allergies }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const labels = useVocabularyLabels();
  const [codes, setCodes] = useState<string[]>([...(allergies.codes ?? [])]);
  const save = useMutation({
    mutationFn: () => must(api.PATCH('/api/delegations/participants/{participantId}', {
      params: { path: { participantId } }, body: { allergies: { codes: codes as AllergenCode[], note: allergies.note ?? '', needsCoding: false } },
    })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['youth-participant', participantId] });
      void qc.invalidateQueries({ queryKey: ['youth-participants'] });
    },
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3}>{t('youth.record.allergies')}</Title>
          {allergies.needsCoding && <Badge color="red">{t('youth.coding.needsCoding')}</Badge>}
        </Group>
        <Text size="sm" data-testid="allergy-codes">{allergies.codes?.length ? labels('allergens', allergies.codes) : t('common.none')}</Text>
        {allergies.note && <Text size="sm"><Text span fw={500}>{t('youth.coding.note')}:</Text> <span data-testid="allergy-note">{allergies.note}</span></Text>}
        {allergies.needsCoding && (
          <>
            <Text size="sm">{t('youth.coding.help')}</Text>
            <VocabularySelect kind="allergens" label={t('youth.coding.codes')} value={codes} onChange={setCodes} />
            {save.error && <Alert color="red" role="alert">{formError(save.error, [])}</Alert>}
            <Group><Button onClick={() => save.mutate()} loading={save.isPending}>{t('youth.coding.confirm')}</Button></Group>
          </>
        )}
        {save.isSuccess && <Alert color="green" role="status">{t('youth.coding.done')}</Alert>}
      </Stack>
    </Card>
  );
}

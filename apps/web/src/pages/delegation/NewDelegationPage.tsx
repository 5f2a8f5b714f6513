import { Alert, Anchor, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formError, must } from '../../api/client';
import { useApi } from '../../session';
import { createBody, DelegationFields, emptyDelegation, FIELDS, type DelegationValues } from './DelegationFields';

/** /delegations/new: a draft delegation; on success its page opens; on failure the API's messages show at their fields and nothing typed is lost. */
export function NewDelegationPage() {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<DelegationValues>(emptyDelegation);
  const create = useMutation({
    mutationFn: () => must(api.POST('/api/delegations', { body: createBody(values) })),
    onSuccess: (d) => {
      qc.setQueryData(['delegation', d.id], d);
      void qc.invalidateQueries({ queryKey: ['delegations'] });
      void navigate(`/delegations/${d.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const general = formError(create.error, FIELDS);
  return (
    <Stack>
      <Title order={2}>{t('delegation.create.title')}</Title>
      <Card withBorder maw={760}>
        <form onSubmit={submit} noValidate aria-label={t('delegation.create.title')}>
          <Stack>
            {general && <Alert color="red" role="alert">{general}</Alert>}
            <DelegationFields values={values} onChange={setValues} error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending}>{t('delegation.create.submit')}</Button>
              <Anchor component={Link} to="/">{t('delegation.create.cancel')}</Anchor>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

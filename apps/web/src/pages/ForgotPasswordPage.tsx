import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError, formError, must } from '../api/client';
import { useApi } from '../session';

/**
 * `/forgot-password` (public): asks for a reset link by email (POST /api/identity/password-reset). The gateway answers
 * the same whether or not the address has an account, so the page says the same too: "if an account has this address".
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState('');
  const ask = useMutation({ mutationFn: () => must(api.POST('/api/identity/password-reset', { body: { email: email.trim() } })) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  const general = formError(ask.error, ['email']);
  return (
    <Paper maw={420} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('passwordReset.requestTitle')}</Title>
          {ask.isSuccess ? (
            <Alert color="green" role="status">{t('passwordReset.sent', { email: email.trim() })}</Alert>
          ) : (
            <Text size="sm">{t('passwordReset.requestIntro')}</Text>
          )}
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <TextInput label={t('signIn.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(ask.error, 'email')} required />
          <Button type="submit" loading={ask.isPending}>{t('passwordReset.requestSubmit')}</Button>
          <Anchor component={Link} to="/sign-in" size="sm">{t('passwordReset.backToSignIn')}</Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

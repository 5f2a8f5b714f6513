import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldError, formError, must } from '../api/client';
import { useApi } from '../session';

/**
 * `/reset-password?token=…` (the link of the reset email, public): the new password
 * (POST /api/identity/password-reset/confirm), then the sign-in page, which says the password was changed. A used or
 * expired link is said above the form, with the way to ask for a new one; the password's problems at its field.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get('token') ?? '';
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    mutationFn: () => must(api.POST('/api/identity/password-reset/confirm', { body: { token, password } })),
    onSuccess: () => navigate('/sign-in', { replace: true, state: { passwordChanged: true } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  const general = formError(confirm.error, ['password', 'token']) ?? fieldError(confirm.error, 'token');
  return (
    <Paper maw={420} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('passwordReset.chooseTitle')}</Title>
          {!token && <Alert color="red" role="alert">{t('passwordReset.noToken')}</Alert>}
          <Text size="sm">{t('passwordReset.chooseIntro')}</Text>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <PasswordInput label={t('passwordReset.newPassword')} description={t('passwordReset.passwordHelp')} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(confirm.error, 'password')} required />
          <Button type="submit" disabled={!token} loading={confirm.isPending}>{t('passwordReset.chooseSubmit')}</Button>
          <Anchor component={Link} to="/forgot-password" size="sm">{t('passwordReset.askAgain')}</Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

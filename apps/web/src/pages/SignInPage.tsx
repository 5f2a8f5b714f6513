import { Alert, Anchor, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { fieldError, formError, must } from '../api/client';
import { isHostOnly, sessionFromLogin, useApi, useSession } from '../session';

export function SignInPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { signIn, expired } = useSession();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; passwordChanged?: boolean } | null;
  const from = state?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => must(api.POST('/api/identity/login', { body: { email, password } })),
    onSuccess: (a) => {
      const s = sessionFromLogin(a, email);
      signIn(s);
      navigate(from && from !== '/sign-in' ? from : isHostOnly(s) ? '/offers' : '/', { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const general = formError(login.error, ['email', 'password']);
  return (
    <Paper maw={420} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('signIn.title')}</Title>
          {expired && !general && <Alert color="blue" role="status">{t('signIn.expired')}</Alert>}
          {state?.passwordChanged && !general && <Alert color="green" role="status">{t('signIn.passwordChanged')}</Alert>}
          {general && <Alert color="red" title={t('signIn.failed')} role="alert">{general}</Alert>}
          <TextInput label={t('signIn.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(login.error, 'email')} required />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(login.error, 'password')} required />
          <Button type="submit" loading={login.isPending}>{t('signIn.submit')}</Button>
          <Anchor component={Link} to="/forgot-password" size="sm">{t('signIn.forgot')}</Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

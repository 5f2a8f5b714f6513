import { Alert, Button, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldError, formError, must } from '../../api/client';
import { LANGUAGES } from '../../i18n';
import { isHostOnly, sessionFromLogin, useApi, useSession } from '../../session';

/**
 * `/accept-invitation?token=…` (the link of the invitation email, public): name, password and language
 * (POST /api/identity/invitations/accept), then signs in with the email and password. The answer names no email,
 * so the invitee types it; when the invitation was accepted but sign-in fails, only sign-in is retried.
 */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get('token') ?? '';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState(i18n.resolvedLanguage ?? 'en');
  const [accepted, setAccepted] = useState(false);
  const accept = useMutation({
    mutationFn: () => must(api.POST('/api/identity/invitations/accept', { body: { token, ...(name.trim() ? { name: name.trim() } : {}), password, language } })),
    onSuccess: () => {
      setAccepted(true);
      login.mutate();
    },
  });
  const login = useMutation({
    mutationFn: () => must(api.POST('/api/identity/login', { body: { email, password } })),
    onSuccess: (answer) => {
      const s = sessionFromLogin(answer, email);
      signIn(s);
      navigate(isHostOnly(s) ? '/household' : '/', { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (accepted) login.mutate();
    else accept.mutate();
  };
  const err = accepted ? login.error : accept.error;
  const general = formError(err, ['name', 'email', 'password', 'language', 'token']) ?? fieldError(err, 'token');
  return (
    <Paper maw={460} mx="auto" mt="lg" p="lg" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('host.accept.title')}</Title>
          {!token && <Alert color="red" role="alert">{t('host.accept.noToken')}</Alert>}
          {accepted ? <Alert color="green" role="status">{t('host.accept.accepted')}</Alert> : <Text size="sm">{t('host.accept.intro')}</Text>}
          {general && <Alert color="red" role="alert">{general}</Alert>}
          {!accepted && <TextInput label={t('host.accept.name')} autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(err, 'name')} />}
          <TextInput label={t('host.accept.email')} description={t('host.accept.emailHelp')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(err, 'email')} required />
          <PasswordInput label={t('host.accept.password')} description={accepted ? undefined : t('host.accept.passwordHelp')} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(err, 'password')} required />
          {!accepted && (
            <NativeSelect label={t('host.accept.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} error={fieldError(err, 'language')} data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))} />
          )}
          <Button type="submit" disabled={!token} loading={accept.isPending || login.isPending}>{accepted ? t('host.accept.signIn') : t('host.accept.submit')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}

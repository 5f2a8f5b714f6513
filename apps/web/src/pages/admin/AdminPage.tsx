import { Alert, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { LANGUAGES } from '../../i18n';
import { useApi, useSession } from '../../session';
import { Loading } from '../../components/Loading';

const ROLES = ['admin', 'coordinator', 'youth-manager', 'host'] as const;
type Role = (typeof ROLES)[number];
type MemberView = Schemas['OrganisationMember'];
const PAGE = 50;

type AccessAction = 'remove' | 'disable' | 'enable';

/** Remove from the organisation, disable or enable the account: each asks once more, since it ends the person's sessions at once. */
function MemberAccess({ orgId, member, self }: { orgId: string; member: MemberView; self: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<AccessAction | null>(null);
  const path = { params: { path: { orgId, userId: member.userId } } };
  const act = useMutation({
    mutationFn: (action: AccessAction) =>
      action === 'remove'
        ? must(api.DELETE('/api/identity/organisations/{orgId}/members/{userId}', path))
        : must(api.POST(action === 'disable' ? '/api/identity/organisations/{orgId}/members/{userId}/disable' : '/api/identity/organisations/{orgId}/members/{userId}/enable', path)),
    onSuccess: () => {
      setAsking(null);
      void qc.invalidateQueries({ queryKey: ['org-members', orgId] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const general = formError(act.error, []);
  const toggle: AccessAction = member.disabled ? 'enable' : 'disable';
  return (
    <Stack gap={4} aria-label={t('admin.access.of', { name: member.name })} role="group">
      {asking ? (
        <Group gap="xs">
          <Text size="sm">{t(`admin.access.confirm.${asking}`, { name: member.name })}</Text>
          <Button size="xs" color="red" loading={act.isPending} onClick={() => act.mutate(asking)}>{t(`admin.access.${asking}`)}</Button>
          <Button size="xs" variant="subtle" onClick={() => { setAsking(null); act.reset(); }}>{t('admin.access.cancel')}</Button>
        </Group>
      ) : (
        <Group gap="xs">
          <Button size="xs" variant="light" color="red" onClick={() => setAsking('remove')}>{t('admin.access.remove')}</Button>
          {!self && <Button size="xs" variant="light" color={member.disabled ? 'green' : 'orange'} onClick={() => setAsking(toggle)}>{t(`admin.access.${toggle}`)}</Button>}
        </Group>
      )}
      {general && <Alert color="red" role="alert" p="xs">{general}</Alert>}
    </Stack>
  );
}

function MemberRow({ orgId, member, self }: { orgId: string; member: MemberView; self: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<string[]>(member.roles);
  useEffect(() => setRoles(member.roles), [member.roles]);
  const save = useMutation({
    mutationFn: () => must(api.PUT('/api/identity/organisations/{orgId}/members/{userId}/roles', { params: { path: { orgId, userId: member.userId } }, body: { roles: roles as Role[] } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['org-members', orgId] }),
  });
  const changed = roles.length !== member.roles.length || roles.some((r) => !member.roles.includes(r as Role));
  const general = formError(save.error, ['roles']);
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{member.name}</Text>
        <Text size="sm">{member.email}</Text>
        {member.disabled && <Badge size="xs" color="gray">{t('admin.disabled')}</Badge>}
      </Table.Td>
      <Table.Td>{member.memberSince ? formatDate(member.memberSince.slice(0, 10), i18n.language) : '—'}</Table.Td>
      <Table.Td>
        <form onSubmit={(e: FormEvent) => { e.preventDefault(); save.mutate(); }} noValidate aria-label={t('admin.rolesOf', { name: member.name })}>
          <Stack gap={4}>
            <Checkbox.Group aria-label={t('admin.rolesOf', { name: member.name })} value={roles} onChange={setRoles} error={fieldError(save.error, 'roles')}>
              <Group gap="sm">{ROLES.map((r) => <Checkbox key={r} value={r} label={t(`admin.roleNames.${r}`)} />)}</Group>
            </Checkbox.Group>
            <Group gap="xs">
              <Button type="submit" size="xs" variant="light" disabled={!changed} loading={save.isPending}>{t('admin.saveRoles')}</Button>
              {save.isSuccess && !changed && <Text size="sm" c="green.9" role="status">{t('admin.rolesSaved')}</Text>}
            </Group>
            {general && <Alert color="red" role="alert" p="xs">{general}</Alert>}
          </Stack>
        </form>
      </Table.Td>
      <Table.Td><MemberAccess orgId={orgId} member={member} self={self} /></Table.Td>
    </Table.Tr>
  );
}

function Invite({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>(['host']);
  const [language, setLanguage] = useState('');
  const [sentTo, setSentTo] = useState('');
  const invite = useMutation({
    mutationFn: () =>
      must(api.POST('/api/identity/organisations/{orgId}/invitations', {
        params: { path: { orgId } },
        body: { email: email.trim(), roles: roles as Role[], ...(name.trim() ? { name: name.trim() } : {}), ...(language ? { language } : {}) },
      })),
    onSuccess: () => {
      setSentTo(email.trim());
      setEmail('');
      setName('');
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const general = formError(invite.error, ['email', 'name', 'roles', 'language']);
  return (
    <Card withBorder>
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); invite.mutate(); }} noValidate aria-label={t('admin.invite.title')}>
        <Stack gap="xs">
          <Title order={3}>{t('admin.invite.title')}</Title>
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <Group grow align="flex-start">
            <TextInput type="email" label={t('admin.invite.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(invite.error, 'email')} required />
            <TextInput label={t('admin.invite.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(invite.error, 'name')} />
          </Group>
          <Checkbox.Group label={t('admin.invite.roles')} value={roles} onChange={setRoles} error={fieldError(invite.error, 'roles')}>
            <Group gap="sm" mt={4}>{ROLES.map((r) => <Checkbox key={r} value={r} label={t(`admin.roleNames.${r}`)} />)}</Group>
          </Checkbox.Group>
          <NativeSelect label={t('admin.invite.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} error={fieldError(invite.error, 'language')} maw={240}
            data={[{ value: '', label: t('admin.invite.orgDefault') }, ...LANGUAGES.map((l) => ({ value: l.value, label: l.label }))]} />
          <Group>
            <Button type="submit" loading={invite.isPending}>{t('admin.invite.submit')}</Button>
            {invite.isSuccess && <Text c="green.9" role="status">{t('admin.invite.sent', { email: sentTo })}</Text>}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Audit({ names }: { names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [offset, setOffset] = useState(0);
  const audit = useQuery({
    queryKey: ['audit', offset],
    queryFn: () => must(api.GET('/api/identity/audit', { params: { query: { limit: PAGE, offset } } })),
  });
  const items = audit.data?.items ?? [];
  const total = audit.data?.total ?? 0;
  return (
    <Card withBorder>
      <Title order={3} mb="xs">{t('admin.audit.title')}</Title>
      {audit.isLoading && <Loading size="sm" />}
      {audit.error && <Alert color="red" role="alert">{(audit.error as Error).message}</Alert>}
      {audit.data && !items.length && <Text c="gray.7">{t('admin.audit.empty')}</Text>}
      {!!items.length && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('admin.audit.when')}</Table.Th><Table.Th>{t('admin.audit.who')}</Table.Th><Table.Th>{t('admin.audit.what')}</Table.Th><Table.Th>{t('admin.audit.status')}</Table.Th><Table.Th>{t('admin.audit.correlation')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.occurredAt, i18n.language)}</Table.Td>
                  <Table.Td>{a.userId ? (names.get(a.userId) ?? a.userId) : '—'}</Table.Td>
                  <Table.Td>
                    {a.action === 'sensitive-read' ? (
                      <Text size="sm">{t('admin.audit.sensitiveRead', { fields: (a.fields ?? []).map((f) => (f === 'medicalNotes' || f === 'guardianContacts' ? t(`admin.audit.${f}`) : f)).join(', '), subject: a.subjectId ?? '' })}</Text>
                    ) : a.eventCode === 'sign-in-failed' || a.eventCode === 'sign-in-throttled' ? (
                      <Text size="sm">{t(a.eventCode === 'sign-in-failed' ? 'admin.audit.signInFailed' : 'admin.audit.signInThrottled', {
                        name: a.accountUserId ? (names.get(a.accountUserId) ?? a.accountUserId) : '—', address: a.clientAddress ?? '—',
                      })}</Text>
                    ) : (
                      <Text ff="monospace" size="sm">{a.method} {a.path}</Text>
                    )}
                    {a.source && a.source !== 'gateway' && <Text size="xs" c="gray.7">{t('admin.audit.recordedBy', { source: a.source })}</Text>}
                  </Table.Td>
                  <Table.Td><Badge color={a.status >= 400 ? 'red' : 'green'}>{a.status}</Badge></Table.Td>
                  <Table.Td><Text ff="monospace" size="xs">{a.correlationId ?? ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > 0 && (
        <Group mt="xs">
          <Button size="xs" variant="subtle" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('admin.audit.newer')}</Button>
          <Text size="sm">{t('admin.audit.range', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</Text>
          <Button size="xs" variant="subtle" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('admin.audit.older')}</Button>
        </Group>
      )}
    </Card>
  );
}

export function AdminPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const orgId = session?.organisationId ?? '';
  const members = useQuery({
    queryKey: ['org-members', orgId],
    enabled: !!orgId,
    queryFn: () => must(api.GET('/api/identity/organisations/{orgId}/members', { params: { path: { orgId } } })),
  });
  const items = members.data?.items ?? [];
  const names = new Map(items.map((m) => [m.userId, m.name || m.email]));
  return (
    <Stack>
      <Title order={2}>{t('admin.title')}</Title>
      <Card withBorder>
        <Title order={3} mb="xs">{t('admin.members')}</Title>
        {members.isLoading && <Loading size="sm" />}
        {members.error && <Alert color="red" role="alert">{(members.error as Error).message}</Alert>}
        {!!items.length && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead><Table.Tr><Table.Th>{t('admin.name')}</Table.Th><Table.Th>{t('admin.since')}</Table.Th><Table.Th>{t('admin.roles')}</Table.Th><Table.Th>{t('admin.access.title')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{items.map((m) => <MemberRow key={m.userId} orgId={orgId} member={m} self={m.email.toLowerCase() === session?.email?.toLowerCase()} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Invite orgId={orgId} />
      <Audit names={names} />
    </Stack>
  );
}

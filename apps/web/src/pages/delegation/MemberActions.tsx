import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError, must, type Schemas } from '../../api/client';
import { useApi } from '../../session';

export const ROLES = ['official', 'delegate', 'student', 'chaperone', 'interpreter'] as const;
export const LODGINGS = ['homestay', 'hotel', 'none'] as const;
type Member = Schemas['Member'];
type Role = (typeof ROLES)[number];
type Lodging = (typeof LODGINGS)[number];

export function memberName(m: Member): string {
  return [m.givenName, m.familyName].filter(Boolean).join(' ') || (m.id ?? '');
}

function invalidate(qc: ReturnType<typeof useQueryClient>, delegationId: string) {
  void qc.invalidateQueries({ queryKey: ['members', delegationId] });
  void qc.invalidateQueries({ queryKey: ['guests', delegationId] });
  void qc.invalidateQueries({ queryKey: ['participants'] });
}

function EditMember({ delegationId, member, onClose }: { delegationId: string; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [role, setRole] = useState<Role>(member.role ?? 'delegate');
  const [lodgingNeed, setLodgingNeed] = useState<Lodging>(member.lodgingNeed ?? 'homestay');
  const [isLeader, setIsLeader] = useState(!!member.isLeader);
  const [notes, setNotes] = useState(member.notes ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body: { role?: string; lodgingNeed?: string; isLeader?: boolean; notes?: string } = {};
      if (role !== member.role) body.role = role;
      if (lodgingNeed !== member.lodgingNeed) body.lodgingNeed = lodgingNeed;
      if (isLeader !== !!member.isLeader) body.isLeader = isLeader;
      if (notes !== (member.notes ?? '')) body.notes = notes;
      return must(api.PATCH('/api/delegations/{id}/members/{memberId}', { params: { path: { id: delegationId, memberId: member.id! } }, body }));
    },
    onSuccess: () => {
      invalidate(qc, delegationId);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const general = formError(save.error, ['role', 'lodgingNeed', 'isLeader', 'notes']);
  const name = memberName(member);
  return (
    <form onSubmit={submit} noValidate aria-label={t('delegation.member.change', { name })}>
      <Stack gap="xs">
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <NativeSelect label={t('delegation.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} error={fieldError(save.error, 'role')}
          data={ROLES.map((r) => ({ value: r, label: t(`delegation.roles.${r}`) }))} />
        <NativeSelect label={t('delegation.lodging')} value={lodgingNeed} onChange={(e) => setLodgingNeed(e.currentTarget.value as Lodging)} error={fieldError(save.error, 'lodgingNeed')}
          data={LODGINGS.map((r) => ({ value: r, label: t(`delegation.lodgings.${r}`) }))} />
        <Checkbox label={t('delegation.leader')} checked={isLeader} onChange={(e) => setIsLeader(e.currentTarget.checked)} error={fieldError(save.error, 'isLeader')} />
        <Textarea label={t('delegation.member.notes')} rows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError(save.error, 'notes')} />
        <Group>
          <Button type="submit" loading={save.isPending}>{t('delegation.member.save')}</Button>
          <Button variant="subtle" onClick={onClose}>{t('delegation.member.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A member row's actions: change role, lodging need, leader flag and notes (in a dialog), or remove (after a confirmation). */
export function MemberActions({ delegationId, member }: { delegationId: string; member: Member }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = memberName(member);
  const remove = useMutation({
    mutationFn: () => must(api.DELETE('/api/delegations/{id}/members/{memberId}', { params: { path: { id: delegationId, memberId: member.id! } } })),
    onSuccess: () => invalidate(qc, delegationId),
  });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {!confirming && (
          <>
            <Button size="xs" variant="light" aria-label={t('delegation.member.editLabel', { name })} onClick={() => setEditing(true)}>{t('delegation.member.edit')}</Button>
            <Button size="xs" variant="subtle" color="red" aria-label={t('delegation.member.removeLabel', { name })} onClick={() => setConfirming(true)}>{t('delegation.member.remove')}</Button>
          </>
        )}
        {confirming && (
          <>
            <Button size="xs" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>{t('delegation.member.confirmRemove', { name })}</Button>
            <Button size="xs" variant="subtle" onClick={() => setConfirming(false)}>{t('delegation.member.keep')}</Button>
          </>
        )}
      </Group>
      {remove.error && <Alert color="red" role="alert" p="xs">{formError(remove.error, [])}</Alert>}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('delegation.member.change', { name })}>
        {editing && <EditMember delegationId={delegationId} member={member} onClose={() => setEditing(false)} />}
      </Modal>
    </Stack>
  );
}

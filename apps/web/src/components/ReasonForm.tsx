import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldError, formError } from '../api/client';

/**
 * The short form that asks a host why (declining an offer, withdrawing from a placement): the API's message shows at
 * the reason field, anything else above it, and what was typed stays when the request fails.
 */
export function ReasonForm({ label, confirm, back, error, pending, onSubmit, onBack }: {
  label: string;
  confirm: string;
  back: string;
  error: unknown;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onBack: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason);
  };
  const general = formError(error, ['reason']);
  return (
    <form onSubmit={submit} noValidate aria-label={confirm}>
      <Stack gap="xs">
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <Textarea label={label} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(error, 'reason')} rows={3} required />
        <Group>
          <Button type="submit" color="red" loading={pending}>{confirm}</Button>
          <Button variant="subtle" onClick={onBack}>{back}</Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A delegation's or an offer's status as a dot badge with its translated name (the dot's colour is never the only cue). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = ({ confirmed: 'green', accepted: 'green', 'in-progress': 'blue', offered: 'blue', cancelled: 'gray', declined: 'red', expired: 'orange', draft: 'gray' } as Record<string, string>)[status] ?? 'indigo';
  return <Badge color={color}>{t(`status.${status}`, { defaultValue: status })}</Badge>;
}

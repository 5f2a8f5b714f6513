import { Loader, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner screen readers announce ("Loading…"): a progressbar with a name, which axe-core asks of a labelled spinner. */
export function Loading({ size }: { size?: MantineSize }) {
  const { t } = useTranslation();
  return <Loader size={size} role="progressbar" aria-label={t('common.loading')} />;
}

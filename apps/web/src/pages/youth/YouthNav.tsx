import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The youth programme manager's sections. */
export function YouthNav() {
  const { t } = useTranslation();
  const links = [
    ['/youth/participants', t('youth.participants')],
    ['/youth/check-ins', t('youth.checkIns')],
    ['/youth/incidents', t('youth.incidents')],
    ['/youth/reports', t('youth.reports')],
  ] as const;
  return (
    <Group component="nav" aria-label={t('youth.nav')} gap="md" mb="md">
      {links.map(([to, label]) => (
        <Anchor key={to} component={NavLink} to={to} end fw={500}>{label}</Anchor>
      ))}
    </Group>
  );
}


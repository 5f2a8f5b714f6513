import { AppShell, Anchor, Badge, Button, createTheme, Group, MantineProvider, NativeSelect, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, type RouterProps } from 'react-router';
import { LANGUAGES } from './i18n';
import { DashboardPage } from './pages/DashboardPage';
import { DelegationPage } from './pages/DelegationPage';
import { HostOfferPage, HostOffersPage } from './pages/HostOffersPage';
import { AcceptInvitationPage } from './pages/host/AcceptInvitationPage';
import { HouseholdPage } from './pages/host/HouseholdPage';
import { TravelPage } from './pages/travel/TravelPage';
import { SignInPage } from './pages/SignInPage';
import { AdminPage } from './pages/admin/AdminPage';
import { CheckInsPage } from './pages/youth/CheckInsPage';
import { IncidentsPage } from './pages/youth/IncidentsPage';
import { ParticipantRecordPage, ParticipantsPage } from './pages/youth/ParticipantsPage';
import { ReportsPage } from './pages/youth/ReportsPage';
import { isHostOnly, SessionProvider, useSession, type Session } from './session';

// darker shades than Mantine's defaults, so text in the primary colour, light badges and outline buttons reach the
// WCAG AA contrast of 4.5:1 on white (axe-core checks it in the browser tests); badges as a coloured dot beside text
// in the body colour, since Mantine's green and orange, light or filled, are too pale to carry text
export const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  components: { Badge: Badge.extend({ defaultProps: { variant: 'dot' } }) },
});

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      size="xs"
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
    />
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const hostOnly = isHostOnly(session);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Title order={1} size="h4">{t('app.title')}</Title>
            {session && !hostOnly && <Anchor component={Link} to="/">{t('app.dashboard')}</Anchor>}
            {session?.roles.includes('host') && <Anchor component={Link} to="/household">{t('host.nav')}</Anchor>}
            {session?.roles.includes('host') && <Anchor component={Link} to="/offers">{t('app.offers')}</Anchor>}
            {session?.roles.some((r) => r === 'youth-manager' || r === 'admin') && <Anchor component={Link} to="/youth/participants">{t('youth.nav')}</Anchor>}
            {session?.roles.includes('admin') && <Anchor component={Link} to="/admin">{t('admin.nav')}</Anchor>}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {session && <Button variant="subtle" size="xs" onClick={signOut}>{t('app.signOut')}</Button>}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function Home() {
  const { session } = useSession();
  return isHostOnly(session) ? <Navigate to="/offers" replace /> : <DashboardPage />;
}

export function AppRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
        <Route path="/" element={<RequireSession><Home /></RequireSession>} />
        <Route path="/delegations/:id" element={<RequireSession><DelegationPage /></RequireSession>} />
        <Route path="/delegations/:id/travel" element={<RequireSession><TravelPage /></RequireSession>} />
        <Route path="/household" element={<RequireSession><HouseholdPage /></RequireSession>} />
        <Route path="/offers" element={<RequireSession><HostOffersPage /></RequireSession>} />
        <Route path="/offers/:offerId" element={<RequireSession><HostOfferPage /></RequireSession>} />
        <Route path="/youth/participants" element={<RequireSession><ParticipantsPage /></RequireSession>} />
        <Route path="/youth/participants/:participantId" element={<RequireSession><ParticipantRecordPage /></RequireSession>} />
        <Route path="/youth/check-ins" element={<RequireSession><CheckInsPage /></RequireSession>} />
        <Route path="/youth/incidents" element={<RequireSession><IncidentsPage /></RequireSession>} />
        <Route path="/youth/reports" element={<RequireSession><ReportsPage /></RequireSession>} />
        <Route path="/admin" element={<RequireSession><AdminPage /></RequireSession>} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}

export interface AppProps {
  i18n: i18n;
  /** tests: a fake fetch, a session, a router (MemoryRouter) */
  fetchImpl?: typeof fetch;
  session?: Session | null;
  Router?: React.ComponentType<{ children: ReactNode } & Partial<RouterProps>>;
}

export function App({ i18n, fetchImpl, session, Router = BrowserRouter }: AppProps) {
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }), []);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider fetchImpl={fetchImpl} initial={session}>
            <Router>
              <AppRoutes />
            </Router>
          </SessionProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

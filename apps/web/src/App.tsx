import { AppShell, Anchor, Badge, Burger, Button, Center, createTheme, Group, MantineProvider, NativeSelect, Stack, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { lazy, Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate, type RouterProps } from 'react-router';
import { LANGUAGES } from './i18n';
import { SignInPage } from './pages/SignInPage';
import { isHostOnly, SessionProvider, useSession, type Session } from './session';
import { Loading } from './components/Loading';

// Each page but the sign-in page is its own chunk, fetched when its route is first shown: a host on a phone downloads
// the shell and the host screens, not the coordinator's delegation and travel pages, the youth pages or the admin page.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const DelegationPage = lazy(() => import('./pages/DelegationPage').then((m) => ({ default: m.DelegationPage })));
const NewDelegationPage = lazy(() => import('./pages/delegation/NewDelegationPage').then((m) => ({ default: m.NewDelegationPage })));
const TravelPage = lazy(() => import('./pages/travel/TravelPage').then((m) => ({ default: m.TravelPage })));
const HostOffersPage = lazy(() => import('./pages/HostOffersPage').then((m) => ({ default: m.HostOffersPage })));
const HostOfferPage = lazy(() => import('./pages/HostOffersPage').then((m) => ({ default: m.HostOfferPage })));
const HouseholdPage = lazy(() => import('./pages/host/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const AcceptInvitationPage = lazy(() => import('./pages/host/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));
const ParticipantsPage = lazy(() => import('./pages/youth/ParticipantsPage').then((m) => ({ default: m.ParticipantsPage })));
const ParticipantRecordPage = lazy(() => import('./pages/youth/ParticipantsPage').then((m) => ({ default: m.ParticipantRecordPage })));
const CheckInsPage = lazy(() => import('./pages/youth/CheckInsPage').then((m) => ({ default: m.CheckInsPage })));
const IncidentsPage = lazy(() => import('./pages/youth/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const ReportsPage = lazy(() => import('./pages/youth/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));

// darker shades than Mantine's defaults, so text in the primary colour, light badges and outline buttons reach the
// WCAG AA contrast of 4.5:1 on white (axe-core checks it in the browser tests); badges as a coloured dot beside text
// in the body colour, since Mantine's green and orange, light or filled, are too pale to carry text
export const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  // Mantine's green with darker shades 7-9: success text (c="green") and filled green reach 4.5:1 on white
  colors: {
    green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#2b8a3e', '#1e6b30', '#185a28'],
    // gray 6 is Mantine's "dimmed" (input descriptions, secondary text): darker for 4.5:1
    gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5c636a', '#495057', '#343a40', '#212529'],
    // orange from shade 6 (warnings: conflicts, pickup issues, unplaced counts)
    orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#b34700', '#a34100', '#943b00', '#7f3300'],
    // red from shade 6 (Mantine's error colour: the messages next to their field)
    red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#c92a2a', '#b02525', '#a61e1e', '#8a1c1c'],
  },
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

/** Narrower than this, the navigation folds into a menu behind a burger button (a phone, a narrow window). */
const NARROW = '(max-width: 61.99em)';

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const [menuOpen, menu] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  const closeMenu = menu.close;
  // a new page, or a window grown wide enough for the links: the menu closes
  useEffect(() => {
    closeMenu();
  }, [pathname, narrow, closeMenu]);
  const hostOnly = isHostOnly(session);
  const links = [
    session && !hostOnly && { to: '/', label: t('app.dashboard') },
    session?.roles.includes('host') && { to: '/household', label: t('host.nav') },
    session?.roles.includes('host') && { to: '/offers', label: t('app.offers') },
    session?.roles.some((r) => r === 'youth-manager' || r === 'admin') && { to: '/youth/participants', label: t('youth.nav') },
    session?.roles.includes('admin') && { to: '/admin', label: t('admin.nav') },
  ].filter((l): l is { to: string; label: string } => !!l);
  const leave = () => {
    signOut();
    navigate('/sign-in', { replace: true });
  };
  const signOutButton = session && <Button variant="subtle" size="xs" onClick={leave}>{t('app.signOut')}</Button>;
  const folded = narrow && !!session;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !(folded && menuOpen), desktop: true } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Title order={1} size="h4">{t('app.title')}</Title>
            {!folded && !!links.length && (
              <Group component="nav" aria-label={t('app.navigation')} gap="md" wrap="nowrap">
                {links.map((l) => <Anchor key={l.to} component={Link} to={l.to}>{l.label}</Anchor>)}
              </Group>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {!folded && signOutButton}
            {folded && <Burger ref={burger} opened={menuOpen} onClick={menu.toggle} size="sm" aria-label={t('app.menu')} aria-expanded={menuOpen} aria-controls="app-menu" />}
          </Group>
        </Group>
      </AppShell.Header>
      {folded && (
        <AppShell.Navbar id="app-menu" p="md" aria-label={t('app.navigation')} onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            menu.close();
            burger.current?.focus();
          }}
        >
          {menuOpen && (
            <Stack gap="md" align="flex-start">
              {links.map((l) => <Anchor key={l.to} component={Link} to={l.to} onClick={menu.close}>{l.label}</Anchor>)}
              {signOutButton}
            </Stack>
          )}
        </AppShell.Navbar>
      )}
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

/** Shown while a page's chunk loads (the first visit to a route). */
function PageLoader() {
  return (
    <Center py="xl">
      <Loading />
    </Center>
  );
}

export function AppRoutes() {
  return (
    <Shell>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/" element={<RequireSession><Home /></RequireSession>} />
          <Route path="/delegations/new" element={<RequireSession><NewDelegationPage /></RequireSession>} />
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
      </Suspense>
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

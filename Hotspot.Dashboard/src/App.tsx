import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { currentSession, msUntilExpiry, onSessionChange, signOut, type Session } from './api/session';
import { rememberedOrganization, rememberOrganization, WorkspaceContext, type Workspace } from './api/organizationContext';
import { Link, Loading } from './components/ui';
import { navigate, useLocation } from './lib/routing';
import { SignIn } from './screens/SignIn';
import { Overview } from './screens/Overview';
import { Organizations } from './screens/Organizations';
import { Users } from './screens/Users';
import { PaymentSettings } from './screens/PaymentSettings';
import { Plans } from './screens/Plans';
import { Vouchers } from './screens/Vouchers';
import { PrintVouchers } from './screens/PrintVouchers';
import { Purchases } from './screens/Purchases';
import { Transactions } from './screens/Transactions';
import { Review } from './screens/Review';
import { Revenue } from './screens/Revenue';
import { Routers } from './screens/Routers';
import { OrganizationPicker } from './components/OrganizationPicker';

// GraphiQL (and its editor) loads only when the explorer is opened.
const Explorer = lazy(() => import('./screens/Explorer'));

const screens: { path: string; label: string; needsOrganization: boolean; platformOnly?: boolean }[] = [
  { path: '/', label: 'Overview', needsOrganization: true },
  { path: '/organizations', label: 'Organizations', needsOrganization: false, platformOnly: true },
  { path: '/users', label: 'Users', needsOrganization: true },
  { path: '/payment-settings', label: 'Payment settings', needsOrganization: true },
  { path: '/plans', label: 'Plans', needsOrganization: true },
  { path: '/vouchers', label: 'Vouchers', needsOrganization: true },
  { path: '/purchases', label: 'Purchases', needsOrganization: true },
  { path: '/transactions', label: 'Transactions', needsOrganization: true },
  { path: '/review', label: 'Review queue', needsOrganization: true },
  { path: '/revenue', label: 'Revenue', needsOrganization: true },
  { path: '/routers', label: 'Routers', needsOrganization: true },
  { path: '/explorer', label: 'API explorer', needsOrganization: false },
];

export function App() {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const client = useApolloClient();
  const location = useLocation();

  useEffect(() => onSessionChange((next) => {
    setSession(next);
    if (!next) {
      rememberOrganization(null, null);
      void client.clearStore();
    }
  }), [client]);

  // Sign out when the token expires, even if the tab sits idle.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => signOut(), Math.min(msUntilExpiry(session), 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [session]);

  if (!session) return <SignIn expired={location.query.get('expired') === '1'} />;
  return <SignedIn session={session} />;
}

function SignedIn({ session }: { session: Session }) {
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [chosen, setChosen] = useState<{ id: string; name: string | null } | null>(() =>
    session.organizationId ? { id: session.organizationId, name: null } : rememberedOrganization());

  const workspace = useMemo<Workspace>(() => ({
    session,
    organizationId: session.organizationId ?? chosen?.id ?? null,
    organizationName: chosen?.name ?? null,
    chooseOrganization: (id, name = null) => {
      rememberOrganization(id, name);
      setChosen(id ? { id, name } : null);
    },
    canChange: session.role !== 'ORGANIZATION_VIEWER',
  }), [session, chosen]);

  useEffect(() => setMenuOpen(false), [location.path]);

  const isPlatform = session.role === 'PLATFORM_ADMIN';
  const screen = screens.find((s) => s.path === location.path);
  const visible = screens.filter((s) => !s.platformOnly || isPlatform);

  let content;
  if (location.path === '/vouchers/print') content = <PrintVouchers />;
  else if (screen?.needsOrganization && !workspace.organizationId)
    content = <ChooseFirst isPlatform={isPlatform} />;
  else content = route(location.path);

  if (location.path === '/vouchers/print')
    return <WorkspaceContext.Provider value={workspace}>{content}</WorkspaceContext.Provider>;

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="shell">
        <header className="topbar">
          <button type="button" className="menu-button" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
          <span className="brand">Hotspot admin</span>
          {isPlatform ? <OrganizationPicker /> : null}
          <span className="who" title={session.role}>{session.email}</span>
          <button type="button" className="sign-out" data-testid="sign-out" onClick={() => { signOut(); navigate('/', { replace: true }); }}>Sign out</button>
        </header>
        <nav className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Screens">
          {visible.map((s) => (
            <Link key={s.path} to={s.path} className={s.path === location.path ? 'active' : undefined} testId={`nav${s.path === '/' ? '-overview' : s.path.replace('/', '-')}`}>
              {s.label}
            </Link>
          ))}
        </nav>
        <main className="content">
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </main>
      </div>
    </WorkspaceContext.Provider>
  );
}

function route(path: string) {
  switch (path) {
    case '/': return <Overview />;
    case '/organizations': return <Organizations />;
    case '/users': return <Users />;
    case '/payment-settings': return <PaymentSettings />;
    case '/plans': return <Plans />;
    case '/vouchers': return <Vouchers />;
    case '/purchases': return <Purchases />;
    case '/transactions': return <Transactions />;
    case '/review': return <Review />;
    case '/revenue': return <Revenue />;
    case '/routers': return <Routers />;
    case '/explorer': return <Explorer />;
    default: return <section className="page"><h1>Not found</h1><p><Link to="/">Back to the overview</Link></p></section>;
  }
}

function ChooseFirst({ isPlatform }: { isPlatform: boolean }) {
  return (
    <section className="page">
      <h1>Choose an organization</h1>
      {isPlatform
        ? <p>Pick an organization at the top, or <Link to="/organizations">create one</Link>.</p>
        : <p>Your account belongs to no organization.</p>}
    </section>
  );
}

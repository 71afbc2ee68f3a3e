import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LOGOUT } from '../graphql/operations';
import { useT } from '../i18n/LocaleProvider';
import { useSessionControl } from '../session/ApiProvider';
import { useMyDirectoryEntry } from '../session/useMyDirectoryEntries';
import { useViewerState } from '../session/ViewerProvider';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout() {
  const t = useT();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's heading so
  // screen readers announce it and keyboard users start from the top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
    if (!heading) window.scrollTo(0, 0);
  }, [location.pathname]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('web-skip-to-content')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('web-footer-desks')}</p>
        </div>
      </footer>
    </div>
  );
}

function Header() {
  const t = useT();
  const { state } = useViewerState();
  const viewer = state.viewer;
  const signedOut = state.status !== 'loading' && viewer === null;
  const navigate = useNavigate();
  const { resetSession } = useSessionControl();
  const [, logout] = useMutation(LOGOUT);
  const [loggingOut, setLoggingOut] = useState(false);
  const ownEntry = useMyDirectoryEntry(viewer);

  const onLogout = async () => {
    if (loggingOut) return;
    setLoggingOut(true);
    await logout({});
    setLoggingOut(false);
    resetSession();
    navigate('/', { state: { notice: 'logged-out' } });
  };

  const isDeskMember = viewer?.role === 'ADVISOR' || viewer?.role === 'STAFF';
  const isAdmin = viewer?.role === 'ADMIN';
  const receivesIntroductions =
    viewer?.role === 'ADVISOR' || viewer?.role === 'SUPPORTER_MEMBER' || viewer?.role === 'VC_MEMBER';

  return (
    <header className="site-header">
      <div className="container header-bar">
        <Link to="/" className="brand">
          <span className="brand-name">{t('web-app-name')}</span>
          <span className="brand-tagline">{t('web-app-tagline')}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {viewer ? (
            <div className="header-user">
              <span className="header-user-name" data-testid="viewer-name">
                {viewer.displayName}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => void onLogout()}
                aria-busy={loggingOut || undefined}
              >
                {t('web-nav-logout')}
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <nav className="site-nav" aria-label={t('web-nav-label')}>
        <ul className="container">
          <li>
            <NavLink to="/" end>
              {t('web-nav-home')}
            </NavLink>
          </li>
          {signedOut ? (
            <>
              <li>
                <NavLink to="/login">{t('web-nav-login')}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t('web-nav-signup')}</NavLink>
              </li>
            </>
          ) : null}
          {viewer?.role === 'REQUESTER' ? (
            <>
              <li>
                <NavLink to="/consultations" end>
                  {t('web-nav-my-consultations')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/consultations/new">{t('web-nav-new-consultation')}</NavLink>
              </li>
            </>
          ) : null}
          {isDeskMember || isAdmin ? (
            <li>
              <NavLink to="/queue">{t('web-nav-queue')}</NavLink>
            </li>
          ) : null}
          {isDeskMember || isAdmin ? (
            <li>
              <NavLink to="/reports">{t('web-nav-reports')}</NavLink>
            </li>
          ) : null}
          {isDeskMember
            ? viewer.desks.map((desk) => (
                <li key={desk.id}>
                  <NavLink to={`/desks/${encodeURIComponent(desk.id)}`}>{desk.name}</NavLink>
                </li>
              ))
            : null}
          {receivesIntroductions ? (
            <li>
              <NavLink to="/introductions" end>
                {t('web-nav-introductions')}
              </NavLink>
            </li>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/grants">{t('web-nav-grants')}</NavLink>
            </li>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/directory" end>
                {t('web-nav-directory')}
              </NavLink>
            </li>
          ) : null}
          {ownEntry ? (
            <li>
              {ownEntry.kind === 'ADVISOR' ? (
                <NavLink to={`/directory/${encodeURIComponent(ownEntry.id)}/edit`}>
                  {t('web-nav-my-directory-profile')}
                </NavLink>
              ) : (
                <NavLink to={`/directory/${encodeURIComponent(ownEntry.id)}`}>
                  {t('web-nav-our-directory-entry')}
                </NavLink>
              )}
            </li>
          ) : null}
          {isAdmin ? (
            <>
              <li>
                <NavLink to="/admin/users">{t('web-nav-admin-users')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/desks">{t('web-nav-admin-desks')}</NavLink>
              </li>
              <li>
                <NavLink to="/admin/taxonomy">{t('web-nav-admin-taxonomy')}</NavLink>
              </li>
            </>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/account">{t('web-nav-account')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

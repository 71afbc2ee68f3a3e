import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { Notice } from '../components/forms';
import { Loading, Page } from '../components/Page';
import { PUBLIC_DESKS } from '../graphql/operations';
import type { Viewer } from '../graphql/types';
import { countryName } from '../i18n/countries';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { useViewerState } from '../session/ViewerProvider';

export function HomePage() {
  const { state } = useViewerState();
  if (state.status === 'loading') return <Loading />;
  return state.viewer ? <Dashboard viewer={state.viewer} /> : <Welcome />;
}

function Dashboard({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const { locale } = useLocale();
  const isDeskMember = viewer.role === 'ADVISOR' || viewer.role === 'STAFF';
  return (
    <Page title={t('web-home-greeting', { name: viewer.displayName })}>
      <section className="panel" aria-labelledby="home-profile">
        <h2 id="home-profile">{t('web-home-profile-heading')}</h2>
        <dl className="details">
          <dt>{t('web-home-role')}</dt>
          <dd data-testid="viewer-role">{viewer.roleLabel}</dd>
          <dt>{t('web-field-email')}</dt>
          <dd>{viewer.email}</dd>
          {viewer.organisation ? (
            <>
              <dt>{t('web-home-organisation')}</dt>
              <dd>
                {viewer.organisation.name}
                <span className="muted">
                  {' '}
                  {t('web-home-organisation-detail', {
                    kind: viewer.organisation.kindLabel,
                    country: countryName(viewer.organisation.countryCode, locale),
                  })}
                </span>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {viewer.role === 'REQUESTER' ? (
        <section className="panel" aria-labelledby="home-consultations">
          <h2 id="home-consultations">{t('web-home-consultations-heading')}</h2>
          <p>{t('web-home-consultations-lead')}</p>
          <div className="button-row">
            <Link className="button button-primary" to="/consultations/new">
              {t('web-nav-new-consultation')}
            </Link>
            <Link className="button" to="/consultations">
              {t('web-nav-my-consultations')}
            </Link>
          </div>
        </section>
      ) : null}

      {isDeskMember || viewer.role === 'ADMIN' ? (
        <section className="panel" aria-labelledby="home-queue">
          <h2 id="home-queue">{t('web-home-queue-heading')}</h2>
          <p>{t('web-home-queue-lead')}</p>
          <div className="button-row">
            <Link className="button button-primary" to="/queue">
              {t('web-home-queue-link')}
            </Link>
          </div>
        </section>
      ) : null}

      {viewer.role === 'ADVISOR' || viewer.role === 'SUPPORTER_MEMBER' || viewer.role === 'VC_MEMBER' ? (
        <section className="panel" aria-labelledby="home-introductions">
          <h2 id="home-introductions">{t('web-home-introductions-heading')}</h2>
          <p>{t('web-home-introductions-lead')}</p>
          <div className="button-row">
            <Link className="button" to="/introductions">
              {t('web-home-introductions-link')}
            </Link>
          </div>
        </section>
      ) : null}

      {isDeskMember ? (
        <section className="panel" aria-labelledby="home-desks">
          <h2 id="home-desks">{t('web-home-desks-heading')}</h2>
          {viewer.desks.length === 0 ? (
            <p>{t('web-home-no-desks')}</p>
          ) : (
            <ul className="link-list">
              {viewer.desks.map((desk) => (
                <li key={desk.id}>
                  <Link to={`/desks/${encodeURIComponent(desk.id)}`}>{desk.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {viewer.role === 'ADMIN' ? (
        <section className="panel" aria-labelledby="home-admin">
          <h2 id="home-admin">{t('web-home-admin-heading')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/users">{t('web-nav-admin-users')}</Link>
            </li>
            <li>
              <Link to="/admin/desks">{t('web-nav-admin-desks')}</Link>
            </li>
            <li>
              <Link to="/admin/taxonomy">{t('web-nav-admin-taxonomy')}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      <p>
        <Link to="/account">{t('web-home-account-link')}</Link>
      </p>
    </Page>
  );
}

interface PublicDesk {
  id: string;
  code: string;
  name: string;
  description: string;
}

function Welcome() {
  const t = useT();
  const location = useLocation();
  const loggedOut = (location.state as { notice?: string } | null)?.notice === 'logged-out';
  const [{ data }] = useQuery<{ desks: PublicDesk[] }>({ query: PUBLIC_DESKS });
  return (
    <Page title={t('web-home-welcome-title')} lead={<p>{t('web-home-welcome-lead')}</p>}>
      {loggedOut ? <Notice>{t('web-notice-logged-out')}</Notice> : null}
      <div className="button-row">
        <Link className="button button-primary" to="/signup">
          {t('web-home-signup-cta')}
        </Link>
        <Link className="button" to="/login">
          {t('web-home-login-cta')}
        </Link>
      </div>
      {data?.desks.length ? (
        <section aria-labelledby="home-public-desks">
          <h2 id="home-public-desks">{t('web-home-desks-public-heading')}</h2>
          <ul className="card-list">
            {data.desks.map((desk) => (
              <li key={desk.id} className="card">
                <h3>{desk.name}</h3>
                <p>{desk.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

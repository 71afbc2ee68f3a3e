import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import type { Role } from '../../graphql/types';
import { useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { GRANT_PROGRAMMES } from './grantOperations';
import {
  ApplicationList,
  ApplicationStatusBadge,
  ApplicationWindow,
  GRANTS_CONTEXT,
  OpenBadge,
  ThemeList,
  Yen,
} from './GrantParts';
import type { GrantProgrammeRow } from './grantTypes';

/** Who sees which applications below the programmes, and what the list is called for them. */
const APPLICATION_LISTS: Partial<Record<Role, { heading: string; lead: string; empty: string }>> = {
  REQUESTER: {
    heading: 'web-grant-list-my-applications',
    lead: 'web-grant-list-my-applications-lead',
    empty: 'web-grant-list-my-applications-empty',
  },
  ADVISOR: {
    heading: 'web-grant-list-to-review',
    lead: 'web-grant-list-to-review-lead',
    empty: 'web-grant-list-to-review-empty',
  },
  STAFF: {
    heading: 'web-grant-list-received',
    lead: 'web-grant-list-received-lead',
    empty: 'web-grant-list-received-empty',
  },
  ADMIN: {
    heading: 'web-grant-list-received',
    lead: 'web-grant-list-received-lead',
    empty: 'web-grant-list-received-empty',
  },
};

/**
 * The Healthtech Challenge programmes, newest fiscal year first: requesters apply or open
 * their application, staff and admins set up programmes; below, the applications the reader
 * has to do with.
 */
export function GrantProgrammesPage() {
  const t = useT();
  const viewer = useViewer();
  const [{ data, fetching, error }] = useQuery<{ grantProgrammes: GrantProgrammeRow[] }>({
    query: GRANT_PROGRAMMES,
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (!viewer) return null;
  const programmes = data?.grantProgrammes;
  const sets = viewer.role === 'STAFF' || viewer.role === 'ADMIN';
  const applications = APPLICATION_LISTS[viewer.role];

  return (
    <Page
      title={t('web-grant-list-title')}
      lead={<p>{t('web-grant-list-lead')}</p>}
      actions={
        sets ? (
          <Link className="button button-primary" to="/grants/programmes/new">
            {t('web-grant-list-new-programme')}
          </Link>
        ) : null
      }
    >
      <ErrorSummary problem={toProblem(error)} />
      {!programmes ? (
        fetching ? (
          <Loading />
        ) : null
      ) : programmes.length === 0 ? (
        <section className="panel empty-state" data-testid="grant-programmes-empty">
          <p>{t('web-grant-list-empty')}</p>
        </section>
      ) : (
        <ul className="grant-programmes" data-testid="grant-programmes">
          {programmes.map((programme) => (
            <ProgrammeItem key={programme.id} programme={programme} applies={viewer.role === 'REQUESTER'} />
          ))}
        </ul>
      )}
      {applications ? (
        <section className="panel" aria-labelledby="grant-applications-heading">
          <h2 id="grant-applications-heading">{t(applications.heading)}</h2>
          <p className="muted">{t(applications.lead)}</p>
          <ApplicationList
            programmeId={null}
            status={null}
            caption={t(applications.heading)}
            empty={<p>{t(applications.empty)}</p>}
            testId="grant-applications"
          />
        </section>
      ) : null}
    </Page>
  );
}

function ProgrammeItem({ programme: p, applies }: { programme: GrantProgrammeRow; applies: boolean }) {
  const t = useT();
  const headingId = `grant-programme-${p.id}`;
  const own = p.myApplication;
  return (
    <li className="panel grant-programme" aria-labelledby={headingId} data-testid="grant-programme">
      <div className="panel-header">
        <h2 id={headingId}>
          <Link to={`/grants/programmes/${encodeURIComponent(p.id)}`}>{p.name}</Link>
        </h2>
        <OpenBadge isOpen={p.isOpen} />
      </div>
      <p className="muted" data-testid="programme-desk">
        {t('web-grant-run-by', { desk: p.deskName })}
      </p>
      <dl className="details details-columns">
        <div>
          <dt>{t('web-grant-fiscal-year')}</dt>
          <dd>{p.fiscalYearLabel}</dd>
        </div>
        <div>
          <dt>{t('web-grant-window')}</dt>
          <dd>
            <ApplicationWindow opensOn={p.opensOn} closesOn={p.closesOn} />
          </dd>
        </div>
        <div>
          <dt>{t('web-grant-ceiling')}</dt>
          <dd>
            <Yen value={p.awardCeilingYen} />
          </dd>
        </div>
        {p.matchRatio !== null ? (
          <div>
            <dt>{t('web-grant-match-ratio')}</dt>
            <dd>{t('web-grant-match-ratio-value', { count: p.matchRatio })}</dd>
          </div>
        ) : null}
      </dl>
      <h3 className="grant-subheading">{t('web-grant-themes')}</h3>
      <ThemeList themes={p.themeOptions} />
      {applies ? (
        <div className="button-row">
          {own ? (
            <>
              <Link
                className="button button-primary"
                to={`/grants/applications/${encodeURIComponent(own.id)}`}
                data-testid="open-my-application"
              >
                {t('web-grant-list-open-my-application')}
              </Link>
              <ApplicationStatusBadge status={own.status} label={own.statusLabel} />
            </>
          ) : p.isOpen ? (
            <Link
              className="button button-primary"
              to={`/grants/programmes/${encodeURIComponent(p.id)}/apply`}
              data-testid="apply"
            >
              {t('web-grant-list-apply')}
            </Link>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Notice, SelectField } from '../../components/forms';
import { Page } from '../../components/Page';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { ProgrammeMissing, type GrantNotice } from './GrantProgrammeFormPage';
import { GRANT_PROGRAMME } from './grantOperations';
import {
  ApplicationList,
  ApplicationStatusBadge,
  ApplicationWindow,
  GRANTS_CONTEXT,
  OpenBadge,
  ThemeList,
  Yen,
} from './GrantParts';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type GrantBudget,
  type GrantProgramme,
} from './grantTypes';

/** Staff never see drafts. */
const RECEIVED_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'DRAFT');

function readStatus(value: string | null): ApplicationStatus | null {
  return RECEIVED_STATUSES.find((status) => status === value) ?? null;
}

/**
 * One programme: what it funds and how applications are reviewed; for those who run it, where
 * its money stands and the applications received.
 */
export function GrantProgrammePage() {
  const t = useT();
  const viewer = useViewer();
  const location = useLocation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery<{ grantProgramme: GrantProgramme }>({
    query: GRANT_PROGRAMME,
    variables: { id },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const programme = data?.grantProgramme ?? null;
  if (!viewer) return null;
  if (!programme) return <ProgrammeMissing fetching={fetching} error={error} />;
  const p = programme;
  const notice = (location.state as GrantNotice | null)?.grantNotice;
  const own = p.myApplication;

  return (
    <Page
      title={p.name}
      lead={
        <>
          <p className="badges-inline">
            {p.fiscalYearLabel} <OpenBadge isOpen={p.isOpen} />
          </p>
          <p data-testid="programme-desk">{t('web-grant-run-by', { desk: p.deskName })}</p>
        </>
      }
      actions={
        <>
          {p.canManage ? (
            <Link className="button" to={`/grants/programmes/${encodeURIComponent(p.id)}/edit`}>
              {t('web-action-edit')}
            </Link>
          ) : null}
          {viewer.role === 'REQUESTER' && own ? (
            <Link
              className="button button-primary"
              to={`/grants/applications/${encodeURIComponent(own.id)}`}
              data-testid="open-my-application"
            >
              {t('web-grant-list-open-my-application')}
            </Link>
          ) : null}
          {viewer.role === 'REQUESTER' && !own && p.isOpen ? (
            <Link
              className="button button-primary"
              to={`/grants/programmes/${encodeURIComponent(p.id)}/apply`}
              data-testid="apply"
            >
              {t('web-grant-list-apply')}
            </Link>
          ) : null}
        </>
      }
    >
      {notice ? (
        <Notice>
          <p data-testid="grant-notice">{notice}</p>
        </Notice>
      ) : null}
      {own ? (
        <p data-testid="my-application-status">
          {t('web-grant-programme-my-application')}{' '}
          <ApplicationStatusBadge status={own.status} label={own.statusLabel} />
        </p>
      ) : null}

      <section className="panel" aria-labelledby="programme-overview" data-testid="programme-overview">
        <h2 id="programme-overview">{t('web-grant-programme-overview')}</h2>
        {p.description ? <div className="text-block grant-description">{p.description}</div> : null}
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
              <Yen value={p.awardCeilingYen} testId="programme-ceiling" />
            </dd>
          </div>
          <div>
            <dt>{t('web-grant-match-ratio')}</dt>
            <dd>
              {p.matchRatio !== null
                ? t('web-grant-match-ratio-value', { count: p.matchRatio })
                : t('web-grant-match-ratio-none')}
            </dd>
          </div>
        </dl>
        <h3 className="grant-subheading">{t('web-grant-themes')}</h3>
        <ThemeList themes={p.themeOptions} />
      </section>

      <section className="panel" aria-labelledby="programme-criteria">
        <h2 id="programme-criteria">{t('web-grant-criteria')}</h2>
        <p className="muted">{t('web-grant-criteria-lead')}</p>
        <div className="table-wrap">
          <table className="table" data-testid="programme-criteria">
            <thead>
              <tr>
                <th scope="col">{t('web-grant-criterion')}</th>
                <th scope="col" className="numeric">
                  {t('web-grant-criterion-weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.criteria.map((criterion) => (
                <tr key={criterion.id}>
                  <td>{criterion.name}</td>
                  <td className="numeric">{criterion.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {p.budget ? <BudgetPanel budget={p.budget} programme={p} /> : null}
      {p.canManage ? <ReceivedApplications programme={p} /> : null}
    </Page>
  );
}

/** Where the programme's money stands, and whether its ledger chain is intact. */
function BudgetPanel({ budget, programme: p }: { budget: GrantBudget; programme: GrantProgramme }) {
  const t = useT();
  const rows: [string, number, string][] = [
    ['web-grant-budget-total', budget.budgetYen, 'budget-total'],
    ['web-grant-budget-committed', budget.committedYen, 'budget-committed'],
    ['web-grant-budget-disbursed', budget.disbursedYen, 'budget-disbursed'],
    ['web-grant-budget-awaiting-match', budget.awaitingMatchYen, 'budget-awaiting-match'],
    ['web-grant-budget-remaining', budget.remainingYen, 'budget-remaining'],
  ];
  return (
    <section className="panel" aria-labelledby="programme-budget" data-testid="programme-budget">
      <h2 id="programme-budget">{t('web-grant-budget')}</h2>
      <p className="muted">{t('web-grant-budget-lead')}</p>
      <div className="table-wrap grant-money">
        <table className="table">
          <caption className="visually-hidden">{t('web-grant-budget')}</caption>
          <tbody>
            {rows.map(([label, value, testId]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td className="numeric">
                  <Yen value={value} testId={testId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.ledger ? (
        <p data-testid="ledger" data-intact={p.ledger.intact}>
          <span className={p.ledger.intact ? 'badge badge-ok' : 'badge badge-danger'}>
            {t(p.ledger.intact ? 'web-grant-ledger-intact' : 'web-grant-ledger-broken')}
          </span>{' '}
          <span className="muted">{t('web-grant-ledger-entries', { count: p.ledger.entries })}</span>
          {p.ledger.problem ? <span className="field-error"> {p.ledger.problem}</span> : null}
        </p>
      ) : null}
    </section>
  );
}

/** The applications received, filtered by status in the address. */
function ReceivedApplications({ programme: p }: { programme: GrantProgramme }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const status = readStatus(search.get('status'));
  return (
    <section className="panel" aria-labelledby="programme-applications">
      <h2 id="programme-applications">{t('web-grant-programme-applications')}</h2>
      <div className="introduction-filters">
        <SelectField
          label={t('web-grant-status')}
          name="status"
          value={status ?? ''}
          onChange={(e) => setSearch(e.target.value ? { status: e.target.value } : {}, { replace: true })}
          options={[
            { value: '', label: t('web-status-all') },
            ...RECEIVED_STATUSES.map((s) => ({
              value: s,
              label: t(enumMessageId('grant-application-status', s)),
            })),
          ]}
        />
      </div>
      <ApplicationList
        programmeId={p.id}
        status={status}
        caption={t('web-grant-programme-applications')}
        empty={
          <p>
            {t(
              status
                ? 'web-grant-programme-applications-none-in-status'
                : 'web-grant-programme-applications-empty',
            )}
          </p>
        }
        testId="programme-applications"
      />
    </section>
  );
}

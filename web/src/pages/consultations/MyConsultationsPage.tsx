import { Link, useSearchParams } from 'react-router';
import {
  ConsultationTable,
  identityColumns,
  StatusChips,
  useConsultationsFirstPage,
  type ConsultationColumn,
} from '../../components/ConsultationList';
import { ErrorSummary } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { DEFAULT_QUEUE_PARAMS, queueFilter, readQueueParams, writeQueueParams } from './queueParams';

/** A requester's consultations: everything their organisation has filed, newest first. */
export function MyConsultationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const { statuses } = readQueueParams(search);
  // urql compares variables by value, so a new object on every render is no new query.
  const variables = {
    filter: queueFilter({ ...DEFAULT_QUEUE_PARAMS, statuses }),
    // Newest filed first: a hand-off to another desk does not move a case up the list.
    orderBy: 'FILED_NEWEST' as const,
  };
  const [{ data, fetching, error }] = useConsultationsFirstPage(variables);
  const list = data?.consultations;

  const columns: ConsultationColumn[] = [
    ...identityColumns(t),
    { key: 'status', header: t('web-consultation-status'), cell: (row) => row.statusLabel },
    { key: 'desk', header: t('web-consultation-desk'), cell: (row) => row.desk.name },
    { key: 'filed', header: t('web-consultation-filed'), cell: (row) => formatDate(row.filedAt, locale) },
  ];

  return (
    <Page
      title={t('web-my-consultations-title')}
      lead={<p>{t('web-my-consultations-lead')}</p>}
      actions={
        <Link className="button button-primary" to="/consultations/new">
          {t('web-my-consultations-new')}
        </Link>
      }
    >
      <ErrorSummary problem={toProblem(error)} />
      {fetching ? <Loading /> : null}
      {list ? (
        list.totalCount === 0 && statuses.length === 0 ? (
          <section className="panel empty-state" data-testid="consultations-empty">
            <h2>{t('web-my-consultations-empty-heading')}</h2>
            <p>{t('web-my-consultations-empty-body')}</p>
            <Link className="button button-primary" to="/consultations/new">
              {t('web-my-consultations-new')}
            </Link>
          </section>
        ) : (
          <>
            <StatusChips
              label={t('web-consultation-status')}
              counts={list.statusCounts ?? []}
              selected={statuses}
              onChange={(next) => setSearch(writeQueueParams({ ...DEFAULT_QUEUE_PARAMS, statuses: next }))}
            />
            {list.nodes.length === 0 ? (
              <p role="status">{t('web-my-consultations-none-in-status')}</p>
            ) : (
              <ConsultationTable
                key={JSON.stringify(variables)}
                caption={t('web-my-consultations-title')}
                columns={columns}
                variables={variables}
                first={list}
                totalCount={list.totalCount ?? list.nodes.length}
                testId="my-consultations"
              />
            )}
          </>
        )
      ) : null}
    </Page>
  );
}

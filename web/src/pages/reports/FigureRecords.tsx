import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary } from '../../components/forms';
import { Loading } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatYen } from '../grants/grantForms';
import {
  KPI_RECORDS,
  type KpiRecord,
  type KpiRecordConnection,
  type KpiRecordKind,
  type KpiReportInput,
  type KpiRow,
} from './reportOperations';

/** How many records the list shows at first, and adds with each "Load more". */
export const RECORDS_PAGE_SIZE = 50;

/** The element the drill-down occupies, for the opening button's `aria-controls`. */
export const RECORDS_ID = 'report-records';

/** The same words the records CSV uses in its first column. */
const KIND_LABELS: Record<KpiRecordKind, string> = {
  CONSULTATION: 'report-record-consultation',
  REFERRAL: 'report-record-referral',
  INTRODUCTION: 'report-record-introduction',
  INVESTMENT: 'report-record-investment',
  GRANT_APPLICATION: 'report-record-grant-application',
  GRANT_AWARD: 'report-record-grant-award',
  DISBURSEMENT: 'report-record-disbursement',
};

/** The page a record opens: its consultation, or its grant application. */
function recordPath(record: KpiRecord): string {
  const id = encodeURIComponent(record.subjectId);
  switch (record.kind) {
    case 'GRANT_APPLICATION':
    case 'GRANT_AWARD':
    case 'DISBURSEMENT':
      return `/grants/applications/${id}`;
    default:
      return `/consultations/${id}`;
  }
}

interface LoadedPage {
  count: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

function pageOf(connection: KpiRecordConnection): LoadedPage {
  return {
    count: connection.edges.length,
    hasNextPage: connection.hasNextPage,
    endCursor: connection.edges[connection.edges.length - 1]?.cursor ?? null,
  };
}

interface FigureRecordsProps {
  input: KpiReportInput;
  row: KpiRow;
  /** The chosen period's name, such as "FY2026". */
  periodLabel: string;
  /** The records as CSV, or null while no period is chosen. */
  csvHref: string | null;
  onClose: () => void;
}

/**
 * The records behind one figure of the KPI table: how many, a page of them at a time,
 * each linking to its consultation or grant application, and the whole list as CSV.
 * Its heading takes focus when it opens. Give it a `key` that changes with the figure.
 */
export function FigureRecords({ input, row, periodLabel, csvHref, onClose }: FigureRecordsProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching, error }] = useQuery<{ kpiRecords: KpiRecordConnection }>({
    query: KPI_RECORDS,
    variables: { input, figure: row.figure, first: RECORDS_PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const first = data?.kpiRecords;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      className="panel"
      id={RECORDS_ID}
      aria-labelledby="report-records-heading"
      data-testid="report-records"
    >
      <div className="panel-header">
        <h2 id="report-records-heading" tabIndex={-1} ref={heading}>
          {row.label}
        </h2>
        <div className="button-row">
          {csvHref ? (
            <a className="button button-small" href={csvHref} download data-testid="report-records-csv">
              {t('web-report-records-csv')}
            </a>
          ) : null}
          <button type="button" className="button button-small" onClick={onClose}>
            {t('web-report-records-close')}
          </button>
        </div>
      </div>
      <ErrorSummary problem={toProblem(error)} />
      {!first ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <p data-testid="report-records-total">
            {t('web-report-records-total', { count: first.totalCount, label: periodLabel })}
          </p>
          {first.edges.length > 0 ? (
            <RecordsTable
              caption={t('web-report-records-caption', { label: row.label })}
              input={input}
              figure={row.figure}
              first={first}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

interface RecordsTableProps {
  caption: string;
  input: KpiReportInput;
  figure: string;
  first: KpiRecordConnection;
}

/** The records, one `<tbody>` per page; "Load more" adds the next page by cursor. */
function RecordsTable({ caption, input, figure, first }: RecordsTableProps) {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Record<string, LoadedPage>>({});
  const lastCursor = cursors[cursors.length - 1];
  const last: LoadedPage | undefined = lastCursor === undefined ? pageOf(first) : loaded[lastCursor];
  const shown = first.edges.length + cursors.reduce((sum, c) => sum + (loaded[c]?.count ?? 0), 0);
  const loadingMore = lastCursor !== undefined && loaded[lastCursor] === undefined;
  // The records of one figure are all of one kind, so the first page tells whether they carry yen.
  const withAmounts = first.edges.some((edge) => edge.node.amountYen !== null);
  const recordPage = useCallback(
    (cursor: string, page: LoadedPage) => setLoaded((current) => ({ ...current, [cursor]: page })),
    [],
  );

  const loadMore = () => {
    if (loadingMore || !last?.hasNextPage || !last.endCursor) return;
    setCursors([...cursors, last.endCursor]);
  };

  return (
    <>
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="table" data-testid="report-records-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web-report-records-reference')}</th>
              <th scope="col">{t('web-report-records-title')}</th>
              <th scope="col">{t('web-report-records-kind')}</th>
              <th scope="col">{t('web-report-records-date')}</th>
              {withAmounts ? (
                <th scope="col" className="numeric">
                  {t('web-report-records-amount')}
                </th>
              ) : null}
            </tr>
          </thead>
          <Rows connection={first} withAmounts={withAmounts} />
          {cursors.map((cursor) => (
            <MoreRows
              key={cursor}
              after={cursor}
              input={input}
              figure={figure}
              withAmounts={withAmounts}
              onLoaded={recordPage}
            />
          ))}
        </table>
      </div>
      <div className="list-footer">
        <p className="muted" role="status">
          {t('web-list-showing', { shown, count: first.totalCount })}
        </p>
        {last?.hasNextPage || loadingMore ? (
          <button
            type="button"
            className="button"
            aria-disabled={loadingMore || undefined}
            aria-busy={loadingMore || undefined}
            onClick={loadMore}
            data-testid="report-records-more"
          >
            {t('web-list-load-more')}
          </button>
        ) : null}
      </div>
    </>
  );
}

function Rows({
  connection,
  withAmounts,
  bodyRef,
}: {
  connection: KpiRecordConnection;
  withAmounts: boolean;
  bodyRef?: Ref<HTMLTableSectionElement>;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <tbody ref={bodyRef}>
      {connection.edges.map(({ cursor, node }) => (
        <tr key={cursor} data-kind={node.kind}>
          <td>{node.reference ? <span className="reference">{node.reference}</span> : null}</td>
          <td>
            <Link to={recordPath(node)}>{node.title}</Link>
          </td>
          <td>{t(KIND_LABELS[node.kind])}</td>
          <td>{formatDate(node.at, locale)}</td>
          {withAmounts ? (
            <td className="numeric">{node.amountYen === null ? null : formatYen(node.amountYen, locale)}</td>
          ) : null}
        </tr>
      ))}
    </tbody>
  );
}

/** A further page; once it arrives, focus moves to its first link so keyboard users read on. */
function MoreRows({
  after,
  input,
  figure,
  withAmounts,
  onLoaded,
}: {
  after: string;
  input: KpiReportInput;
  figure: string;
  withAmounts: boolean;
  onLoaded: (cursor: string, page: LoadedPage) => void;
}) {
  const [{ data, fetching, error }] = useQuery<{ kpiRecords: KpiRecordConnection }>({
    query: KPI_RECORDS,
    variables: { input, figure, first: RECORDS_PAGE_SIZE, after },
  });
  const body = useRef<HTMLTableSectionElement>(null);
  const focused = useRef(false);
  const page = data?.kpiRecords;

  useEffect(() => {
    if (!page) return;
    onLoaded(after, pageOf(page));
    if (!focused.current) {
      focused.current = true;
      body.current?.querySelector<HTMLElement>('a')?.focus();
    }
  }, [page, after, onLoaded]);

  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={withAmounts ? 5 : 4}>
            {error ? <ErrorSummary problem={toProblem(error)} /> : fetching ? <Loading /> : null}
          </td>
        </tr>
      </tbody>
    );
  }
  return <Rows connection={page} withAmounts={withAmounts} bodyRef={body} />;
}

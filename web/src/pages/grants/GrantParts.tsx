import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary } from '../../components/forms';
import { Loading } from '../../components/Page';
import { toProblem, type Problem } from '../../graphql/errors';
import { formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatYen } from './grantForms';
import { GRANT_APPLICATIONS } from './grantOperations';
import type {
  ApplicationStatus,
  DisbursementStatus,
  GrantApplicationConnection,
  GrantApplicationRow,
  GrantDisbursement,
  MilestoneStatus,
  ThemeOption,
} from './grantTypes';

/** Lists of programmes and applications refresh after any change to one, even when they were empty. */
export const GRANTS_CONTEXT = { additionalTypenames: ['GrantProgramme', 'GrantApplication'] };

/** Formats yen in the reader's language: `¥150,000,000` / `150,000,000円`. */
export function useFormatYen(): (value: number) => string {
  const { locale } = useLocale();
  return useCallback((value: number) => formatYen(value, locale), [locale]);
}

/** An amount of yen, on its own. */
export function Yen({ value, testId }: { value: number; testId?: string }) {
  const yen = useFormatYen();
  return (
    <span className="yen" data-testid={testId}>
      {yen(value)}
    </span>
  );
}

const APPLICATION_BADGES: Record<ApplicationStatus, string> = {
  DRAFT: 'badge badge-muted',
  SUBMITTED: 'badge badge-warn',
  AWARDED: 'badge badge-ok',
  REJECTED: 'badge badge-muted',
  WITHDRAWN: 'badge badge-muted',
};

export function ApplicationStatusBadge({ status, label }: { status: ApplicationStatus; label: string }) {
  return (
    <span className={APPLICATION_BADGES[status]} data-testid="application-status" data-status={status}>
      {label}
    </span>
  );
}

const MILESTONE_BADGES: Record<MilestoneStatus, string> = {
  LOCKED: 'badge badge-muted',
  ACTIVE: 'badge badge-info',
  EVIDENCE_SUBMITTED: 'badge badge-warn',
  APPROVED: 'badge badge-ok',
  REJECTED: 'badge badge-warn',
  FAILED: 'badge badge-danger',
};

export function MilestoneStatusBadge({ status, label }: { status: MilestoneStatus; label: string }) {
  return (
    <span className={MILESTONE_BADGES[status]} data-testid="milestone-status" data-status={status}>
      {label}
    </span>
  );
}

const DISBURSEMENT_BADGES: Record<DisbursementStatus, string> = {
  AWAITING_MATCH: 'badge badge-warn',
  DISBURSED: 'badge badge-ok',
};

/** Whether an approved milestone's tranche was paid, how much, and when. */
export function DisbursementFacts({ disbursement: d }: { disbursement: GrantDisbursement }) {
  const { locale } = useLocale();
  return (
    <>
      <span
        className={DISBURSEMENT_BADGES[d.status]}
        data-testid="disbursement-status"
        data-status={d.status}
      >
        {d.statusLabel}
      </span>{' '}
      <Yen value={d.amountYen} testId="disbursement-amount" />
      {d.disbursedAt ? <span className="muted"> {formatDateTime(d.disbursedAt, locale)}</span> : null}
    </>
  );
}

/** A programme's themes, in the reader's language. */
export function ThemeList({ themes }: { themes: readonly ThemeOption[] }) {
  return (
    <ul className="badges" data-testid="programme-themes">
      {themes.map((theme) => (
        <li key={theme.value} className="badge badge-muted">
          {theme.label}
        </li>
      ))}
    </ul>
  );
}

/** The application window, from its first to its last day. */
export function ApplicationWindow({ opensOn, closesOn }: { opensOn: string; closesOn: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      {t('web-grant-window-value', {
        from: formatCalendarDate(opensOn, locale),
        to: formatCalendarDate(closesOn, locale),
      })}
    </>
  );
}

/** Whether applications are accepted today. */
export function OpenBadge({ isOpen }: { isOpen: boolean }) {
  const t = useT();
  return (
    <span className={isOpen ? 'badge badge-ok' : 'badge badge-muted'} data-testid="programme-open">
      {t(isOpen ? 'web-grant-programme-open' : 'web-grant-programme-closed')}
    </span>
  );
}

/**
 * After an edit conflict or a step that is no longer possible, a button that fetches the
 * application or programme as it now is.
 */
export function GrantConflictReload({
  problem,
  onReload,
}: {
  problem: Problem | null;
  onReload: () => void;
}) {
  const t = useT();
  if (problem?.code !== 'EDIT_CONFLICT' && problem?.code !== 'GRANT_STEP_NOT_ALLOWED') return null;
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onReload} data-testid="reload-grant">
        {t('web-grant-reload')}
      </button>
    </div>
  );
}

const PAGE_SIZE = 20;

interface ApplicationListProps {
  /** Only this programme's applications; else every application the reader may see. */
  programmeId: string | null;
  status: ApplicationStatus | null;
  caption: string;
  /** Shown when there is none. */
  empty: ReactNode;
  testId: string;
}

/**
 * Applications the reader may see, oldest first, with a button to load more: the applicant's
 * own, those assigned to a reviewer, a programme's for its staff.
 */
export function ApplicationList({ programmeId, status, caption, empty, testId }: ApplicationListProps) {
  const [{ data, fetching, error }] = useQuery<{ grantApplications: GrantApplicationConnection }>({
    query: GRANT_APPLICATIONS,
    variables: { programmeId, status, first: PAGE_SIZE },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const list = data?.grantApplications;
  if (!list) return error ? <ErrorSummary problem={toProblem(error)} /> : fetching ? <Loading /> : null;
  if (list.totalCount === 0) {
    return (
      <div className="empty-state" data-testid={`${testId}-empty`}>
        {empty}
      </div>
    );
  }
  return (
    <ApplicationTable
      key={`${programmeId ?? ''}-${status ?? ''}`}
      programmeId={programmeId}
      status={status}
      first={list}
      caption={caption}
      testId={testId}
    />
  );
}

interface LoadedPage {
  count: number;
  hasNextPage: boolean;
  end: string | null;
}

function pageOf(connection: GrantApplicationConnection): LoadedPage {
  return {
    count: connection.edges.length,
    hasNextPage: connection.hasNextPage,
    end: connection.edges.at(-1)?.cursor ?? null,
  };
}

/** The first page from the caller, and further pages by cursor, one `<tbody>` each. */
function ApplicationTable({
  programmeId,
  status,
  first,
  caption,
  testId,
}: {
  programmeId: string | null;
  status: ApplicationStatus | null;
  first: GrantApplicationConnection;
  caption: string;
  testId: string;
}) {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Record<string, LoadedPage>>({});
  const lastCursor = cursors[cursors.length - 1];
  const last = lastCursor === undefined ? pageOf(first) : loaded[lastCursor];
  const shown = first.edges.length + cursors.reduce((sum, c) => sum + (loaded[c]?.count ?? 0), 0);
  const loadingMore = lastCursor !== undefined && loaded[lastCursor] === undefined;
  const record = useCallback(
    (cursor: string, page: GrantApplicationConnection) =>
      setLoaded((current) => ({ ...current, [cursor]: pageOf(page) })),
    [],
  );
  const withProgramme = programmeId === null;

  return (
    <>
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web-grant-application-title')}</th>
              <th scope="col">{t('web-grant-applicant')}</th>
              {withProgramme ? <th scope="col">{t('web-grant-programme')}</th> : null}
              <th scope="col">{t('web-grant-theme')}</th>
              <th scope="col">{t('web-grant-status')}</th>
              <th scope="col" className="numeric">
                {t('web-grant-requested')}
              </th>
              <th scope="col">{t('web-grant-submitted-at')}</th>
            </tr>
          </thead>
          <ApplicationRows
            applications={first.edges.map((edge) => edge.node)}
            withProgramme={withProgramme}
          />
          {cursors.map((cursor) => (
            <MoreApplicationRows
              key={cursor}
              programmeId={programmeId}
              status={status}
              after={cursor}
              onLoaded={record}
              withProgramme={withProgramme}
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
            onClick={() => {
              if (!loadingMore && last?.hasNextPage && last.end) setCursors([...cursors, last.end]);
            }}
            data-testid="load-more"
          >
            {t('web-list-load-more')}
          </button>
        ) : null}
      </div>
    </>
  );
}

function ApplicationRows({
  applications,
  withProgramme,
}: {
  applications: readonly GrantApplicationRow[];
  withProgramme: boolean;
}) {
  const { locale } = useLocale();
  return (
    <tbody>
      {applications.map((a) => (
        <tr key={a.id} data-id={a.id}>
          <td>
            <Link to={`/grants/applications/${encodeURIComponent(a.id)}`}>{a.title}</Link>
          </td>
          <td>{a.organisationName}</td>
          {withProgramme ? (
            <td>
              <Link to={`/grants/programmes/${encodeURIComponent(a.programme.id)}`}>{a.programme.name}</Link>
            </td>
          ) : null}
          <td>{a.themeLabel}</td>
          <td>
            <ApplicationStatusBadge status={a.status} label={a.statusLabel} />
          </td>
          <td className="numeric">
            <Yen value={a.requestedYen} />
          </td>
          <td>{a.submittedAt ? formatDateTime(a.submittedAt, locale) : null}</td>
        </tr>
      ))}
    </tbody>
  );
}

function MoreApplicationRows({
  programmeId,
  status,
  after,
  onLoaded,
  withProgramme,
}: {
  programmeId: string | null;
  status: ApplicationStatus | null;
  after: string;
  onLoaded: (cursor: string, page: GrantApplicationConnection) => void;
  withProgramme: boolean;
}) {
  const [{ data, fetching, error }] = useQuery<{ grantApplications: GrantApplicationConnection }>({
    query: GRANT_APPLICATIONS,
    variables: { programmeId, status, first: PAGE_SIZE, after },
    context: GRANTS_CONTEXT,
  });
  const page = data?.grantApplications;
  useEffect(() => {
    if (page) onLoaded(after, page);
  }, [page, after, onLoaded]);
  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={withProgramme ? 7 : 6}>
            {error ? <ErrorSummary problem={toProblem(error)} /> : fetching ? <Loading /> : null}
          </td>
        </tr>
      </tbody>
    );
  }
  return <ApplicationRows applications={page.edges.map((edge) => edge.node)} withProgramme={withProgramme} />;
}

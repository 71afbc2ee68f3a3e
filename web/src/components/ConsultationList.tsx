import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toProblem } from '../graphql/errors';
import { CONSULTATIONS } from '../graphql/operations';
import type {
  ConsultationConnection,
  ConsultationFilterInput,
  ConsultationRow,
  ConsultationStatus,
  QueueOrder,
  Sla,
  SlaState,
  StatusCount,
} from '../graphql/types';
import { formatCalendarDate } from '../i18n/format';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { ErrorSummary } from './forms';
import { Loading } from './Page';

/** Lists of consultations refresh after any change to a consultation or a referral. */
export const CONSULTATIONS_CONTEXT = { additionalTypenames: ['Consultation', 'Referral'] };

export const CONSULTATIONS_PAGE_SIZE = 20;

export interface ConsultationListVariables {
  filter: ConsultationFilterInput;
  orderBy: QueueOrder;
}

/** The first page of a list of consultations, with the list's figures. */
export function useConsultationsFirstPage(variables: ConsultationListVariables) {
  return useQuery<{ consultations: ConsultationConnection }>({
    query: CONSULTATIONS,
    variables: { ...variables, first: CONSULTATIONS_PAGE_SIZE, facts: true },
    context: CONSULTATIONS_CONTEXT,
  });
}

const SLA_BADGES: Record<SlaState, string> = {
  ON_TRACK: 'badge badge-info',
  DUE_TODAY: 'badge badge-warn',
  OVERDUE: 'badge badge-danger',
  MET: 'badge badge-ok',
  MISSED: 'badge badge-warn',
  NOT_APPLICABLE: 'badge badge-muted',
};

/** The first-response service level: its state as a badge, and the due date while it matters. */
export function SlaBadge({ sla }: { sla: Sla }) {
  const t = useT();
  const { locale } = useLocale();
  const awaiting = sla.state === 'ON_TRACK' || sla.state === 'DUE_TODAY' || sla.state === 'OVERDUE';
  return (
    <span className="sla" data-sla={sla.state}>
      <span className={SLA_BADGES[sla.state]}>
        {sla.state === 'OVERDUE' ? <span aria-hidden="true">! </span> : null}
        {sla.stateLabel}
      </span>
      {awaiting ? (
        <span className="sla-due">{t('web-sla-due', { date: formatCalendarDate(sla.dueOn, locale) })}</span>
      ) : null}
    </span>
  );
}

interface StatusChipsProps {
  label: string;
  counts: readonly StatusCount[];
  selected: readonly ConsultationStatus[];
  /** Called with the new selection; an empty one means any status. */
  onChange: (statuses: ConsultationStatus[]) => void;
  /** Several statuses at once (desk queues), or one (requesters). */
  multiple?: boolean;
}

/** Filter buttons, one per status with how many consultations are in it, and one for all. */
export function StatusChips({ label, counts, selected, onChange, multiple }: StatusChipsProps) {
  const t = useT();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const toggle = (status: ConsultationStatus) => {
    if (!multiple) return onChange(selected.length === 1 && selected[0] === status ? [] : [status]);
    const next = selected.includes(status)
      ? selected.filter((s) => s !== status)
      : counts.map((c) => c.status).filter((s) => s === status || selected.includes(s));
    onChange(next);
  };
  return (
    <div className="chips" role="group" aria-label={label} data-testid="status-chips">
      <button
        type="button"
        className="chip"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      >
        {t('web-status-all')} <span className="chip-count">{total}</span>
      </button>
      {counts.map((c) => (
        <button
          key={c.status}
          type="button"
          className="chip"
          aria-pressed={selected.includes(c.status)}
          data-status={c.status}
          onClick={() => toggle(c.status)}
        >
          {c.label} <span className="chip-count">{c.count}</span>
        </button>
      ))}
    </div>
  );
}

export interface ConsultationColumn {
  key: string;
  header: string;
  cell: (row: ConsultationRow) => ReactNode;
  className?: string;
}

/** The reference number, linking to the consultation, and the title with its badges. */
export function identityColumns(
  t: (id: string) => string,
  badges?: (row: ConsultationRow) => ReactNode,
): ConsultationColumn[] {
  return [
    {
      key: 'reference',
      header: t('web-consultation-reference'),
      cell: (row) => (
        <Link to={`/consultations/${encodeURIComponent(row.id)}`} className="reference">
          {row.reference}
        </Link>
      ),
    },
    {
      key: 'title',
      header: t('web-consultation-title'),
      cell: (row) => (
        <>
          {row.title}
          {row.kind === 'POLICY_REQUEST' ? <span className="badge badge-info">{row.kindLabel}</span> : null}
          {badges?.(row)}
        </>
      ),
    },
  ];
}

interface ConsultationTableProps {
  caption: string;
  columns: readonly ConsultationColumn[];
  variables: ConsultationListVariables;
  /** The first page, from `useConsultationsFirstPage`. */
  first: ConsultationConnection;
  totalCount: number;
  rowClassName?: (row: ConsultationRow) => string | undefined;
  testId?: string;
}

interface LoadedPage {
  count: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * A table of consultations, one `<tbody>` per page: the first page comes from the
 * caller, and "Load more" adds the next one by cursor. Give it a `key` that changes
 * with its variables, so that a new filter starts again from the first page.
 */
export function ConsultationTable({
  caption,
  columns,
  variables,
  first,
  totalCount,
  rowClassName,
  testId,
}: ConsultationTableProps) {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Record<string, LoadedPage>>({});
  const lastCursor = cursors[cursors.length - 1];
  const last: LoadedPage | undefined =
    lastCursor === undefined ? { count: first.nodes.length, ...first.pageInfo } : loaded[lastCursor];
  const shown = first.nodes.length + cursors.reduce((sum, c) => sum + (loaded[c]?.count ?? 0), 0);
  const loadingMore = lastCursor !== undefined && loaded[lastCursor] === undefined;
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
        <table className="table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <Rows rows={first.nodes} columns={columns} rowClassName={rowClassName} />
          {cursors.map((cursor) => (
            <MoreRows
              key={cursor}
              after={cursor}
              variables={variables}
              columns={columns}
              rowClassName={rowClassName}
              onLoaded={recordPage}
            />
          ))}
        </table>
      </div>
      <div className="list-footer">
        <p className="muted" role="status">
          {t('web-list-showing', { shown, count: totalCount })}
        </p>
        {last?.hasNextPage || loadingMore ? (
          <button
            type="button"
            className="button"
            aria-disabled={loadingMore || undefined}
            aria-busy={loadingMore || undefined}
            onClick={loadMore}
            data-testid="load-more"
          >
            {t('web-list-load-more')}
          </button>
        ) : null}
      </div>
    </>
  );
}

function Rows({
  rows,
  columns,
  rowClassName,
  bodyRef,
}: {
  rows: readonly ConsultationRow[];
  columns: readonly ConsultationColumn[];
  rowClassName?: (row: ConsultationRow) => string | undefined;
  bodyRef?: Ref<HTMLTableSectionElement>;
}) {
  return (
    <tbody ref={bodyRef}>
      {rows.map((row) => (
        <tr key={row.id} className={rowClassName?.(row)} data-reference={row.reference}>
          {columns.map((column) => (
            <td key={column.key} className={column.className}>
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/** A further page; once it arrives, focus moves to its first link so keyboard users read on. */
function MoreRows({
  after,
  variables,
  columns,
  rowClassName,
  onLoaded,
}: {
  after: string;
  variables: ConsultationListVariables;
  columns: readonly ConsultationColumn[];
  rowClassName?: (row: ConsultationRow) => string | undefined;
  onLoaded: (cursor: string, page: LoadedPage) => void;
}) {
  const [{ data, fetching, error }] = useQuery<{ consultations: ConsultationConnection }>({
    query: CONSULTATIONS,
    variables: { ...variables, first: CONSULTATIONS_PAGE_SIZE, after, facts: false },
    context: CONSULTATIONS_CONTEXT,
  });
  const body = useRef<HTMLTableSectionElement>(null);
  const focused = useRef(false);
  const page = data?.consultations;

  useEffect(() => {
    if (!page) return;
    onLoaded(after, { count: page.nodes.length, ...page.pageInfo });
    if (!focused.current) {
      focused.current = true;
      body.current?.querySelector<HTMLElement>('a')?.focus();
    }
  }, [page, after, onLoaded]);

  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={columns.length}>
            {error ? <ErrorSummary problem={toProblem(error)} /> : fetching ? <Loading /> : null}
          </td>
        </tr>
      </tbody>
    );
  }
  return <Rows rows={page.nodes} columns={columns} rowClassName={rowClassName} bodyRef={body} />;
}

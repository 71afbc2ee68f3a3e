import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary, SelectField } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { MY_INTRODUCTIONS } from '../../graphql/operations';
import type { Introduction, IntroductionConnection, IntroductionStatus } from '../../graphql/types';
import { enumMessageId, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { INTRODUCTIONS_CONTEXT, StatusBadge } from './IntroductionParts';

const PAGE_SIZE = 20;

/** The statuses an introduction can have once it has reached its target. */
const RECEIVED_STATUSES: readonly IntroductionStatus[] = [
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'MEETING_HELD',
  'MATCHED',
  'NOT_MATCHED',
  'EXPIRED',
];

function readStatus(value: string | null): IntroductionStatus | null {
  return RECEIVED_STATUSES.find((status) => status === value) ?? null;
}

/**
 * Introductions addressed to the viewer (an advisor) or their organisation (supporter and VC
 * members), once the desk sent them: what the startup shared, where each stands, and the way
 * to answer.
 */
export function MyIntroductionsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const status = readStatus(search.get('status'));
  const [{ data, fetching, error }] = useQuery<{ myIntroductions: IntroductionConnection }>({
    query: MY_INTRODUCTIONS,
    variables: { status, first: PAGE_SIZE },
    context: INTRODUCTIONS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const list = data?.myIntroductions;

  return (
    <Page title={t('web-my-introductions-title')} lead={<p>{t('web-my-introductions-lead')}</p>}>
      <div className="introduction-filters">
        <SelectField
          label={t('web-introduction-status')}
          name="status"
          value={status ?? ''}
          onChange={(e) => setSearch(e.target.value ? { status: e.target.value } : {})}
          options={[
            { value: '', label: t('web-status-all') },
            ...RECEIVED_STATUSES.map((s) => ({
              value: s,
              label: t(enumMessageId('introduction-status', s)),
            })),
          ]}
        />
      </div>
      <ErrorSummary problem={toProblem(error)} />
      {!list ? (
        fetching ? (
          <Loading />
        ) : null
      ) : list.totalCount === 0 ? (
        <section className="panel empty-state" data-testid="my-introductions-empty">
          <p>{t(status ? 'web-my-introductions-none-in-status' : 'web-my-introductions-empty')}</p>
        </section>
      ) : (
        <IntroductionTable key={status ?? ''} status={status} first={list} />
      )}
    </Page>
  );
}

/** The first page from the caller, and further pages by cursor, one `<tbody>` each. */
function IntroductionTable({
  status,
  first,
}: {
  status: IntroductionStatus | null;
  first: IntroductionConnection;
}) {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<
    Record<string, { count: number; hasNextPage: boolean; end: string | null }>
  >({});
  const lastCursor = cursors[cursors.length - 1];
  const last =
    lastCursor === undefined
      ? { count: first.edges.length, hasNextPage: first.hasNextPage, end: first.edges.at(-1)?.cursor ?? null }
      : loaded[lastCursor];
  const shown = first.edges.length + cursors.reduce((sum, c) => sum + (loaded[c]?.count ?? 0), 0);
  const loadingMore = lastCursor !== undefined && loaded[lastCursor] === undefined;
  const record = useCallback(
    (cursor: string, page: IntroductionConnection) =>
      setLoaded((current) => ({
        ...current,
        [cursor]: {
          count: page.edges.length,
          hasNextPage: page.hasNextPage,
          end: page.edges.at(-1)?.cursor ?? null,
        },
      })),
    [],
  );
  const caption = t('web-my-introductions-title');

  return (
    <>
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="table" data-testid="my-introductions">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web-my-introductions-col-consultation')}</th>
              <th scope="col">{t('shared-field-organisation-name')}</th>
              <th scope="col">{t('web-introduction-channel')}</th>
              <th scope="col">{t('web-introduction-status')}</th>
              <th scope="col">{t('web-introduction-sent-at')}</th>
              <th scope="col">{t('web-introduction-answer-due-at')}</th>
            </tr>
          </thead>
          <Rows introductions={first.edges.map((edge) => edge.node)} />
          {cursors.map((cursor) => (
            <MoreRows key={cursor} status={status} after={cursor} onLoaded={record} />
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

function Rows({ introductions }: { introductions: readonly Introduction[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <tbody>
      {introductions.map((i) => (
        <tr key={i.id} data-id={i.id}>
          <td>
            <Link to={`/introductions/${encodeURIComponent(i.id)}`}>
              {i.shared?.title ??
                t('web-my-introductions-untitled', { date: formatDateTime(i.sentAt, locale) })}
            </Link>
          </td>
          <td>
            {i.shared?.organisationName ?? (
              <span className="muted">{t('web-my-introductions-not-shared')}</span>
            )}
          </td>
          <td>{t(enumMessageId('introduction-channel', i.channel))}</td>
          <td>
            <StatusBadge introduction={i} />
          </td>
          <td>{formatDateTime(i.sentAt, locale)}</td>
          <td>{i.answerDueAt ? formatDateTime(i.answerDueAt, locale) : null}</td>
        </tr>
      ))}
    </tbody>
  );
}

function MoreRows({
  status,
  after,
  onLoaded,
}: {
  status: IntroductionStatus | null;
  after: string;
  onLoaded: (cursor: string, page: IntroductionConnection) => void;
}) {
  const [{ data, fetching, error }] = useQuery<{ myIntroductions: IntroductionConnection }>({
    query: MY_INTRODUCTIONS,
    variables: { status, first: PAGE_SIZE, after },
    context: INTRODUCTIONS_CONTEXT,
  });
  const page = data?.myIntroductions;
  useEffect(() => {
    if (page) onLoaded(after, page);
  }, [page, after, onLoaded]);
  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={6}>
            {error ? <ErrorSummary problem={toProblem(error)} /> : fetching ? <Loading /> : null}
          </td>
        </tr>
      </tbody>
    );
  }
  return <Rows introductions={page.edges.map((edge) => edge.node)} />;
}

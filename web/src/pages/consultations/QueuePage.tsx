import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  ConsultationTable,
  identityColumns,
  SlaBadge,
  StatusChips,
  useConsultationsFirstPage,
  type ConsultationColumn,
} from '../../components/ConsultationList';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { DESK_MEMBERS, DESK_OPTIONS, REFERRALS_AWAITING, TAXONOMY_CHOICES } from '../../graphql/operations';
import {
  CONSULTATION_KINDS,
  PRIORITIES,
  QUEUE_ORDERS,
  type ConsultationKind,
  type DeskMember,
  type DeskRef,
  type IncomingReferral,
  type Priority,
  type QueueOrder,
  type Viewer,
} from '../../graphql/types';
import { enumMessageId, formatDate, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { LOCALES, toGraphqlLocale, type GraphqlLocale } from '../../i18n/locale';
import { useViewer } from '../../session/ViewerProvider';
import type { QueueNotice } from './DeskWork';
import type { TermChoice } from './NewConsultationPage';
import {
  DEFAULT_QUEUE_PARAMS,
  UNASSIGNED,
  hasFilters,
  queueFilter,
  readQueueParams,
  writeQueueParams,
  type QueueParams,
} from './queueParams';
import { ReferralDecision } from './ReferralDecision';

const SORT_LABELS: Record<QueueOrder, string> = {
  RECEIVED_NEWEST: 'web-queue-sort-received-newest',
  RECEIVED_OLDEST: 'web-queue-sort-received-oldest',
  FILED_NEWEST: 'web-queue-sort-filed-newest',
  DUE_SOONEST: 'web-queue-sort-due-soonest',
  PRIORITY_HIGHEST: 'web-queue-sort-priority-highest',
  UPDATED_NEWEST: 'web-queue-sort-updated-newest',
};

const PRIORITY_BADGES: Partial<Record<Priority, string>> = {
  HIGH: 'badge badge-warn',
  URGENT: 'badge badge-danger',
};

const REFERRALS_CONTEXT = { additionalTypenames: ['Referral', 'Consultation'] };

/** The desk queue of advisors and staff (every desk's for admins), filtered and sorted by the URL. */
export function QueuePage() {
  const t = useT();
  const viewer = useViewer();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const params = readQueueParams(search);
  const isAdmin = viewer?.role === 'ADMIN';
  const [{ data: deskData }] = useQuery<{ desks: (DeskRef & { active: boolean })[] }>({
    query: DESK_OPTIONS,
    pause: !isAdmin,
  });
  const desks: DeskRef[] = isAdmin ? (deskData?.desks ?? []) : (viewer?.desks ?? []);
  const [notice, setNotice] = useState<string | null>(
    (location.state as QueueNotice | null)?.queueNotice ?? null,
  );

  if (!viewer) return null;
  const update = (next: QueueParams) => setSearch(writeQueueParams(next));
  // With one desk, "all my desks" is that desk, and its members can be chosen.
  const deskId = params.deskId ?? (desks.length === 1 ? (desks[0]?.id ?? null) : null);

  return (
    <Page
      title={t('web-queue-title')}
      lead={<p>{t('web-queue-lead')}</p>}
      actions={
        deskId !== null && (viewer.role === 'STAFF' || isAdmin) ? (
          <Link
            className="button button-primary"
            to={`/desks/${encodeURIComponent(deskId)}/assign`}
            data-testid="plan-assignments"
          >
            {t('web-queue-plan-assignments')}
          </Link>
        ) : null
      }
    >
      {notice ? <Notice>{notice}</Notice> : null}
      {desks.length > 1 ? (
        <div className="chips" role="group" aria-label={t('web-queue-desk-picker')} data-testid="desk-picker">
          <button
            type="button"
            className="chip"
            aria-pressed={params.deskId === null}
            onClick={() => update({ ...params, deskId: null, assigneeId: null })}
          >
            {t(isAdmin ? 'web-queue-all-desks' : 'web-queue-my-desks')}
          </button>
          {desks.map((desk) => (
            <button
              key={desk.id}
              type="button"
              className="chip"
              aria-pressed={params.deskId === desk.id}
              onClick={() => update({ ...params, deskId: desk.id, assigneeId: null })}
            >
              {desk.name}
            </button>
          ))}
        </div>
      ) : null}

      {viewer.role === 'STAFF' || isAdmin ? (
        <IncomingReferrals deskId={params.deskId} onDone={setNotice} />
      ) : null}

      <QueueFilters
        key={search.toString()}
        params={params}
        deskId={deskId}
        viewer={viewer}
        onApply={update}
      />

      <QueueResults params={params} showDesk={deskId === null} onChange={update} />
    </Page>
  );
}

interface Draft {
  query: string;
  priority: string;
  kind: string;
  domainId: string;
  stageId: string;
  topicId: string;
  assignee: string;
  language: string;
  overseas: string;
  overdue: boolean;
  order: QueueOrder;
}

function draftOf(params: QueueParams): Draft {
  return {
    query: params.query,
    priority: params.priority ?? '',
    kind: params.kind ?? '',
    domainId: params.domainId ?? '',
    stageId: params.stageId ?? '',
    topicId: params.topicId ?? '',
    assignee: params.unassigned ? UNASSIGNED : (params.assigneeId ?? ''),
    language: params.language ?? '',
    overseas: params.overseas === null ? '' : params.overseas ? 'yes' : 'no',
    overdue: params.overdue,
    order: params.order,
  };
}

function paramsOf(draft: Draft, base: QueueParams): QueueParams {
  return {
    ...base,
    query: draft.query.trim(),
    priority: (draft.priority || null) as Priority | null,
    kind: (draft.kind || null) as ConsultationKind | null,
    domainId: draft.domainId || null,
    stageId: draft.stageId || null,
    topicId: draft.topicId || null,
    assigneeId: draft.assignee && draft.assignee !== UNASSIGNED ? draft.assignee : null,
    unassigned: draft.assignee === UNASSIGNED,
    language: (draft.language || null) as GraphqlLocale | null,
    overseas: draft.overseas === '' ? null : draft.overseas === 'yes',
    overdue: draft.overdue,
    order: draft.order,
  };
}

/** Everything to narrow the queue by, applied together; the URL keeps it. */
function QueueFilters({
  params,
  deskId,
  viewer,
  onApply,
}: {
  params: QueueParams;
  deskId: string | null;
  viewer: Viewer;
  onApply: (params: QueueParams) => void;
}) {
  const t = useT();
  const { languageName } = useLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  const [{ data: taxonomy }] = useQuery<{ taxonomy: TermChoice[] }>({
    query: TAXONOMY_CHOICES,
    variables: { includeInactive: true },
  });
  const [{ data: memberData }] = useQuery<{ desk: { id: string; members: DeskMember[] } | null }>({
    query: DESK_MEMBERS,
    variables: { id: deskId ?? '' },
    pause: deskId === null,
  });
  const terms = taxonomy?.taxonomy ?? [];
  const termOptions = (kind: TermChoice['kind']) => [
    { value: '', label: t('web-queue-any') },
    ...terms
      .filter((term) => term.kind === kind)
      .map((term) => ({
        value: term.id,
        label: term.active ? term.label : `${term.label} ${t('web-status-inactive-suffix')}`,
      })),
  ];
  const members = (memberData?.desk?.members ?? []).filter((m) => m.id !== viewer.id);
  const assigneeOptions = [
    { value: '', label: t('web-queue-any') },
    { value: UNASSIGNED, label: t('web-consultation-unassigned') },
    { value: viewer.id, label: t('web-queue-assignee-me', { name: viewer.displayName }) },
    ...members.map((m) => ({ value: m.id, label: m.displayName })),
  ];
  if (draft.assignee && !assigneeOptions.some((o) => o.value === draft.assignee)) {
    assigneeOptions.push({ value: draft.assignee, label: t('web-queue-assignee-unknown') });
  }
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });

  return (
    <section className="panel" aria-labelledby="queue-filter-heading">
      <h2 id="queue-filter-heading">{t('web-queue-filter-heading')}</h2>
      <Form
        onSubmit={() => onApply(paramsOf(draft, params))}
        problem={null}
        className="form form-inline"
        testId="queue-filter"
      >
        <TextField
          label={t('web-queue-search')}
          name="q"
          type="search"
          hint={t('web-queue-search-hint')}
          value={draft.query}
          onChange={set('query')}
        />
        <SelectField
          label={t('web-consultation-priority')}
          name="priority"
          value={draft.priority}
          onChange={set('priority')}
          options={[
            { value: '', label: t('web-queue-any') },
            ...PRIORITIES.map((p) => ({ value: p, label: t(enumMessageId('priority', p)) })),
          ]}
        />
        <SelectField
          label={t('web-consultation-kind')}
          name="kind"
          value={draft.kind}
          onChange={set('kind')}
          options={[
            { value: '', label: t('web-queue-any') },
            ...CONSULTATION_KINDS.map((k) => ({ value: k, label: t(enumMessageId('consultation-kind', k)) })),
          ]}
        />
        <SelectField
          label={t('web-consultation-domain')}
          name="domainId"
          value={draft.domainId}
          onChange={set('domainId')}
          options={termOptions('DOMAIN')}
        />
        <SelectField
          label={t('web-consultation-stage')}
          name="stageId"
          value={draft.stageId}
          onChange={set('stageId')}
          options={termOptions('STAGE')}
        />
        <SelectField
          label={t('web-queue-topic')}
          name="topicId"
          value={draft.topicId}
          onChange={set('topicId')}
          options={termOptions('TOPIC')}
        />
        <SelectField
          label={t('web-consultation-assignee')}
          name="assignee"
          value={draft.assignee}
          onChange={set('assignee')}
          options={assigneeOptions}
        />
        <SelectField
          label={t('web-consultation-answer-language')}
          name="language"
          value={draft.language}
          onChange={set('language')}
          options={[
            { value: '', label: t('web-queue-any') },
            ...LOCALES.map((l) => ({ value: toGraphqlLocale(l), label: languageName(l), lang: l })),
          ]}
        />
        <SelectField
          label={t('web-queue-based')}
          name="overseas"
          value={draft.overseas}
          onChange={set('overseas')}
          options={[
            { value: '', label: t('web-queue-any') },
            { value: 'yes', label: t('web-queue-based-overseas') },
            { value: 'no', label: t('web-queue-based-japan') },
          ]}
        />
        <SelectField
          label={t('web-queue-sort')}
          name="sort"
          value={draft.order}
          onChange={(e) => setDraft({ ...draft, order: e.target.value as QueueOrder })}
          options={QUEUE_ORDERS.map((order) => ({ value: order, label: t(SORT_LABELS[order]) }))}
        />
        <CheckboxField
          label={t('web-queue-overdue-only')}
          name="overdue"
          checked={draft.overdue}
          onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
        />
        <div className="button-row">
          <SubmitButton>{t('web-queue-apply')}</SubmitButton>
          {hasFilters(params) ? (
            <button
              type="button"
              className="button"
              onClick={() => onApply({ ...DEFAULT_QUEUE_PARAMS, deskId: params.deskId, order: params.order })}
            >
              {t('web-queue-clear')}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function QueueResults({
  params,
  showDesk,
  onChange,
}: {
  params: QueueParams;
  showDesk: boolean;
  onChange: (params: QueueParams) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const variables = { filter: queueFilter(params), orderBy: params.order };
  const [{ data, fetching, error }] = useConsultationsFirstPage(variables);
  const list = data?.consultations;

  const columns: ConsultationColumn[] = [
    ...identityColumns(t, (row) =>
      row.confidentiality === 'CONFIDENTIAL' ? (
        <span className="badge badge-warn">{t('web-queue-confidential')}</span>
      ) : null,
    ),
    {
      key: 'organisation',
      header: t('web-consultation-organisation'),
      cell: (row) => (
        <>
          {row.organisation.name}
          {row.overseas ? <span className="badge badge-info">{t('web-consultation-overseas')}</span> : null}
        </>
      ),
    },
    { key: 'status', header: t('web-consultation-status'), cell: (row) => row.statusLabel },
    {
      key: 'priority',
      header: t('web-consultation-priority'),
      cell: (row) => {
        const badge = row.priority ? PRIORITY_BADGES[row.priority] : undefined;
        return badge ? <span className={badge}>{row.priorityLabel}</span> : row.priorityLabel;
      },
    },
    { key: 'domain', header: t('web-consultation-domain'), cell: (row) => row.domain.label },
    ...(showDesk
      ? [
          {
            key: 'desk',
            header: t('web-consultation-desk'),
            cell: (row) => row.desk.code,
          } as ConsultationColumn,
        ]
      : []),
    {
      key: 'assignee',
      header: t('web-consultation-assignee'),
      cell: (row) =>
        row.assignee ? (
          row.assignee.displayName
        ) : (
          <span className="muted">{t('web-consultation-unassigned')}</span>
        ),
    },
    {
      key: 'received',
      header: t('web-consultation-received'),
      cell: (row) => formatDate(row.receivedAt, locale),
    },
    { key: 'sla', header: t('web-consultation-first-response'), cell: (row) => <SlaBadge sla={row.sla} /> },
  ];

  return (
    <section
      aria-labelledby="queue-results-heading"
      aria-busy={fetching || undefined}
      data-testid="queue-results"
    >
      <h2 id="queue-results-heading">{t('web-queue-results-heading')}</h2>
      <ErrorSummary problem={toProblem(error)} />
      {fetching ? <Loading /> : null}
      {list ? (
        <>
          <div className="queue-facts">
            <StatusChips
              label={t('web-consultation-status')}
              counts={list.statusCounts ?? []}
              selected={params.statuses}
              onChange={(statuses) => onChange({ ...params, statuses })}
              multiple
            />
            <p className="queue-overdue" data-testid="overdue-count">
              {list.overdueCount ? (
                <span className="badge badge-danger">
                  <span aria-hidden="true">! </span>
                  {t('web-queue-overdue-count', { count: list.overdueCount })}
                </span>
              ) : (
                <span className="muted">{t('web-queue-overdue-none')}</span>
              )}
              {list.overdueCount || params.overdue ? (
                <button
                  type="button"
                  className="button button-small"
                  aria-pressed={params.overdue}
                  onClick={() => onChange({ ...params, overdue: !params.overdue })}
                >
                  {t('web-queue-overdue-only')}
                </button>
              ) : null}
            </p>
          </div>
          {list.nodes.length === 0 ? (
            <p role="status" data-testid="queue-empty">
              {t(hasFilters(params) ? 'web-queue-empty-filtered' : 'web-queue-empty')}
            </p>
          ) : (
            <ConsultationTable
              key={JSON.stringify(variables)}
              caption={t('web-queue-results-heading')}
              columns={columns}
              variables={variables}
              first={list}
              totalCount={list.totalCount ?? list.nodes.length}
              rowClassName={(row) => (row.sla.state === 'OVERDUE' ? 'row-overdue' : undefined)}
              testId="queue-table"
            />
          )}
        </>
      ) : null}
    </section>
  );
}

/** Referrals other desks ask of the viewer's desks, to accept or decline. */
function IncomingReferrals({ deskId, onDone }: { deskId: string | null; onDone: (text: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const filter = { direction: 'INCOMING', status: 'REQUESTED', ...(deskId ? { deskId } : {}) };
  const [{ data, fetching, error }] = useQuery<{
    referrals: { totalCount: number; nodes: IncomingReferral[] };
  }>({
    query: REFERRALS_AWAITING,
    variables: { first: 50, filter },
    context: REFERRALS_CONTEXT,
  });
  const referrals = data?.referrals.nodes ?? [];

  return (
    <section className="panel" aria-labelledby="queue-referrals-heading" data-testid="incoming-referrals">
      <h2 id="queue-referrals-heading">{t('web-queue-referrals-heading')}</h2>
      <ErrorSummary problem={toProblem(error)} />
      {!data && fetching ? <Loading /> : null}
      {data && referrals.length === 0 ? <p className="muted">{t('web-queue-referrals-none')}</p> : null}
      {referrals.length ? (
        <div className="table-wrap" role="region" aria-labelledby="queue-referrals-heading" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t('web-queue-referrals-heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web-consultation-reference')}</th>
                <th scope="col">{t('web-referrals-col-desks')}</th>
                <th scope="col">{t('web-referrals-col-reason')}</th>
                <th scope="col">{t('web-table-actions')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id}>
                  <td>
                    <Link
                      to={`/consultations/${encodeURIComponent(referral.consultation.id)}`}
                      className="reference"
                    >
                      {referral.consultation.reference}
                    </Link>
                    <br />
                    {referral.consultation.title}
                    <br />
                    <span className="muted">{referral.consultation.organisation.name}</span>
                  </td>
                  <td>
                    {t('web-referrals-from-to', { from: referral.fromDesk.name, to: referral.toDesk.name })}
                  </td>
                  <td>
                    <div className="text-block">{referral.reason}</div>
                    <p className="muted">
                      {t('web-referrals-requested-by', {
                        name: referral.requestedBy?.displayName ?? t('web-timeline-system'),
                        date: formatDateTime(referral.requestedAt, locale),
                      })}
                    </p>
                  </td>
                  <td>
                    {referral.canDecide ? (
                      <ReferralDecision
                        referral={referral}
                        reference={referral.consultation.reference}
                        onDone={onDone}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CONSULTATIONS_CONTEXT, SlaBadge } from '../../components/ConsultationList';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, Notice, TextAreaField, useFormProblem } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { hasErrorCode, toProblem } from '../../graphql/errors';
import { CONSULTATION, TRANSITION_CONSULTATION } from '../../graphql/operations';
import type { Consultation, Viewer } from '../../graphql/types';
import { countryName } from '../../i18n/countries';
import { enumMessageId, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { fromGraphqlLocale } from '../../i18n/locale';
import { useViewer } from '../../session/ViewerProvider';
import {
  Composer,
  ConflictReload,
  PersonName,
  Thread,
  Timeline,
  statusText,
  type PanelProps,
} from './Conversation';
import { AssignmentPanel, ReferralsPanel, ReroutePanel, StatusPanel, TriagePanel } from './DeskWork';
import type { FiledNotice } from './NewConsultationPage';
import { IntroductionsPanel } from '../introductions/IntroductionsPanel';
import { SuggestionsPanel } from './Suggestions';

/** The panels that report their successes. */
type PanelName =
  'status' | 'assignment' | 'triage' | 'referrals' | 'reroute' | 'message' | 'note' | 'reply' | 'withdraw';

/** One consultation: what requesters and desk people may see of it and do with it. */
export function ConsultationPage() {
  const t = useT();
  const viewer = useViewer();
  const location = useLocation();
  const { id = '' } = useParams();
  const [{ data, fetching, stale, error }, reexecute] = useQuery<{ consultation: Consultation }>({
    query: CONSULTATION,
    variables: { id },
    context: CONSULTATIONS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [notice, setNotice] = useState<{ panel: PanelName; text: string } | null>(null);

  const consultation = data?.consultation ?? null;
  if (!viewer) return null;
  if (!consultation) {
    if (fetching) {
      return (
        <Page title={t('web-consultation-loading-title')}>
          <Loading />
        </Page>
      );
    }
    return (
      <Page title={t('web-consultation-not-found-title')}>
        {hasErrorCode(error, 'NOT_FOUND') || !error ? (
          <p>{t('web-consultation-not-found-body')}</p>
        ) : (
          <ErrorSummary problem={toProblem(error)} />
        )}
        <p>
          <Link to={viewer.role === 'REQUESTER' ? '/consultations' : '/queue'}>
            {t(viewer.role === 'REQUESTER' ? 'web-nav-my-consultations' : 'web-nav-queue')}
          </Link>
        </p>
      </Page>
    );
  }

  const c = consultation;
  // After a change the consultation is fetched again, with its new version.
  const refreshing = fetching || stale;
  const panel = (name: PanelName): Pick<PanelProps, 'notice' | 'onDone' | 'refreshing'> => ({
    notice: notice?.panel === name ? notice.text : null,
    onDone: (text) => setNotice({ panel: name, text }),
    refreshing,
  });
  const filed = (location.state as FiledNotice | null)?.filed;
  const deskSide = viewer.role !== 'REQUESTER';

  return (
    <Page
      title={c.title}
      lead={
        <p className="case-lead">
          <span className="reference" data-testid="consultation-reference">
            {c.reference}
          </span>
          <span className="badge badge-info">{statusText(c, t)}</span>
          {c.kind === 'POLICY_REQUEST' ? <span className="badge badge-muted">{c.kindLabel}</span> : null}
        </p>
      }
    >
      {filed ? (
        <Notice>
          <p data-testid="filed-notice">{t('web-consultation-filed-notice', { reference: filed })}</p>
        </Notice>
      ) : null}
      <ErrorSummary problem={data && error ? toProblem(error) : null} />
      {deskSide ? <DeskSummary consultation={c} /> : <RequesterSummary consultation={c} />}
      <div className={deskSide ? 'case-layout' : 'case-layout case-layout-single'}>
        <div className="case-main">
          <RequestDetails consultation={c} deskSide={deskSide} />
          <section className="panel" aria-labelledby="case-messages" data-testid="messages-panel">
            <h2 id="case-messages">{t('web-thread-heading')}</h2>
            <Thread messages={c.messages} viewerId={viewer.id} />
          </section>
          {c.permissions.reply ? <Composer mode="reply" consultation={c} {...panel('reply')} /> : null}
          {c.permissions.message ? <Composer mode="message" consultation={c} {...panel('message')} /> : null}
          {c.permissions.note ? <Composer mode="note" consultation={c} {...panel('note')} /> : null}
          {c.availableActions.includes('WITHDRAW') ? (
            <WithdrawPanel consultation={c} reload={reload} {...panel('withdraw')} />
          ) : panel('withdraw').notice ? (
            <Notice>{panel('withdraw').notice}</Notice>
          ) : null}
          {deskSide ? <SuggestionsPanel consultation={c} /> : null}
          <IntroductionsPanel consultation={c} deskSide={deskSide} />
          <section className="panel" aria-labelledby="case-timeline">
            <h2 id="case-timeline">{t('web-timeline-heading')}</h2>
            {deskSide ? null : <p className="field-hint">{t('web-timeline-requester-lead')}</p>}
            <Timeline events={c.timeline} />
          </section>
        </div>
        {deskSide ? <DeskSide consultation={c} viewer={viewer} reload={reload} panel={panel} /> : null}
      </div>
    </Page>
  );
}

function DeskSide({
  consultation: c,
  viewer,
  reload,
  panel,
}: {
  consultation: Consultation;
  viewer: Viewer;
  reload: () => void;
  panel: (name: PanelName) => Pick<PanelProps, 'notice' | 'onDone' | 'refreshing'>;
}) {
  const referrals = c.permissions.refer || c.pendingReferral !== null || c.referrals.length > 0;
  return (
    <div className="case-side">
      <StatusPanel consultation={c} reload={reload} {...panel('status')} />
      <AssignmentPanel consultation={c} viewer={viewer} reload={reload} {...panel('assignment')} />
      {c.permissions.update ? <TriagePanel consultation={c} reload={reload} {...panel('triage')} /> : null}
      {referrals ? <ReferralsPanel consultation={c} reload={reload} {...panel('referrals')} /> : null}
      {c.permissions.reroute ? (
        <ReroutePanel
          key={c.version}
          consultation={c}
          reload={reload}
          refreshing={panel('reroute').refreshing}
        />
      ) : null}
    </div>
  );
}

/** What desk people need at a glance. */
function DeskSummary({ consultation: c }: { consultation: Consultation }) {
  const t = useT();
  const { locale, languageName } = useLocale();
  const answerIn = fromGraphqlLocale(c.preferredLocale);
  return (
    <section className="panel" aria-labelledby="case-summary" data-testid="case-summary">
      <h2 id="case-summary">{t('web-consultation-summary-heading')}</h2>
      <dl className="details details-columns">
        <div>
          <dt>{t('web-consultation-reference')}</dt>
          <dd>{c.reference}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-kind')}</dt>
          <dd>{c.kindLabel}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-desk')}</dt>
          <dd>{c.desk.name}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-priority')}</dt>
          <dd data-testid="priority">{c.priorityLabel}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-assignee')}</dt>
          <dd>{c.assignee ? <PersonName person={c.assignee} /> : t('web-consultation-unassigned')}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-confidentiality')}</dt>
          <dd>
            {c.confidentiality === 'CONFIDENTIAL' ? (
              <span className="badge badge-warn">{c.confidentialityLabel}</span>
            ) : (
              c.confidentialityLabel
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web-consultation-first-response')}</dt>
          <dd data-testid="sla">
            <SlaBadge sla={c.sla} />
            {c.sla.businessDaysLeft !== null && c.sla.businessDaysLeft > 0 ? (
              <span className="sla-note">{t('web-sla-days-left', { count: c.sla.businessDaysLeft })}</span>
            ) : null}
            {c.sla.businessDaysLeft !== null && c.sla.businessDaysLeft < 0 ? (
              <span className="sla-note">
                {t('web-sla-days-overdue', { count: -c.sla.businessDaysLeft })}
              </span>
            ) : null}
            {c.sla.respondedAt ? (
              <span className="sla-note">
                {t('web-sla-answered', { date: formatDateTime(c.sla.respondedAt, locale) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('web-consultation-filed')}</dt>
          <dd>{formatDateTime(c.filedAt, locale)}</dd>
        </div>
        {c.receivedAt !== c.filedAt ? (
          <div>
            <dt>{t('web-consultation-received')}</dt>
            <dd>{formatDateTime(c.receivedAt, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('web-consultation-organisation')}</dt>
          <dd>
            {c.organisation.name}
            <span className="muted">
              {' '}
              {t('web-home-organisation-detail', {
                kind: c.organisation.kindLabel,
                country: countryName(c.organisation.countryCode, locale),
              })}
            </span>
            {c.overseas ? <span className="badge badge-info">{t('web-consultation-overseas')}</span> : null}
          </dd>
        </div>
        {c.organisation.corporateNumber ? (
          <div>
            <dt>{t('web-intake-corporate-number')}</dt>
            <dd data-testid="corporate-number">{c.organisation.corporateNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('web-consultation-requester')}</dt>
          <dd>
            {c.requester ? (
              <>
                {c.requester.displayName}
                {c.requester.email ? (
                  <>
                    {' '}
                    <a href={`mailto:${c.requester.email}`}>{c.requester.email}</a>
                  </>
                ) : null}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('web-consultation-answer-language')}</dt>
          <dd lang={answerIn ?? undefined}>{answerIn ? languageName(answerIn) : c.preferredLocale}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Where the requester's consultation stands, in plain words. */
function RequesterSummary({ consultation: c }: { consultation: Consultation }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="panel" aria-labelledby="case-summary" data-testid="case-summary">
      <h2 id="case-summary">{t('web-consultation-summary-heading')}</h2>
      <dl className="details details-columns">
        <div>
          <dt>{t('web-consultation-reference')}</dt>
          <dd>{c.reference}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-status')}</dt>
          <dd data-testid="consultation-status">{statusText(c, t)}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-desk')}</dt>
          <dd>{c.desk.name}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-filed')}</dt>
          <dd>{formatDateTime(c.filedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('web-consultation-kind')}</dt>
          <dd>{c.kindLabel}</dd>
        </div>
        {c.assignee ? (
          <div>
            <dt>{t('web-consultation-your-advisor')}</dt>
            <dd>
              <PersonName person={c.assignee} />
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** The request as filed (and as triage has since classified it). */
function RequestDetails({ consultation: c, deskSide }: { consultation: Consultation; deskSide: boolean }) {
  const t = useT();
  const { languageName } = useLocale();
  const answerIn = fromGraphqlLocale(c.preferredLocale);
  return (
    <section className="panel" aria-labelledby="case-details" data-testid="case-details">
      <h2 id="case-details">
        {t(deskSide ? 'web-consultation-details-heading' : 'web-consultation-your-details-heading')}
      </h2>
      <div className="text-block case-description">{c.description}</div>
      <dl className="details">
        <dt>{t('web-consultation-domain')}</dt>
        <dd>{c.domain.label}</dd>
        <dt>{t('web-consultation-stage')}</dt>
        <dd>{c.stage.label}</dd>
        <dt>{t('web-consultation-topics')}</dt>
        <dd>
          {c.topics.length ? (
            <ul className="badges">
              {c.topics.map((topic) => (
                <li key={topic.id} className="badge badge-muted">
                  {topic.label}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('web-consultation-none')}</span>
          )}
        </dd>
        {deskSide ? null : (
          <>
            <dt>{t('web-consultation-answer-language')}</dt>
            <dd lang={answerIn ?? undefined}>{answerIn ? languageName(answerIn) : c.preferredLocale}</dd>
            <dt>{t('web-consultation-overseas-question')}</dt>
            <dd>{t(c.overseas ? 'web-consultation-yes' : 'web-consultation-no')}</dd>
            <dt>{t('web-consultation-confidentiality')}</dt>
            <dd>{c.confidentialityLabel}</dd>
          </>
        )}
        {c.competitors.length ? (
          <>
            <dt>{t('web-consultation-competitors')}</dt>
            <dd data-testid="competitors">{c.competitors.join(t('web-list-separator'))}</dd>
          </>
        ) : null}
        <dt>{t('web-consultation-shared-fields')}</dt>
        <dd>
          {c.sharedFields.length ? (
            c.sharedFields
              .map((field) => t(enumMessageId('shared-field', field)))
              .join(t('web-list-separator'))
          ) : (
            <span className="muted">{t('web-consultation-none')}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** The requester withdraws their consultation, after a confirmation, optionally saying why. */
function WithdrawPanel({ consultation: c, reload, notice, onDone, refreshing }: PanelProps) {
  const t = useT();
  const [, transition] = useMutation(TRANSITION_CONSULTATION);
  const form = useFormProblem(['message']);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const withdraw = async () => {
    const data = await form.submit(() =>
      transition({
        input: { id: c.id, version: c.version, action: 'WITHDRAW', message: reason.trim() ? reason : null },
      }),
    );
    if (!data) return;
    setOpen(false);
    onDone(t('web-withdraw-done'));
  };

  return (
    <section className="panel" aria-labelledby="case-withdraw">
      <h2 id="case-withdraw">{t('web-withdraw-heading')}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{t('web-withdraw-lead')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            form.setProblem(null);
            setOpen(true);
          }}
        >
          {t('web-withdraw-open')}
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('web-withdraw-title', { reference: c.reference })}
        message={
          <>
            <p>{t('web-withdraw-confirm')}</p>
            <TextAreaField
              label={t('web-withdraw-reason')}
              name="reason"
              hint={t('web-withdraw-reason-hint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              errors={form.errorsFor('message')}
            />
          </>
        }
        confirmLabel={t('web-withdraw-submit')}
        danger
        busy={form.busy || refreshing}
        onConfirm={() => void withdraw()}
        onClose={() => setOpen(false)}
        error={
          <>
            <ErrorSummary problem={form.problem} unmatched={form.unmatched} />
            <ConflictReload problem={form.problem} onReload={reload} />
          </>
        }
      />
    </section>
  );
}

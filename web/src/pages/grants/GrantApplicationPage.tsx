import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, Notice, useFormProblem } from '../../components/forms';
import { Page, focusPageHeading } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { ApplicationMissing } from './GrantApplicationFormPage';
import {
  AwardDecisionPanel,
  AwardFacts,
  InvestmentPanel,
  MyReviewFacts,
  ReviewersPanel,
  ReviewForm,
  ReviewsPanel,
} from './GrantDeskWork';
import { MilestoneList, type GrantStepProps } from './GrantMilestones';
import { GRANT_APPLICATION, SUBMIT_GRANT_APPLICATION, WITHDRAW_GRANT_APPLICATION } from './grantOperations';
import { ApplicationStatusBadge, GRANTS_CONTEXT, GrantConflictReload, Yen } from './GrantParts';
import type { GrantNotice } from './GrantProgrammeFormPage';
import type { GrantApplication } from './grantTypes';

/**
 * One application, as the reader may see it: the project and its milestones for everyone who
 * may read it; the applicant submits or withdraws a draft and submits evidence; staff assign
 * reviewers, read the reviews, award or reject, decide on milestones and record private
 * investment; an assigned reviewer scores it.
 */
export function GrantApplicationPage() {
  const t = useT();
  const viewer = useViewer();
  const location = useLocation();
  const { id = '' } = useParams();
  const [{ data, fetching, stale, error }, reexecute] = useQuery<{ grantApplication: GrantApplication }>({
    query: GRANT_APPLICATION,
    variables: { id },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as GrantNotice | null)?.grantNotice ?? null,
  );
  const application = data?.grantApplication ?? null;
  if (!viewer) return null;
  if (!application) return <ApplicationMissing fetching={fetching && !data} error={error} />;

  const a = application;
  const manages = a.programme.canManage;
  const step: GrantStepProps = {
    application: a,
    reload,
    refreshing: fetching || stale,
    onDone: (text) => {
      setNotice(text);
      focusPageHeading();
    },
  };

  return (
    <Page
      title={a.title}
      lead={
        <p>
          <Link to={`/grants/programmes/${encodeURIComponent(a.programme.id)}`}>{a.programme.name}</Link>
          {' · '}
          {a.organisationName}
        </p>
      }
      actions={
        a.canEdit ? (
          <Link
            className="button"
            to={`/grants/applications/${encodeURIComponent(a.id)}/edit`}
            data-testid="edit-application"
          >
            {t('web-grant-application-edit')}
          </Link>
        ) : null
      }
    >
      {notice ? (
        <Notice>
          <p data-testid="grant-notice">{notice}</p>
        </Notice>
      ) : null}

      <section className="panel" aria-labelledby="application-overview" data-testid="application-overview">
        <h2 id="application-overview">{t('web-grant-application-overview')}</h2>
        <ApplicationFacts application={a} />
        {a.decisionNote ? (
          <>
            <h3 className="grant-subheading">{t('web-grant-decision-note-label')}</h3>
            <div className="text-block" data-testid="application-decision-note">
              {a.decisionNote}
            </div>
          </>
        ) : null}
        <h3 className="grant-subheading">{t('web-grant-summary')}</h3>
        <div className="text-block" data-testid="application-summary">
          {a.summary}
        </div>
        {a.canEdit || a.canWithdraw ? <ApplicantActions {...step} /> : null}
      </section>

      {a.award ? <AwardFacts application={a} /> : null}
      <MilestoneList {...step} />

      {a.canReview ? <ReviewForm application={a} onDone={step.onDone} /> : null}
      {!a.canReview && !manages && a.myReview ? <MyReviewFacts review={a.myReview} /> : null}
      {a.canDecide ? <ReviewersPanel application={a} onDone={step.onDone} /> : null}
      {manages && a.status !== 'DRAFT' ? <ReviewsPanel application={a} /> : null}
      {a.canDecide ? <AwardDecisionPanel {...step} /> : null}
      {manages && a.award ? <InvestmentPanel application={a} reload={reload} onDone={step.onDone} /> : null}
    </Page>
  );
}

/** Where the application stands, what it asks for and when it was submitted and decided. */
function ApplicationFacts({ application: a }: { application: GrantApplication }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <dl className="details details-columns">
      <div>
        <dt>{t('web-grant-status')}</dt>
        <dd>
          <ApplicationStatusBadge status={a.status} label={a.statusLabel} />
        </dd>
      </div>
      <div>
        <dt>{t('web-grant-theme')}</dt>
        <dd data-testid="application-theme">{a.themeLabel}</dd>
      </div>
      <div>
        <dt>{t('web-grant-applicant')}</dt>
        <dd>{a.organisationName}</dd>
      </div>
      <div>
        <dt>{t('web-grant-programme')}</dt>
        <dd>
          {a.programme.name} <span className="muted">{a.programme.fiscalYearLabel}</span>
        </dd>
      </div>
      <div>
        <dt>{t('web-grant-requested')}</dt>
        <dd>
          <Yen value={a.requestedYen} testId="application-requested" />
        </dd>
      </div>
      {a.submittedAt ? (
        <div>
          <dt>{t('web-grant-submitted-at')}</dt>
          <dd>{formatDateTime(a.submittedAt, locale)}</dd>
        </div>
      ) : null}
      {a.decidedAt ? (
        <div>
          <dt>{t('web-grant-decided-at')}</dt>
          <dd>{formatDateTime(a.decidedAt, locale)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The applicant submits the draft within the window, or withdraws a draft or an undecided application. */
function ApplicantActions({ application: a, reload, refreshing, onDone }: GrantStepProps) {
  const t = useT();
  const [, submitApplication] = useMutation(SUBMIT_GRANT_APPLICATION);
  const [, withdraw] = useMutation(WITHDRAW_GRANT_APPLICATION);
  const action = useFormProblem([]);
  const [dialog, setDialog] = useState<'submit' | 'withdraw' | null>(null);
  const busy = action.busy || refreshing;

  const open = (name: 'submit' | 'withdraw') => {
    action.setProblem(null);
    setDialog(name);
  };
  const onSubmit = async () => {
    const data = await action.submit(() => submitApplication({ id: a.id, version: a.version }));
    setDialog(null);
    if (data) onDone(t('web-grant-application-submitted'));
  };
  const onWithdraw = async () => {
    const data = await action.submit(() => withdraw({ id: a.id, version: a.version }));
    setDialog(null);
    if (data) onDone(t('web-grant-application-withdrawn'));
  };

  return (
    <div className="introduction-actions" data-testid="applicant-actions">
      {dialog === null ? (
        <>
          <ErrorSummary problem={action.problem} unmatched={action.unmatched} />
          <GrantConflictReload problem={action.problem} onReload={reload} />
        </>
      ) : null}
      {a.canEdit ? <p className="muted">{t('web-grant-application-draft-hint')}</p> : null}
      <div className="button-row">
        {a.canEdit ? (
          <button type="button" className="button button-primary" onClick={() => open('submit')}>
            {t('web-grant-application-submit')}
          </button>
        ) : null}
        {a.canWithdraw ? (
          <button type="button" className="button button-danger" onClick={() => open('withdraw')}>
            {t('web-grant-application-withdraw')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={dialog === 'submit'}
        title={t('web-grant-application-submit-title')}
        message={<p>{t('web-grant-application-submit-confirm')}</p>}
        confirmLabel={t('web-grant-application-submit')}
        busy={busy}
        onConfirm={() => void onSubmit()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'withdraw'}
        title={t('web-grant-application-withdraw-title')}
        message={<p>{t('web-grant-application-withdraw-confirm')}</p>}
        confirmLabel={t('web-grant-application-withdraw')}
        danger
        busy={busy}
        onConfirm={() => void onWithdraw()}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}

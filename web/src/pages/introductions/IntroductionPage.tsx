import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/Dialog';
import {
  CheckboxGroup,
  ErrorSummary,
  Form,
  Notice,
  SubmitButton,
  TextAreaField,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page, focusPageHeading } from '../../components/Page';
import { clientValidationProblem, hasErrorCode, toProblem } from '../../graphql/errors';
import {
  ANSWER_INTRODUCTION,
  CONSENT_TO_INTRODUCTION,
  DECLINE_INTRODUCTION_CONSENT,
  INTRODUCTION,
} from '../../graphql/operations';
import { SHARED_FIELDS, type Introduction, type SharedField } from '../../graphql/types';
import { enumMessageId, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { IntroductionActions, IntroductionConflictReload } from './IntroductionActions';
import {
  DeskMessage,
  FieldNames,
  INTRODUCTIONS_CONTEXT,
  IntroductionFacts,
  IntroductionOutcomeFacts,
} from './IntroductionParts';
import { TargetScreen } from './TargetScreen';

/**
 * One introduction, as the signed-in reader may see it: the requester's consent screen while
 * it awaits their consent; the target's screen (only what was shared, and their answer while
 * it awaits one); otherwise where it stands, with the desk's next steps for desk people.
 */
export function IntroductionPage() {
  const t = useT();
  const viewer = useViewer();
  const { id = '' } = useParams();
  const [{ data, fetching, stale, error }, reexecute] = useQuery<{ introduction: Introduction }>({
    query: INTRODUCTION,
    variables: { id },
    context: INTRODUCTIONS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [, answer] = useMutation(ANSWER_INTRODUCTION);
  const introduction = data?.introduction ?? null;

  if (!viewer) return null;
  if (!introduction) {
    if (fetching) {
      return (
        <Page title={t('web-introduction-loading-title')}>
          <Loading />
        </Page>
      );
    }
    return (
      <Page title={t('web-introduction-not-found-title')}>
        {hasErrorCode(error, 'NOT_FOUND') || !error ? (
          <p>{t('web-introduction-not-found-body')}</p>
        ) : (
          <ErrorSummary problem={toProblem(error)} />
        )}
      </Page>
    );
  }

  const i = introduction;
  const refreshing = fetching || stale;
  if (i.steps.includes('CONSENT') || i.steps.includes('DECLINE_CONSENT')) {
    return <ConsentScreen key={i.version} introduction={i} reload={reload} refreshing={refreshing} />;
  }
  // Only the desk and the requester read the consultation; the target reads what was shared.
  if (i.consultation === null) {
    return <TargetScreen introduction={i} answer={(accept, note) => answer({ id: i.id, accept, note })} />;
  }
  return <OverviewScreen introduction={i} reload={reload} refreshing={refreshing} />;
}

/**
 * The requester decides: who the desk wants to introduce them to, how and why, and which of
 * the consultation's fields the target may read. Nothing reaches the target before they consent.
 */
function ConsentScreen({
  introduction: i,
  reload,
  refreshing,
}: {
  introduction: Introduction;
  reload: () => void;
  refreshing: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [, consent] = useMutation(CONSENT_TO_INTRODUCTION);
  const [, decline] = useMutation(DECLINE_INTRODUCTION_CONSENT);
  const form = useFormProblem(['fields']);
  const declineForm = useFormProblem(['reason']);
  const [fields, setFields] = useState<string[]>(() => [...i.proposedFields]);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(
      fields.length === 0
        ? [{ field: 'fields', code: 'REQUIRED', message: t('web-introduction-fields-required') }]
        : [],
    );
    form.setProblem(missing);
    if (missing) return;
    const chosen: SharedField[] = SHARED_FIELDS.filter((field) => fields.includes(field));
    const data = await form.submit(() => consent({ id: i.id, version: i.version, fields: chosen }));
    if (data) focusPageHeading();
  };

  const onDecline = async () => {
    const data = await declineForm.submit(() =>
      decline({ id: i.id, version: i.version, reason: reason.trim() }),
    );
    if (!data) return;
    setDeclining(false);
    focusPageHeading();
  };

  return (
    <Page
      title={t('web-introduction-consent-title')}
      lead={<p>{t('web-introduction-consent-lead', { name: i.targetName })}</p>}
    >
      <section className="panel" aria-labelledby="introduction-overview">
        <h2 id="introduction-overview">{t('web-introduction-overview-heading')}</h2>
        <IntroductionFacts introduction={i} />
        <DeskMessage introduction={i} />
      </section>
      <section className="panel" aria-labelledby="introduction-consent" data-testid="introduction-consent">
        <h2 id="introduction-consent">{t('web-introduction-consent-heading')}</h2>
        <div className="notice notice-info" data-testid="introduction-consent-promise">
          <p>{t('web-introduction-consent-promise', { name: i.targetName })}</p>
        </div>
        {i.answerDueAt ? (
          <p>{t('web-introduction-consent-by', { date: formatDateTime(i.answerDueAt, locale) })}</p>
        ) : null}
        {i.steps.includes('CONSENT') ? (
          <Form
            onSubmit={submit}
            busy={form.busy || refreshing}
            problem={form.problem}
            unmatched={form.unmatched}
            testId="consent-form"
          >
            <IntroductionConflictReload problem={form.problem} onReload={reload} />
            <CheckboxGroup
              legend={t('web-introduction-consent-fields', { name: i.targetName })}
              hint={t('web-introduction-consent-fields-hint')}
              required
              selected={fields}
              onChange={setFields}
              options={SHARED_FIELDS.map((field) => ({
                value: field,
                label: t(enumMessageId('shared-field', field)),
              }))}
              errors={form.errorsFor('fields')}
              stacked
              testId="consent-fields"
            />
            <div className="button-row">
              <SubmitButton busy={form.busy}>{t('web-introduction-consent-submit')}</SubmitButton>
              {i.steps.includes('DECLINE_CONSENT') ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    declineForm.setProblem(null);
                    setDeclining(true);
                  }}
                >
                  {t('introduction-step-decline-consent')}
                </button>
              ) : null}
            </div>
          </Form>
        ) : i.steps.includes('DECLINE_CONSENT') ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setDeclining(true)}>
              {t('introduction-step-decline-consent')}
            </button>
          </div>
        ) : null}
      </section>
      <ConfirmDialog
        open={declining}
        title={t('web-introduction-decline-consent-title', { name: i.targetName })}
        message={
          <>
            <p>{t('web-introduction-decline-consent-confirm', { name: i.targetName })}</p>
            <TextAreaField
              label={t('web-introduction-decline-consent-reason')}
              name="reason"
              hint={t('web-introduction-decline-consent-reason-hint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              errors={declineForm.errorsFor('reason')}
            />
          </>
        }
        confirmLabel={t('introduction-step-decline-consent')}
        busy={declineForm.busy || refreshing}
        onConfirm={() => void onDecline()}
        onClose={() => setDeclining(false)}
        error={
          <>
            <ErrorSummary problem={declineForm.problem} unmatched={declineForm.unmatched} />
            <IntroductionConflictReload problem={declineForm.problem} onReload={reload} />
          </>
        }
      />
    </Page>
  );
}

/** Where the introduction stands, for the desk (with its next steps) and the requester. */
function OverviewScreen({
  introduction: i,
  reload,
  refreshing,
}: {
  introduction: Introduction;
  reload: () => void;
  refreshing: boolean;
}) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const consultation = i.consultation;
  return (
    <Page
      title={t('web-introduction-title', { name: i.targetName })}
      lead={
        consultation ? (
          <p>
            <Link to={`/consultations/${encodeURIComponent(consultation.id)}`}>
              {t('web-introduction-back-to-consultation', { reference: consultation.reference })}
            </Link>
          </p>
        ) : null
      }
    >
      {i.status === 'CONSENTED' && i.steps.length === 0 ? (
        <Notice tone="info">
          <p data-testid="introduction-consented">
            {t('web-introduction-consented-notice', { name: i.targetName })}
          </p>
        </Notice>
      ) : null}
      {notice ? (
        <Notice>
          <p data-testid="introduction-notice">{notice}</p>
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="introduction-overview" data-testid="introduction-overview">
        <h2 id="introduction-overview">{t('web-introduction-overview-heading')}</h2>
        <IntroductionFacts introduction={i}>
          <div>
            <dt>
              {t(
                i.sharedFields.length ? 'web-introduction-shared-fields' : 'web-introduction-proposed-fields',
              )}
            </dt>
            <dd data-testid="introduction-fields">
              <FieldNames fields={i.sharedFields.length ? i.sharedFields : i.proposedFields} />
            </dd>
          </div>
        </IntroductionFacts>
        <DeskMessage introduction={i} />
        <IntroductionOutcomeFacts introduction={i} />
        <IntroductionActions introduction={i} reload={reload} refreshing={refreshing} onDone={setNotice} />
      </section>
    </Page>
  );
}

import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, hasErrorCode, toProblem } from '../../graphql/errors';
import { useT } from '../../i18n/LocaleProvider';
import { japanDate } from '../introductions/introductionForms';
import {
  APPLICATION_FIELDS,
  applicationInput,
  applicationProblems,
  draftFromApplication,
  emptyApplicationDraft,
  emptyMilestone,
  itemErrors,
  moveItem,
  plannedTotal,
  type ApplicationDraft,
  type MilestoneDraft,
} from './grantForms';
import { GRANT_APPLICATION, GRANT_PROGRAMME, SAVE_GRANT_APPLICATION } from './grantOperations';
import { ProgrammeMissing, RowButtons, type GrantNotice } from './GrantProgrammeFormPage';
import { GRANTS_CONTEXT, GrantConflictReload, Yen } from './GrantParts';
import type { GrantApplication, GrantProgramme, ThemeOption } from './grantTypes';

/** The requester applies to a programme: a new draft, or their organisation's draft if it has one. */
export function ApplyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery<{ grantProgramme: GrantProgramme }>({
    query: GRANT_PROGRAMME,
    variables: { id },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const programme = data?.grantProgramme ?? null;
  if (!programme) return <ProgrammeMissing fetching={fetching} error={error} />;
  const own = programme.myApplication;
  if (own?.canEdit)
    return <Navigate to={`/grants/applications/${encodeURIComponent(own.id)}/edit`} replace />;
  if (own) {
    return (
      <Page title={t('web-grant-apply-title', { name: programme.name })}>
        <p data-testid="application-exists">{t('web-grant-apply-exists')}</p>
        <div className="button-row">
          <Link className="button button-primary" to={`/grants/applications/${encodeURIComponent(own.id)}`}>
            {t('web-grant-list-open-my-application')}
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page
      title={t('web-grant-apply-title', { name: programme.name })}
      lead={<p>{t('web-grant-apply-lead')}</p>}
    >
      {programme.isOpen ? null : (
        <div className="notice notice-info" data-testid="programme-closed">
          <p>{t('web-grant-apply-closed')}</p>
        </div>
      )}
      <ApplicationForm
        programmeId={programme.id}
        themes={programme.themeOptions}
        ceilingYen={programme.awardCeilingYen}
        initial={emptyApplicationDraft(programme.themeOptions.map((o) => o.value))}
        application={null}
        onReload={null}
      />
    </Page>
  );
}

/** The applicant changes their draft. */
export function EditApplicationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery<{ grantApplication: GrantApplication }>({
    query: GRANT_APPLICATION,
    variables: { id },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const application = data?.grantApplication ?? null;
  if (!application) return <ApplicationMissing fetching={fetching} error={error} />;
  const a = application;
  if (!a.canEdit) {
    return (
      <Page title={t('web-grant-application-edit-title')}>
        <p data-testid="application-not-editable">{t('web-grant-application-not-editable')}</p>
        <div className="button-row">
          <Link className="button button-primary" to={`/grants/applications/${encodeURIComponent(a.id)}`}>
            {t('web-grant-application-view')}
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page
      title={t('web-grant-application-edit-title')}
      lead={<p>{t('web-grant-apply-lead')}</p>}
      actions={
        <Link className="button" to={`/grants/applications/${encodeURIComponent(a.id)}`}>
          {t('web-grant-application-view')}
        </Link>
      }
    >
      <ApplicationForm
        key={a.version}
        programmeId={a.programme.id}
        themes={a.programme.themeOptions}
        ceilingYen={a.programme.awardCeilingYen}
        initial={draftFromApplication(a)}
        application={a}
        onReload={() => reexecute({ requestPolicy: 'network-only' })}
      />
    </Page>
  );
}

/** An application that could not be loaded: not there, not visible, or an error. */
export function ApplicationMissing({
  fetching,
  error,
}: {
  fetching: boolean;
  error?: Parameters<typeof toProblem>[0];
}) {
  const t = useT();
  if (fetching) {
    return (
      <Page title={t('web-grant-application-loading-title')}>
        <Loading />
      </Page>
    );
  }
  return (
    <Page title={t('web-grant-application-not-found-title')}>
      {hasErrorCode(error, 'NOT_FOUND') || !error ? (
        <p>{t('web-grant-application-not-found-body')}</p>
      ) : (
        <ErrorSummary problem={toProblem(error)} />
      )}
    </Page>
  );
}

interface ApplicationFormProps {
  programmeId: string;
  themes: readonly ThemeOption[];
  ceilingYen: number;
  initial: ApplicationDraft;
  /** The draft changed, or null for a new one. */
  application: GrantApplication | null;
  onReload: (() => void) | null;
}

/**
 * The theme, the project and its milestone plan: milestones in the order they fall due, each
 * with what counts as achieved and the tranche it releases, totalled against the ceiling.
 * Saving keeps a draft; it is submitted from the application's page.
 */
function ApplicationForm({
  programmeId,
  themes,
  ceilingYen,
  initial,
  application,
  onReload,
}: ApplicationFormProps) {
  const t = useT();
  const navigate = useNavigate();
  const [, save] = useMutation(SAVE_GRANT_APPLICATION);
  const form = useFormProblem(APPLICATION_FIELDS);
  const [draft, setDraft] = useState<ApplicationDraft>(initial);
  const set = (change: Partial<ApplicationDraft>) => setDraft((current) => ({ ...current, ...change }));
  const setMilestones = (milestones: MilestoneDraft[]) => set({ milestones });
  const change = (key: string, patch: Partial<MilestoneDraft>) =>
    setMilestones(draft.milestones.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const fields = form.problem?.fields;
  const today = japanDate(new Date());
  const total = plannedTotal(draft.milestones);
  const over = total > ceilingYen;

  const submit = async () => {
    const problems = clientValidationProblem(
      applicationProblems(draft, {
        required: t('web-validation-required'),
        yen: t('web-grant-validation-yen'),
        milestones: t('web-grant-validation-milestones'),
        order: t('web-grant-validation-milestone-order'),
      }),
    );
    form.setProblem(problems);
    if (problems) return;
    const data = await form.submit(() => save({ input: applicationInput(programmeId, draft, application) }));
    if (!data) return;
    const saved = data.saveGrantApplication as { id: string };
    const state: GrantNotice = { grantNotice: t('web-grant-application-saved') };
    navigate(`/grants/applications/${encodeURIComponent(saved.id)}`, { state });
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      className="form form-wide"
      testId="grant-application-form"
    >
      {onReload ? <GrantConflictReload problem={form.problem} onReload={onReload} /> : null}
      <section className="form-section" aria-labelledby="application-form-project">
        <h2 id="application-form-project">{t('web-grant-application-form-project')}</h2>
        <SelectField
          label={t('web-grant-theme')}
          name="theme"
          required
          value={draft.theme}
          onChange={(e) => set({ theme: e.target.value as ApplicationDraft['theme'] })}
          options={[{ value: '', label: t('web-select-placeholder') }, ...themes]}
          errors={form.errorsFor('theme')}
        />
        <TextField
          label={t('web-grant-application-title')}
          name="title"
          required
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          errors={form.errorsFor('title')}
        />
        <TextAreaField
          label={t('web-grant-summary')}
          name="summary"
          required
          rows={6}
          hint={t('web-grant-summary-hint')}
          value={draft.summary}
          onChange={(e) => set({ summary: e.target.value })}
          errors={form.errorsFor('summary')}
        />
      </section>

      <section
        className="form-section"
        aria-labelledby="application-form-milestones"
        data-testid="milestone-plan"
      >
        <h2 id="application-form-milestones">{t('web-grant-milestones')}</h2>
        <p className="field-hint">{t('web-grant-milestones-hint')}</p>
        {form.errorsFor('milestones') ? (
          <p className="field-error" data-testid="milestones-error">
            {form.errorsFor('milestones')?.join(' ')}
          </p>
        ) : null}
        <ol className="grant-rows">
          {draft.milestones.map((m, i) => {
            const label = t('web-grant-milestone-number', { count: i + 1 });
            return (
              <li key={m.key} className="grant-row" data-testid="milestone-row">
                <fieldset className="fieldset">
                  <legend>{label}</legend>
                  <TextField
                    label={t('web-grant-milestone-title')}
                    required
                    value={m.title}
                    onChange={(e) => change(m.key, { title: e.target.value })}
                    errors={itemErrors(fields, 'milestones', i, 'title')}
                  />
                  <TextAreaField
                    label={t('web-grant-milestone-criteria')}
                    required
                    rows={3}
                    hint={t('web-grant-milestone-criteria-hint')}
                    value={m.successCriteria}
                    onChange={(e) => change(m.key, { successCriteria: e.target.value })}
                    errors={itemErrors(fields, 'milestones', i, 'successCriteria')}
                  />
                  <div className="field-pair">
                    <TextField
                      label={t('web-grant-milestone-due')}
                      type="date"
                      required
                      min={today}
                      value={m.dueOn}
                      onChange={(e) => change(m.key, { dueOn: e.target.value })}
                      errors={itemErrors(fields, 'milestones', i, 'dueOn')}
                    />
                    <TextField
                      label={t('web-grant-milestone-tranche')}
                      inputMode="numeric"
                      required
                      hint={t('web-grant-yen-hint')}
                      value={m.trancheYen}
                      onChange={(e) => change(m.key, { trancheYen: e.target.value })}
                      errors={itemErrors(fields, 'milestones', i, 'trancheYen')}
                    />
                  </div>
                  <RowButtons
                    index={i}
                    count={draft.milestones.length}
                    label={label}
                    onMove={(by) => setMilestones(moveItem(draft.milestones, i, by))}
                    onRemove={() => setMilestones(draft.milestones.filter((other) => other.key !== m.key))}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setMilestones([...draft.milestones, emptyMilestone()])}
            data-testid="add-milestone"
          >
            {t('web-grant-milestone-add')}
          </button>
        </div>
        <div className="grant-total" aria-live="polite" data-testid="plan-total">
          <dl className="details">
            <dt>{t('web-grant-plan-total')}</dt>
            <dd>
              <Yen value={total} testId="plan-total-amount" />
            </dd>
            <dt>{t('web-grant-ceiling')}</dt>
            <dd>
              <Yen value={ceilingYen} />
            </dd>
          </dl>
          {over ? (
            <p className="field-error" data-testid="plan-over-ceiling">
              {t('web-grant-plan-over-ceiling')}
            </p>
          ) : null}
        </div>
      </section>

      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-grant-application-save')}</SubmitButton>
        <Link
          className="button"
          to={
            application
              ? `/grants/applications/${encodeURIComponent(application.id)}`
              : `/grants/programmes/${encodeURIComponent(programmeId)}`
          }
        >
          {t('web-action-cancel')}
        </Link>
      </div>
    </Form>
  );
}

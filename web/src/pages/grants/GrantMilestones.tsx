import { useState } from 'react';
import { useMutation } from 'urql';
import { Form, RadioGroup, SubmitButton, TextAreaField, useFormProblem } from '../../components/forms';
import { clientValidationProblem } from '../../graphql/errors';
import { enumMessageId, formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { decisionNeedsNote, parseLinks } from './grantForms';
import { DECIDE_MILESTONE, SUBMIT_MILESTONE_EVIDENCE } from './grantOperations';
import { DisbursementFacts, GrantConflictReload, MilestoneStatusBadge, Yen } from './GrantParts';
import {
  MILESTONE_DECISIONS,
  type GrantApplication,
  type GrantMilestone,
  type MilestoneDecision,
} from './grantTypes';

export interface GrantStepProps {
  application: GrantApplication;
  /** Fetches the application again, e.g. after an edit conflict. */
  reload: () => void;
  /** While the application is fetched again its versions are about to change: steps wait. */
  refreshing: boolean;
  /** Reports a success, shown as a notice. */
  onDone: (text: string) => void;
}

/**
 * The milestone plan in order: each milestone's goal, due date, tranche and where it stands,
 * with its evidence and the decision on it; the applicant submits evidence for the active
 * milestone, staff decide on evidence submitted.
 */
export function MilestoneList({ application: a, reload, refreshing, onDone }: GrantStepProps) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="application-milestones" data-testid="application-milestones">
      <h2 id="application-milestones">{t('web-grant-milestones')}</h2>
      <ol className="grant-milestones">
        {a.milestones.map((m) => (
          <MilestoneItem
            key={m.id}
            milestone={m}
            application={a}
            reload={reload}
            refreshing={refreshing}
            onDone={onDone}
          />
        ))}
      </ol>
    </section>
  );
}

function MilestoneItem({ milestone: m, ...step }: GrantStepProps & { milestone: GrantMilestone }) {
  const t = useT();
  const { locale } = useLocale();
  const headingId = `milestone-${m.id}`;
  const decisions = MILESTONE_DECISIONS.filter((d) => m.steps.includes(d));
  return (
    <li
      className="grant-milestone"
      aria-labelledby={headingId}
      data-testid="milestone"
      data-position={m.position}
    >
      <div className="introduction-head">
        <h3 id={headingId}>{t('web-grant-milestone-heading', { count: m.position, name: m.title })}</h3>
        <MilestoneStatusBadge status={m.status} label={m.statusLabel} />
      </div>
      <dl className="details details-columns">
        <div>
          <dt>{t('web-grant-milestone-due')}</dt>
          <dd data-testid="milestone-due">{formatCalendarDate(m.dueOn, locale)}</dd>
        </div>
        <div>
          <dt>{t('web-grant-milestone-tranche-amount')}</dt>
          <dd>
            <Yen value={m.trancheYen} testId="milestone-tranche" />
          </dd>
        </div>
        {m.disbursement ? (
          <div>
            <dt>{t('web-grant-disbursement')}</dt>
            <dd data-testid="milestone-disbursement">
              <DisbursementFacts disbursement={m.disbursement} />
            </dd>
          </div>
        ) : null}
        {m.evidenceSubmittedAt ? (
          <div>
            <dt>{t('web-grant-evidence-submitted-at')}</dt>
            <dd>{formatDateTime(m.evidenceSubmittedAt, locale)}</dd>
          </div>
        ) : null}
        {m.decidedAt ? (
          <div>
            <dt>{t('web-grant-milestone-decided-at')}</dt>
            <dd>{formatDateTime(m.decidedAt, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <dl className="details grant-milestone-texts">
        <dt>{t('web-grant-milestone-criteria')}</dt>
        <dd className="text-block">{m.successCriteria}</dd>
        {m.evidence ? (
          <>
            <dt>{t('web-grant-evidence')}</dt>
            <dd className="text-block" data-testid="milestone-evidence">
              {m.evidence}
            </dd>
          </>
        ) : null}
        {m.evidenceLinks.length ? (
          <>
            <dt>{t('web-grant-evidence-links')}</dt>
            <dd>
              <ul className="plain-list">
                {m.evidenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {m.decisionNote ? (
          <>
            <dt>{t('web-grant-milestone-decision-note')}</dt>
            <dd className="text-block" data-testid="milestone-decision-note">
              {m.decisionNote}
            </dd>
          </>
        ) : null}
      </dl>
      {m.steps.includes('SUBMIT_EVIDENCE') ? <EvidenceForm key={m.version} milestone={m} {...step} /> : null}
      {m.status === 'EVIDENCE_SUBMITTED' && decisions.length ? (
        <DecisionForm key={m.version} milestone={m} decisions={decisions} {...step} />
      ) : null}
      {m.status !== 'EVIDENCE_SUBMITTED' && decisions.length ? (
        // Without evidence to review, staff may only end the award (e.g. the due date passed).
        <details className="grant-step-details">
          <summary>{t('web-grant-decision-without-evidence')}</summary>
          <DecisionForm key={m.version} milestone={m} decisions={decisions} {...step} />
        </details>
      ) : null}
    </li>
  );
}

/** The applicant shows that the milestone was achieved: what was done, and links to the documents. */
function EvidenceForm({
  milestone: m,
  reload,
  refreshing,
  onDone,
}: GrantStepProps & { milestone: GrantMilestone }) {
  const t = useT();
  const [, submitEvidence] = useMutation(SUBMIT_MILESTONE_EVIDENCE);
  const form = useFormProblem(['evidence', 'links']);
  const [evidence, setEvidence] = useState(m.evidence ?? '');
  const [links, setLinks] = useState(m.evidenceLinks.join('\n'));

  const submit = async () => {
    const missing = clientValidationProblem(
      evidence.trim() === ''
        ? [{ field: 'evidence', code: 'REQUIRED', message: t('web-validation-required') }]
        : [],
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      submitEvidence({
        milestoneId: m.id,
        version: m.version,
        evidence: evidence.trim(),
        links: parseLinks(links),
      }),
    );
    if (data) onDone(t('web-grant-evidence-sent', { count: m.position }));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      className="form grant-step-form"
      testId="evidence-form"
    >
      <GrantConflictReload problem={form.problem} onReload={reload} />
      <h4>{t('web-grant-evidence-heading')}</h4>
      {m.status === 'REJECTED' ? <p className="muted">{t('web-grant-evidence-again')}</p> : null}
      <TextAreaField
        label={t('web-grant-evidence')}
        name="evidence"
        required
        rows={5}
        hint={t('web-grant-evidence-hint')}
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
        errors={form.errorsFor('evidence')}
      />
      <TextAreaField
        label={t('web-grant-evidence-links')}
        name="links"
        rows={3}
        hint={t('web-grant-evidence-links-hint')}
        value={links}
        onChange={(e) => setLinks(e.target.value)}
        errors={form.errorsFor('links')}
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('milestone-step-submit-evidence')}</SubmitButton>
      </div>
    </Form>
  );
}

const DECIDED: Record<MilestoneDecision, string> = {
  APPROVE: 'web-grant-milestone-approved',
  REJECT: 'web-grant-milestone-rejected',
  FAIL: 'web-grant-milestone-failed',
};

/**
 * Staff decide on a milestone: approve it (its tranche is released, or waits for private
 * investment), ask for more evidence, or find it not achieved (the award ends); the last two
 * need a note for the applicant.
 */
function DecisionForm({
  milestone: m,
  decisions,
  reload,
  refreshing,
  onDone,
}: GrantStepProps & { milestone: GrantMilestone; decisions: MilestoneDecision[] }) {
  const t = useT();
  const [, decide] = useMutation(DECIDE_MILESTONE);
  const form = useFormProblem(['decision', 'note']);
  const [decision, setDecision] = useState<MilestoneDecision | ''>('');
  const [note, setNote] = useState('');

  const submit = async () => {
    const problems = [];
    if (decision === '')
      problems.push({ field: 'decision', code: 'REQUIRED', message: t('web-validation-required') });
    if (decisionNeedsNote(decision) && note.trim() === '') {
      problems.push({ field: 'note', code: 'REQUIRED', message: t('web-grant-decision-note-required') });
    }
    const found = clientValidationProblem(problems);
    form.setProblem(found);
    if (found || decision === '') return;
    const data = await form.submit(() =>
      decide({ milestoneId: m.id, version: m.version, decision, note: note.trim() }),
    );
    if (data) onDone(t(DECIDED[decision], { count: m.position }));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      className="form grant-step-form"
      testId="milestone-decision-form"
    >
      <GrantConflictReload problem={form.problem} onReload={reload} />
      <h4>{t('web-grant-decision-heading')}</h4>
      {m.status === 'EVIDENCE_SUBMITTED' ? null : (
        <p className="muted">{t('web-grant-decision-without-evidence-hint')}</p>
      )}
      <RadioGroup
        legend={t('web-grant-decision')}
        name={`decision-${m.id}`}
        required
        value={decision}
        onChange={(value) => setDecision(value as MilestoneDecision)}
        options={decisions.map((d) => ({ value: d, label: t(enumMessageId('milestone-step', d)) }))}
        errors={form.errorsFor('decision')}
        stacked
      />
      <TextAreaField
        label={t('web-grant-decision-note')}
        name="note"
        required={decisionNeedsNote(decision)}
        hint={t('web-grant-decision-note-hint')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={form.errorsFor('note')}
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-grant-decision-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

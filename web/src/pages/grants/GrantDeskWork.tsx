import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/Dialog';
import {
  ErrorSummary,
  Form,
  Notice,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormProblem,
} from '../../components/forms';
import { Loading } from '../../components/Page';
import { clientValidationProblem, toProblem } from '../../graphql/errors';
import { INVESTMENT_ROUNDS, type InvestmentRound } from '../../graphql/types';
import { enumMessageId, formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { japanDate } from '../introductions/introductionForms';
import {
  AWARD_FIELDS,
  EMPTY_INVESTMENT,
  INVESTMENT_FIELDS,
  awardDraftFrom,
  awardInput,
  awardProblems,
  formatScore,
  investmentInput,
  investmentProblems,
  itemErrors,
  type AwardDraft,
  type InvestmentDraft,
} from './grantForms';
import type { GrantStepProps } from './GrantMilestones';
import {
  ASSIGN_GRANT_REVIEWER,
  AWARD_GRANT,
  GRANT_REVIEWER_CANDIDATES,
  RECORD_INVESTMENT,
  REJECT_GRANT_APPLICATION,
  SUBMIT_GRANT_REVIEW,
} from './grantOperations';
import { GrantConflictReload, Yen } from './GrantParts';
import {
  RECOMMENDATIONS,
  type GrantApplication,
  type GrantInvestment,
  type GrantReview,
  type Recommendation,
  type ReviewerCandidate,
} from './grantTypes';

/** The candidates refresh when an application changes (a reviewer was assigned). */
const CANDIDATES_CONTEXT = { additionalTypenames: ['GrantApplication'] };

/**
 * Staff choose reviewers among the programme desk's advisors and staff. Those with a conflict
 * of interest with the applicant are listed apart and cannot be chosen.
 */
export function ReviewersPanel({ application: a, onDone }: Pick<GrantStepProps, 'application' | 'onDone'>) {
  const t = useT();
  const [{ data, fetching, error }] = useQuery<{ grantReviewerCandidates: ReviewerCandidate[] }>({
    query: GRANT_REVIEWER_CANDIDATES,
    variables: { applicationId: a.id },
    context: CANDIDATES_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const [, assign] = useMutation(ASSIGN_GRANT_REVIEWER);
  const form = useFormProblem(['userId']);
  const [userId, setUserId] = useState('');
  const candidates = data?.grantReviewerCandidates;
  const assigned = candidates?.filter((c) => c.assigned) ?? [];
  const conflicted = candidates?.filter((c) => c.conflict) ?? [];
  const choosable = candidates?.filter((c) => !c.conflict && !c.assigned) ?? [];

  const submit = async () => {
    const missing = clientValidationProblem(
      userId === '' ? [{ field: 'userId', code: 'REQUIRED', message: t('web-validation-required') }] : [],
    );
    form.setProblem(missing);
    const chosen = choosable.find((c) => c.userId === userId);
    if (missing || !chosen) return;
    const done = await form.submit(() => assign({ applicationId: a.id, userId }));
    if (!done) return;
    setUserId('');
    onDone(t('web-grant-reviewer-assigned', { name: chosen.name }));
  };

  return (
    <section className="panel" aria-labelledby="application-reviewers" data-testid="reviewers-panel">
      <h2 id="application-reviewers">{t('web-grant-reviewers')}</h2>
      <p className="muted">{t('web-grant-reviewers-lead')}</p>
      <ErrorSummary problem={toProblem(error)} />
      {!candidates ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <dl className="details details-inline">
            <dt>{t('web-grant-reviewer-is-assigned')}</dt>
            <dd data-testid="assigned-reviewers">
              {assigned.length ? (
                assigned.map((c) => c.name).join(t('web-list-separator'))
              ) : (
                <span className="muted">{t('web-grant-reviews-none')}</span>
              )}
            </dd>
            {conflicted.length ? (
              <>
                <dt>{t('web-grant-reviewer-conflict')}</dt>
                <dd data-testid="conflicted-reviewers">
                  {conflicted.map((c) => c.name).join(t('web-list-separator'))}{' '}
                  <span className="muted">{t('web-grant-reviewer-conflict-hint')}</span>
                </dd>
              </>
            ) : null}
          </dl>
          {choosable.length === 0 ? (
            <p>{t('web-grant-reviewers-none')}</p>
          ) : (
            <Form
              onSubmit={submit}
              busy={form.busy}
              problem={form.problem}
              unmatched={form.unmatched}
              className="form form-inline"
              testId="assign-reviewer-form"
            >
              <SelectField
                label={t('web-grant-reviewer')}
                name="userId"
                required
                value={userId}
                onChange={(e) => setUserId(e.target.value)}
                options={[
                  { value: '', label: t('web-select-placeholder') },
                  ...choosable.map((c) => ({
                    value: c.userId,
                    label: t('web-grant-reviewer-option', {
                      name: c.name,
                      role: t(enumMessageId('role', c.role)),
                    }),
                  })),
                ]}
                errors={form.errorsFor('userId')}
              />
              <div className="button-row">
                <SubmitButton busy={form.busy}>{t('web-grant-reviewer-assign')}</SubmitButton>
              </div>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

/** The reviews for staff: each reviewer's scores, weighted score and recommendation, and their mean. */
export function ReviewsPanel({ application: a }: { application: GrantApplication }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="panel" aria-labelledby="application-reviews" data-testid="reviews-panel">
      <h2 id="application-reviews">{t('web-grant-reviews')}</h2>
      <dl className="details details-inline">
        <dt>{t('web-grant-aggregate-score')}</dt>
        <dd data-testid="aggregate-score">
          {a.aggregateScore !== null ? (
            t('web-grant-score-value', { score: formatScore(a.aggregateScore, locale) })
          ) : (
            <span className="muted">{t('web-grant-aggregate-none')}</span>
          )}
        </dd>
      </dl>
      {a.reviews.length === 0 ? (
        <p className="muted">{t('web-grant-reviews-none')}</p>
      ) : (
        <ul className="introduction-list">
          {a.reviews.map((review) => (
            <li key={review.reviewerName} className="introduction" data-testid="review">
              <ReviewFacts review={review} heading={review.reviewerName} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One review: weighted score, recommendation, each criterion's score and the comment. */
function ReviewFacts({ review: r, heading }: { review: GrantReview; heading: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <div className="introduction-head">
        <h3>{heading}</h3>
        {r.submittedAt ? (
          <span className="muted">{formatDateTime(r.submittedAt, locale)}</span>
        ) : (
          <span className="badge badge-muted">{t('web-grant-review-pending')}</span>
        )}
      </div>
      {r.submittedAt ? (
        <>
          <dl className="details details-columns">
            <div>
              <dt>{t('web-grant-weighted-score')}</dt>
              <dd data-testid="weighted-score">
                {r.weightedScore !== null
                  ? t('web-grant-score-value', { score: formatScore(r.weightedScore, locale) })
                  : null}
              </dd>
            </div>
            <div>
              <dt>{t('web-grant-recommendation')}</dt>
              <dd data-testid="recommendation">{r.recommendationLabel}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('web-grant-criterion')}</th>
                  <th scope="col" className="numeric">
                    {t('web-grant-criterion-weight')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('web-grant-score')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.scores.map((s) => (
                  <tr key={s.criterionId}>
                    <td>{s.criterionName}</td>
                    <td className="numeric">{s.weight}</td>
                    <td className="numeric">{s.score}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.comment ? <div className="text-block quote">{r.comment}</div> : null}
        </>
      ) : null}
    </>
  );
}

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** An assigned reviewer scores every criterion from 1 to 5, recommends, and may comment; again until it is decided. */
export function ReviewForm({ application: a, onDone }: Pick<GrantStepProps, 'application' | 'onDone'>) {
  const t = useT();
  const { locale } = useLocale();
  const [, submitReview] = useMutation(SUBMIT_GRANT_REVIEW);
  const form = useFormProblem(['scores', 'scores.score', 'scores.criterionId', 'recommendation', 'comment']);
  const criteria = a.programme.criteria;
  const mine = a.myReview;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries((mine?.scores ?? []).map((s) => [s.criterionId, String(s.score)])),
  );
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(mine?.recommendation ?? '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const fields = form.problem?.fields;

  const submit = async () => {
    const required = t('web-validation-required');
    const problems = criteria
      .map((c, i) =>
        scores[c.id] ? null : { field: `scores.${i}.score`, code: 'REQUIRED', message: required },
      )
      .filter((p) => p !== null);
    if (recommendation === '')
      problems.push({ field: 'recommendation', code: 'REQUIRED', message: required });
    const found = clientValidationProblem(problems);
    form.setProblem(found);
    if (found || recommendation === '') return;
    const input = {
      scores: criteria.map((c) => ({ criterionId: c.id, score: Number(scores[c.id]) })),
      recommendation,
      comment: comment.trim(),
    };
    const data = await form.submit(() => submitReview({ applicationId: a.id, input }));
    if (data) onDone(t('web-grant-review-sent'));
  };

  return (
    <section className="panel" aria-labelledby="application-my-review" data-testid="review-panel">
      <h2 id="application-my-review">{t('web-grant-my-review')}</h2>
      <p className="muted">{t('web-grant-my-review-lead')}</p>
      {mine?.submittedAt && mine.weightedScore !== null ? (
        <Notice tone="info">
          <p data-testid="my-review-submitted">
            {t('web-grant-my-review-submitted', {
              date: formatDateTime(mine.submittedAt, locale),
              score: formatScore(mine.weightedScore, locale),
            })}
          </p>
        </Notice>
      ) : null}
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="review-form"
      >
        {form.errorsFor('scores') ? (
          <p className="field-error">{form.errorsFor('scores')?.join(' ')}</p>
        ) : null}
        {criteria.map((c, i) => (
          <RadioGroup
            key={c.id}
            legend={t('web-grant-criterion-with-weight', { name: c.name, count: c.weight })}
            name={`score-${c.id}`}
            required
            value={scores[c.id] ?? ''}
            onChange={(value) => setScores((current) => ({ ...current, [c.id]: value }))}
            options={SCORES.map((score) => ({ value: score, label: score }))}
            errors={
              itemErrors(fields, 'scores', i, 'score') ?? itemErrors(fields, 'scores', i, 'criterionId')
            }
            hint={i === 0 ? t('web-grant-score-hint') : undefined}
            testId="review-score"
          />
        ))}
        <RadioGroup
          legend={t('web-grant-recommendation')}
          name="recommendation"
          required
          value={recommendation}
          onChange={(value) => setRecommendation(value as Recommendation)}
          options={RECOMMENDATIONS.map((r) => ({
            value: r,
            label: t(enumMessageId('grant-recommendation', r)),
          }))}
          errors={form.errorsFor('recommendation')}
          stacked
        />
        <TextAreaField
          label={t('web-grant-review-comment')}
          name="comment"
          hint={t('web-grant-review-comment-hint')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          errors={form.errorsFor('comment')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-grant-review-submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/** The reviewer's own review as submitted, once the application can no longer be scored. */
export function MyReviewFacts({ review }: { review: GrantReview }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="application-my-review" data-testid="my-review">
      <h2 id="application-my-review">{t('web-grant-my-review')}</h2>
      <ReviewFacts review={review} heading={review.reviewerName} />
    </section>
  );
}

/**
 * Staff decide: award the application (the amount, prefilled with what was requested, and each
 * milestone's tranche, prefilled from the plan), or reject it, saying why.
 */
export function AwardDecisionPanel({ application: a, reload, refreshing, onDone }: GrantStepProps) {
  const t = useT();
  const [, award] = useMutation(AWARD_GRANT);
  const form = useFormProblem(AWARD_FIELDS);
  const [draft, setDraft] = useState<AwardDraft>(() => awardDraftFrom(a));
  const [rejecting, setRejecting] = useState(false);
  const ids = a.milestones.map((m) => m.id);
  const fields = form.problem?.fields;

  const submit = async () => {
    const found = clientValidationProblem(
      awardProblems(draft, ids, {
        required: t('web-validation-required'),
        yen: t('web-grant-validation-yen'),
      }),
    );
    form.setProblem(found);
    if (found) return;
    const data = await form.submit(() =>
      award({ applicationId: a.id, version: a.version, input: awardInput(draft, ids) }),
    );
    if (data) onDone(t('web-grant-awarded', { name: a.organisationName }));
  };

  return (
    <section className="panel" aria-labelledby="application-decision" data-testid="decision-panel">
      <h2 id="application-decision">{t('web-grant-decision-award-heading')}</h2>
      <p className="muted">{t('web-grant-award-lead')}</p>
      <Form
        onSubmit={submit}
        busy={form.busy || refreshing}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="award-form"
      >
        <GrantConflictReload problem={form.problem} onReload={reload} />
        <TextField
          label={t('web-grant-award-amount')}
          name="amountYen"
          inputMode="numeric"
          required
          hint={t('web-grant-award-amount-hint')}
          value={draft.amountYen}
          onChange={(e) => setDraft({ ...draft, amountYen: e.target.value })}
          errors={form.errorsFor('amountYen')}
        />
        <fieldset className="fieldset" data-testid="award-tranches">
          <legend>{t('web-grant-award-tranches')}</legend>
          {form.errorsFor('tranches') ? (
            <p className="field-error">{form.errorsFor('tranches')?.join(' ')}</p>
          ) : null}
          {a.milestones.map((m, i) => (
            <TextField
              key={m.id}
              label={t('web-grant-milestone-heading', { count: m.position, name: m.title })}
              inputMode="numeric"
              required
              value={draft.tranches[m.id] ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, tranches: { ...draft.tranches, [m.id]: e.target.value } })
              }
              errors={
                itemErrors(fields, 'tranches', i, 'trancheYen') ??
                itemErrors(fields, 'tranches', i, 'milestoneId')
              }
            />
          ))}
        </fieldset>
        <TextAreaField
          label={t('web-grant-decision-note-award')}
          name="note"
          hint={t('web-grant-decision-note-award-hint')}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          errors={form.errorsFor('note')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-grant-award-submit')}</SubmitButton>
          <button type="button" className="button button-danger" onClick={() => setRejecting(true)}>
            {t('web-grant-reject')}
          </button>
        </div>
      </Form>
      <Dialog
        open={rejecting}
        title={t('web-grant-reject-title', { name: a.organisationName })}
        onClose={() => setRejecting(false)}
        testId="reject-dialog"
      >
        <RejectForm
          application={a}
          reload={reload}
          refreshing={refreshing}
          onCancel={() => setRejecting(false)}
          onDone={(text) => {
            setRejecting(false);
            onDone(text);
          }}
        />
      </Dialog>
    </section>
  );
}

function RejectForm({
  application: a,
  reload,
  refreshing,
  onCancel,
  onDone,
}: GrantStepProps & { onCancel: () => void }) {
  const t = useT();
  const [, reject] = useMutation(REJECT_GRANT_APPLICATION);
  const form = useFormProblem(['note']);
  const [note, setNote] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(
      note.trim() === '' ? [{ field: 'note', code: 'REQUIRED', message: t('web-validation-required') }] : [],
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      reject({ applicationId: a.id, version: a.version, note: note.trim() }),
    );
    if (data) onDone(t('web-grant-rejected', { name: a.organisationName }));
  };

  return (
    <Form onSubmit={submit} busy={form.busy || refreshing} problem={form.problem} unmatched={form.unmatched}>
      <GrantConflictReload problem={form.problem} onReload={reload} />
      <p>{t('web-grant-reject-lead')}</p>
      <TextAreaField
        label={t('web-grant-reject-reason')}
        name="note"
        required
        hint={t('web-grant-reject-reason-hint')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={form.errorsFor('note')}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-grant-reject')}</SubmitButton>
      </div>
    </Form>
  );
}

/**
 * Staff record a private investment confirmed in the applicant organisation; tranches waiting
 * for the VC match are released as far as it allows.
 */
export function InvestmentPanel({
  application: a,
  reload,
  onDone,
}: Pick<GrantStepProps, 'application' | 'reload' | 'onDone'>) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel" aria-labelledby="application-investment" data-testid="investment-panel">
      <h2 id="application-investment">{t('web-grant-investment')}</h2>
      <p className="muted">{t('web-grant-investment-lead', { name: a.organisationName })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => setOpen(true)}
          data-testid="record-investment"
        >
          {t('web-grant-investment-record')}
        </button>
      </div>
      <Dialog
        open={open}
        title={t('web-grant-investment-title', { name: a.organisationName })}
        onClose={() => setOpen(false)}
        wide
        testId="investment-dialog"
      >
        <InvestmentForm
          organisationId={a.organisationId}
          onCancel={() => setOpen(false)}
          onDone={(text) => {
            setOpen(false);
            reload();
            onDone(text);
          }}
        />
      </Dialog>
    </section>
  );
}

function InvestmentForm({
  organisationId,
  onCancel,
  onDone,
}: {
  organisationId: string;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const t = useT();
  const [, record] = useMutation(RECORD_INVESTMENT);
  const form = useFormProblem(INVESTMENT_FIELDS);
  const [draft, setDraft] = useState<InvestmentDraft>(EMPTY_INVESTMENT);
  const today = japanDate(new Date());
  const set = (change: Partial<InvestmentDraft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = async () => {
    const found = clientValidationProblem(
      investmentProblems(draft, today, {
        required: t('web-validation-required'),
        yen: t('web-grant-validation-yen'),
        future: t('web-introduction-validation-future'),
      }),
    );
    form.setProblem(found);
    if (found) return;
    const data = await form.submit(() => record({ input: investmentInput(organisationId, draft) }));
    if (!data) return;
    const recorded = data.recordInvestment as { amount: string };
    onDone(t('web-grant-investment-recorded', { label: recorded.amount }));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="investment-form"
    >
      <TextField
        label={t('web-grant-investor')}
        name="investorName"
        required
        value={draft.investorName}
        onChange={(e) => set({ investorName: e.target.value })}
        errors={form.errorsFor('investorName')}
      />
      <div className="field-pair">
        <TextField
          label={t('web-introduction-investment-amount')}
          name="amountYen"
          inputMode="numeric"
          required
          hint={t('web-introduction-investment-amount-hint')}
          value={draft.amountYen}
          onChange={(e) => set({ amountYen: e.target.value })}
          errors={form.errorsFor('amountYen')}
        />
        <SelectField
          label={t('web-introduction-investment-round')}
          name="round"
          required
          value={draft.round}
          onChange={(e) => set({ round: e.target.value as InvestmentRound | '' })}
          options={[
            { value: '', label: t('web-select-placeholder') },
            ...INVESTMENT_ROUNDS.map((round) => ({
              value: round,
              label: t(enumMessageId('investment-round', round)),
            })),
          ]}
          errors={form.errorsFor('round')}
        />
      </div>
      <TextField
        label={t('web-introduction-investment-date')}
        name="investedOn"
        type="date"
        required
        max={today}
        value={draft.investedOn}
        onChange={(e) => set({ investedOn: e.target.value })}
        errors={form.errorsFor('investedOn')}
      />
      <TextAreaField
        label={t('web-grant-investment-evidence')}
        name="evidence"
        required
        hint={t('web-grant-investment-evidence-hint')}
        value={draft.evidence}
        onChange={(e) => set({ evidence: e.target.value })}
        errors={form.errorsFor('evidence')}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-grant-investment-record')}</SubmitButton>
      </div>
    </Form>
  );
}

/** What was awarded and where its money stands, with the VC match when the programme has one. */
export function AwardFacts({ application: a }: { application: GrantApplication }) {
  const t = useT();
  const { locale } = useLocale();
  const award = a.award;
  if (!award) return null;
  const rows: [string, number, string][] = [
    ['web-grant-award-amount', award.amountYen, 'award-amount'],
    ['web-grant-award-disbursed', award.disbursedYen, 'award-disbursed'],
    ['web-grant-award-awaiting-match', award.awaitingMatchYen, 'award-awaiting-match'],
    ['web-grant-award-returned', award.returnedYen, 'award-returned'],
    ['web-grant-award-confirmed-investment', award.confirmedInvestmentYen, 'award-confirmed-investment'],
  ];
  if (award.matchCapYen !== null)
    rows.push(['web-grant-award-match-cap', award.matchCapYen, 'award-match-cap']);
  return (
    <section className="panel" aria-labelledby="application-award" data-testid="award-panel">
      <div className="panel-header">
        <h2 id="application-award">{t('web-grant-award')}</h2>
        <span className="badge badge-info" data-testid="award-status" data-status={award.status}>
          {award.statusLabel}
        </span>
      </div>
      <p className="muted">
        {t('web-grant-awarded-at', { date: formatDateTime(award.awardedAt, locale) })}
        {award.endedAt
          ? ` ${t('web-grant-award-ended-at', { date: formatDateTime(award.endedAt, locale) })}`
          : null}
      </p>
      <div className="table-wrap grant-money">
        <table className="table">
          <caption className="visually-hidden">{t('web-grant-award')}</caption>
          <tbody>
            {rows.map(([label, value, testId]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td className="numeric">
                  <Yen value={value} testId={testId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {a.programme.matchRatio !== null ? (
        <p className="field-hint">{t('web-grant-award-match-hint', { count: a.programme.matchRatio })}</p>
      ) : null}
      {award.awaitingMatchYen > 0 ? (
        <Notice tone="info">
          <p data-testid="awaiting-match-notice">{t('web-grant-award-awaiting-match-notice')}</p>
        </Notice>
      ) : null}
      <h3 className="grant-subheading" id="application-investments">
        {t('web-grant-investments')}
      </h3>
      {a.investments.length === 0 ? (
        <p className="muted" data-testid="investments-empty">
          {t('web-grant-investments-empty', { name: a.organisationName })}
        </p>
      ) : (
        <>
          <p className="muted">{t('web-grant-investments-lead')}</p>
          <InvestmentTable investments={a.investments} withEvidence={a.programme.canManage} />
        </>
      )}
    </section>
  );
}

/**
 * The private investments confirmed in the applicant, newest first: who invested, in which
 * round, when and how much, and whether a matched VC introduction or the desk confirmed it.
 * Staff also see the evidence they checked.
 */
function InvestmentTable({
  investments,
  withEvidence,
}: {
  investments: readonly GrantInvestment[];
  withEvidence: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby="application-investments" data-testid="investments">
        <thead>
          <tr>
            <th scope="col">{t('web-grant-investor')}</th>
            <th scope="col">{t('web-introduction-investment-round')}</th>
            <th scope="col">{t('web-introduction-investment-date')}</th>
            <th scope="col" className="numeric">
              {t('web-grant-investment-amount')}
            </th>
            <th scope="col">{t('web-grant-investment-source')}</th>
            {withEvidence ? <th scope="col">{t('web-grant-investment-evidence')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {investments.map((investment, i) => (
            <tr key={`${investment.recordedAt}-${i}`} data-testid="investment">
              <td data-testid="investment-investor">{investment.investorName}</td>
              <td>{investment.roundLabel}</td>
              <td>{formatCalendarDate(investment.investedOn, locale)}</td>
              <td className="numeric">
                <Yen value={investment.amountYen} testId="investment-amount" />
              </td>
              <td data-testid="investment-source" data-from-introduction={investment.fromIntroduction}>
                {t(
                  investment.fromIntroduction
                    ? 'web-grant-investment-from-introduction'
                    : 'web-grant-investment-from-desk',
                )}
              </td>
              {withEvidence ? <td data-testid="investment-evidence">{investment.evidence}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Form, Notice, SubmitButton, useFormProblem } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem, type Problem } from '../../graphql/errors';
import { APPLY_ASSIGNMENTS, DESK_OPTIONS, PLAN_ASSIGNMENTS } from '../../graphql/operations';
import type { AssignmentPlan, DeskRef, PlannedAssignment } from '../../graphql/types';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocale } from '../../i18n/locale';
import { useViewer } from '../../session/ViewerProvider';
import { selectedAssignments } from './assignmentPlan';

/** Applying changes assignees, so lists of consultations are fetched again. */
const APPLY_CONTEXT = { additionalTypenames: ['Consultation'] };

/** Errors after which only a new plan helps. */
const REPLAN_CODES = ['EDIT_CONFLICT', 'ASSIGNEE_NOT_ELIGIBLE'];

function needsNewPlan(problem: Problem | null): boolean {
  if (!problem) return false;
  return REPLAN_CODES.includes(problem.code) || problem.fields.some((f) => REPLAN_CODES.includes(f.code));
}

/** Formats shares from 0 to 1 as percentages in the reader's language. */
function usePercent() {
  const { locale } = useLocale();
  const format = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 });
  return (share: number) => format.format(share);
}

/**
 * For a desk's staff and admins: a proposed assignment of the desk's open, unassigned cases to
 * its advisors, with how good the plan is; the cases checked are assigned together.
 */
export function AssignmentPlanPage() {
  const t = useT();
  const viewer = useViewer();
  const { id: deskId = '' } = useParams();
  const isAdmin = viewer?.role === 'ADMIN';
  const [{ data: deskData }] = useQuery<{ desks: DeskRef[] }>({ query: DESK_OPTIONS, pause: !isAdmin });
  const desks = isAdmin ? (deskData?.desks ?? []) : (viewer?.desks ?? []);
  const desk = desks.find((d) => d.id === deskId) ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery<{ planAssignments: AssignmentPlan }>({
    query: PLAN_ASSIGNMENTS,
    variables: { deskId },
    requestPolicy: 'network-only',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const plan = data?.planAssignments ?? null;
  const replan = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <Page
      title={desk ? t('web-assign-plan-title-desk', { desk: desk.name }) : t('web-assign-plan-title')}
      lead={<p>{t('web-assign-plan-lead')}</p>}
      actions={
        <Link className="button" to={`/queue?desk=${encodeURIComponent(deskId)}`}>
          {t('web-assign-plan-back')}
        </Link>
      }
    >
      {notice ? (
        <Notice>
          <p data-testid="assign-notice">{notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary problem={toProblem(error)} />
      <div aria-busy={fetching || undefined} data-testid="assignment-plan">
        {!plan ? (
          fetching ? (
            <Loading />
          ) : null
        ) : plan.assignments.length === 0 && plan.unassigned.length === 0 ? (
          <div className="empty-state" role="status" data-testid="assign-empty">
            <p>{t('web-assign-plan-empty')}</p>
            <div className="button-row">
              <button type="button" className="button" onClick={replan}>
                {t('web-assign-plan-again')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <PlanFigures plan={plan} />
            <ProposedAssignments
              key={plan.assignments.map((a) => `${a.consultation.id}@${a.version}`).join(' ')}
              deskId={deskId}
              assignments={plan.assignments}
              busy={fetching}
              onReplan={replan}
              onApplied={(count) => {
                setNotice(t('web-assign-plan-applied', { count }));
                replan();
              }}
              onStart={() => setNotice(null)}
            />
            <UnassignedCases plan={plan} />
          </>
        )}
      </div>
    </Page>
  );
}

/** How good the plan is. */
function PlanFigures({ plan }: { plan: AssignmentPlan }) {
  const t = useT();
  const percent = usePercent();
  return (
    <section className="panel" aria-labelledby="assign-figures">
      <h2 id="assign-figures">{t('web-assign-plan-figures-heading')}</h2>
      <dl className="details" data-testid="assign-figures">
        <dt>{t('web-assign-plan-fit-share')}</dt>
        <dd data-testid="assign-fit-share">
          {percent(plan.fitShare)}
          <p className="field-hint">{t('web-assign-plan-fit-share-hint')}</p>
        </dd>
        <dt>{t('web-assign-plan-load-spread')}</dt>
        <dd data-testid="assign-load-spread">
          {percent(plan.loadSpread)}
          <p className="field-hint">{t('web-assign-plan-load-spread-hint')}</p>
        </dd>
        <dt>{t('web-assign-plan-violations')}</dt>
        <dd data-testid="assign-violations">
          {plan.constraintViolations}
          <p className="field-hint">{t('web-assign-plan-violations-hint')}</p>
        </dd>
      </dl>
    </section>
  );
}

/** The proposed assignments, each with a checkbox; the checked ones are applied together. */
function ProposedAssignments({
  deskId,
  assignments,
  busy,
  onReplan,
  onApplied,
  onStart,
}: {
  deskId: string;
  assignments: PlannedAssignment[];
  busy: boolean;
  onReplan: () => void;
  onApplied: (count: number) => void;
  onStart: () => void;
}) {
  const t = useT();
  const percent = usePercent();
  const [, apply] = useMutation<{ applyAssignments: number }>(APPLY_ASSIGNMENTS);
  // The API's field errors are about the list as a whole: the summary shows them.
  const form = useFormProblem([]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());

  const replan = () => {
    form.setProblem(null);
    onReplan();
  };

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(excluded);
    if (checked) next.delete(id);
    else next.add(id);
    setExcluded(next);
  };

  const submit = async () => {
    onStart();
    const selected = selectedAssignments(assignments, excluded);
    if (selected.length === 0) {
      form.setProblem({
        code: 'VALIDATION_FAILED',
        messages: [t('web-assign-plan-none-selected')],
        fields: [],
      });
      return;
    }
    form.setProblem(null);
    const result = await form.submit(() => apply({ deskId, assignments: selected }, APPLY_CONTEXT));
    if (result) onApplied(result.applyAssignments);
  };

  return (
    <section className="panel" aria-labelledby="assign-proposed">
      <h2 id="assign-proposed">{t('web-assign-plan-proposed-heading')}</h2>
      {assignments.length === 0 ? (
        <>
          <p data-testid="assign-proposed-none">{t('web-assign-plan-proposed-none')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={replan}>
              {t('web-assign-plan-again')}
            </button>
          </div>
        </>
      ) : (
        <Form
          onSubmit={submit}
          busy={form.busy || busy}
          problem={form.problem}
          unmatched={form.unmatched}
          testId="assign-form"
        >
          {needsNewPlan(form.problem) ? (
            <p className="field-hint" data-testid="assign-replan-hint">
              {t('web-assign-plan-replan-hint')}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="assign-proposed">
              <caption className="visually-hidden">{t('web-assign-plan-proposed-caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('web-assign-plan-col-include')}</th>
                  <th scope="col">{t('web-consultation-reference')}</th>
                  <th scope="col">{t('web-consultation-title')}</th>
                  <th scope="col">{t('web-assign-plan-col-advisor')}</th>
                  <th scope="col" className="numeric">
                    {t('web-assign-plan-col-fit')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.consultation.id} data-testid="assign-row" data-id={a.consultation.id}>
                    <td>
                      <input
                        type="checkbox"
                        checked={!excluded.has(a.consultation.id)}
                        onChange={(e) => toggle(a.consultation.id, e.target.checked)}
                        aria-label={t('web-assign-plan-include', {
                          reference: a.consultation.reference,
                          name: a.advisor.name,
                        })}
                      />
                    </td>
                    <td>
                      <Link
                        to={`/consultations/${encodeURIComponent(a.consultation.id)}`}
                        className="reference"
                      >
                        {a.consultation.reference}
                      </Link>
                    </td>
                    <td>{a.consultation.title}</td>
                    <td>
                      <Link to={`/directory/${encodeURIComponent(a.advisor.id)}`}>{a.advisor.name}</Link>
                    </td>
                    <td className="numeric">{percent(a.fit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="assign-selected-count">
            {t('web-assign-plan-selected-count', {
              shown: assignments.filter((a) => !excluded.has(a.consultation.id)).length,
              count: assignments.length,
            })}
          </p>
          <div className="button-row">
            <SubmitButton busy={form.busy}>{t('web-assign-plan-apply')}</SubmitButton>
            <button type="button" className="button" onClick={replan}>
              {t('web-assign-plan-again')}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

/** The cases the plan leaves without an advisor, and why. */
function UnassignedCases({ plan }: { plan: AssignmentPlan }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="assign-unassigned">
      <h2 id="assign-unassigned">{t('web-assign-plan-unassigned-heading')}</h2>
      {plan.unassigned.length === 0 ? (
        <p data-testid="assign-unassigned-none">{t('web-assign-plan-unassigned-none')}</p>
      ) : (
        <ul data-testid="assign-unassigned">
          {plan.unassigned.map((u) => (
            <li key={u.consultation.id} data-reason={u.reason}>
              <Link to={`/consultations/${encodeURIComponent(u.consultation.id)}`} className="reference">
                {u.consultation.reference}
              </Link>{' '}
              {u.consultation.title}{' '}
              <span className="muted" data-testid="assign-unassigned-reason">
                {t('web-assign-plan-unassigned-reason', { label: u.reasonLabel })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

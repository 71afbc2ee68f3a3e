import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/Dialog';
import {
  CheckboxGroup,
  ErrorSummary,
  Form,
  Notice,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { clientValidationProblem, toProblem, type Problem } from '../../graphql/errors';
import {
  ASSIGN_CONSULTATION,
  DESK_MEMBERS,
  PUBLIC_DESKS,
  REQUEST_REFERRAL,
  REROUTE_CONSULTATION,
  TAXONOMY_CHOICES,
  TRANSITION_CONSULTATION,
  UPDATE_CONSULTATION,
} from '../../graphql/operations';
import {
  DESK_RESOLUTIONS,
  PRIORITIES,
  type Consultation,
  type ConsultationAction,
  type DeskMember,
  type DeskRef,
  type Priority,
  type Referral,
  type Resolution,
  type Viewer,
} from '../../graphql/types';
import { enumMessageId, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { ConflictReload, PersonName, statusText, type PanelProps } from './Conversation';
import type { TermChoice } from './NewConsultationPage';
import { ReferralDecision } from './ReferralDecision';

/** Where the queue shows what just happened to a consultation the viewer left. */
export interface QueueNotice {
  queueNotice: string;
}

/** Status changes that need no input. */
const IMMEDIATE_ACTIONS: readonly ConsultationAction[] = ['TRIAGE', 'START', 'RESUME', 'REOPEN'];

/** The status and the status changes the viewer may make now. */
export function StatusPanel({ consultation: c, reload, notice, onDone, refreshing }: PanelProps) {
  const t = useT();
  const [, transition] = useMutation(TRANSITION_CONSULTATION);
  const [busy, setBusy] = useState<ConsultationAction | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [dialog, setDialog] = useState<'WAIT_FOR_REQUESTER' | 'CLOSE' | null>(null);
  const actions = c.availableActions.filter((a) => a !== 'WITHDRAW');

  const run = async (action: ConsultationAction) => {
    if (busy || refreshing) return;
    setBusy(action);
    const result = await transition({ input: { id: c.id, version: c.version, action } });
    setBusy(null);
    setProblem(toProblem(result.error));
    if (!result.error) onDone(t('web-consultation-status-changed'));
  };

  return (
    <section className="panel" aria-labelledby="case-status" data-testid="status-panel">
      <h2 id="case-status">{t('web-consultation-status')}</h2>
      <p className="case-status-line">
        <strong data-testid="consultation-status">{statusText(c, t)}</strong>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary problem={problem} />
      <ConflictReload problem={problem} onReload={reload} />
      {actions.length ? (
        <div className="button-row">
          {actions.map((action) => {
            const label = t(enumMessageId('consultation-action', action));
            if (IMMEDIATE_ACTIONS.includes(action)) {
              return (
                <button
                  key={action}
                  type="button"
                  className="button button-primary"
                  aria-busy={busy === action || undefined}
                  aria-disabled={busy !== null || refreshing || undefined}
                  onClick={() => void run(action)}
                  data-action={action}
                >
                  {label}
                </button>
              );
            }
            return (
              <button
                key={action}
                type="button"
                className="button"
                onClick={() => setDialog(action === 'CLOSE' ? 'CLOSE' : 'WAIT_FOR_REQUESTER')}
                data-action={action}
              >
                {label}
              </button>
            );
          })}
        </div>
      ) : (
        <p className="muted">{t('web-consultation-no-actions')}</p>
      )}
      <Dialog
        open={dialog !== null}
        title={
          dialog === 'CLOSE'
            ? t('web-consultation-close-title', { reference: c.reference })
            : t('consultation-action-wait-for-requester')
        }
        onClose={() => setDialog(null)}
        testId={dialog === 'CLOSE' ? 'close-dialog' : 'wait-dialog'}
      >
        {dialog ? (
          <TransitionForm
            consultation={c}
            action={dialog}
            reload={reload}
            refreshing={refreshing}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              onDone(
                t(dialog === 'CLOSE' ? 'web-consultation-closed-notice' : 'web-consultation-waiting-notice'),
              );
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

/** Asking the requester (a message is required) or closing (a resolution is). */
function TransitionForm({
  consultation: c,
  action,
  reload,
  refreshing,
  onCancel,
  onDone,
}: {
  consultation: Consultation;
  action: 'WAIT_FOR_REQUESTER' | 'CLOSE';
  reload: () => void;
  refreshing: boolean;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [, transition] = useMutation(TRANSITION_CONSULTATION);
  const form = useFormProblem(['resolution', 'message']);
  const [resolution, setResolution] = useState('');
  const [message, setMessage] = useState('');
  const closing = action === 'CLOSE';

  const submit = async () => {
    const missing = clientValidationProblem(
      requiredFields(closing ? { resolution } : { message }, t('web-validation-required')),
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      transition({
        input: {
          id: c.id,
          version: c.version,
          action,
          resolution: closing ? (resolution as Resolution) : null,
          message: message.trim() ? message : null,
        },
      }),
    );
    if (data) onDone();
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      testId={closing ? 'close-form' : 'wait-form'}
    >
      <ConflictReload problem={form.problem} onReload={reload} />
      {closing ? (
        <RadioGroup
          legend={t('web-consultation-resolution')}
          name="resolution"
          required
          value={resolution}
          onChange={setResolution}
          options={DESK_RESOLUTIONS.map((r) => ({ value: r, label: t(enumMessageId('resolution', r)) }))}
          errors={form.errorsFor('resolution')}
          stacked
        />
      ) : (
        <p>{t('web-consultation-wait-lead')}</p>
      )}
      <TextAreaField
        label={t(closing ? 'web-consultation-close-message' : 'web-composer-message-label')}
        name="message"
        required={!closing}
        rows={6}
        hint={t(closing ? 'web-consultation-close-message-hint' : 'web-composer-message-hint')}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        errors={form.errorsFor('message')}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>
          {t(closing ? 'web-consultation-close-submit' : 'web-consultation-wait-submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}

/**
 * Who works the case: staff assign any member of the desk; an advisor takes an
 * unassigned case or gives their own back.
 */
export function AssignmentPanel({
  consultation: c,
  viewer,
  reload,
  notice,
  onDone,
  refreshing,
}: PanelProps & { viewer: Viewer }) {
  const t = useT();
  const navigate = useNavigate();
  const [, assign] = useMutation(ASSIGN_CONSULTATION);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mine = c.assignee?.id === viewer.id;

  const takeOrGiveBack = async () => {
    if (busy || refreshing) return;
    setBusy(true);
    const result = await assign({
      input: { id: c.id, version: c.version, assigneeId: mine ? null : viewer.id },
    });
    setBusy(false);
    setProblem(toProblem(result.error));
    if (result.error) return;
    if (mine && c.confidentiality === 'CONFIDENTIAL') {
      // A confidential case is only for its assignee among advisors: it leaves the viewer's sight.
      const state: QueueNotice = { queueNotice: t('web-assignment-given-back', { reference: c.reference }) };
      navigate('/queue', { state });
      return;
    }
    onDone(t(mine ? 'web-assignment-given-back' : 'web-assignment-taken', { reference: c.reference }));
  };

  return (
    <section className="panel" aria-labelledby="case-assignment" data-testid="assignment-panel">
      <h2 id="case-assignment">{t('web-consultation-assignee')}</h2>
      <p data-testid="assignee">
        {c.assignee ? (
          <>
            <PersonName person={c.assignee} />
            {mine ? <span className="badge badge-muted">{t('web-thread-you')}</span> : null}
          </>
        ) : (
          <span className="muted">{t('web-consultation-unassigned')}</span>
        )}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {c.permissions.assign ? (
        <AssignForm
          key={c.version}
          consultation={c}
          reload={reload}
          onDone={onDone}
          refreshing={refreshing}
        />
      ) : null}
      {c.permissions.take ? (
        <>
          <ErrorSummary problem={problem} />
          <ConflictReload problem={problem} onReload={reload} />
          <div className="button-row">
            <button
              type="button"
              className={mine ? 'button' : 'button button-primary'}
              aria-busy={busy || undefined}
              aria-disabled={busy || refreshing || undefined}
              onClick={() => void takeOrGiveBack()}
              data-testid={mine ? 'give-back' : 'take'}
            >
              {t(mine ? 'web-assignment-give-back' : 'web-assignment-take')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function AssignForm({
  consultation: c,
  reload,
  onDone,
  refreshing,
}: {
  consultation: Consultation;
  reload: () => void;
  onDone: (text: string) => void;
  refreshing: boolean;
}) {
  const t = useT();
  const [, assign] = useMutation(ASSIGN_CONSULTATION);
  const [{ data }] = useQuery<{ desk: { id: string; members: DeskMember[] } | null }>({
    query: DESK_MEMBERS,
    variables: { id: c.desk.id },
  });
  const form = useFormProblem(['assigneeId']);
  const [assigneeId, setAssigneeId] = useState(c.assignee?.id ?? '');
  const members = data?.desk?.members ?? [];
  const options = [
    { value: '', label: t('web-consultation-unassigned') },
    ...members.map((m) => ({
      value: m.id,
      label: t('web-assignment-member', { name: m.displayName, role: m.roleLabel }),
    })),
  ];
  // The current assignee stays choosable even after leaving the desk.
  if (c.assignee && !members.some((m) => m.id === c.assignee?.id)) {
    options.push({ value: c.assignee.id, label: c.assignee.displayName });
  }

  const submit = async () => {
    const data = await form.submit(() =>
      assign({ input: { id: c.id, version: c.version, assigneeId: assigneeId || null } }),
    );
    if (data) onDone(t('web-assignment-saved'));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="assign-form"
    >
      <ConflictReload problem={form.problem} onReload={reload} />
      <SelectField
        label={t('web-assignment-assign-to')}
        name="assigneeId"
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
        options={options}
        errors={form.errorsFor('assigneeId')}
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-assignment-assign')}</SubmitButton>
      </div>
    </Form>
  );
}

/** Priority, domain, development stage and topics. */
export function TriagePanel({ consultation: c, reload, notice, onDone, refreshing }: PanelProps) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="case-triage" data-testid="triage-panel">
      <h2 id="case-triage">{t('web-triage-heading')}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      <TriageForm key={c.version} consultation={c} reload={reload} onDone={onDone} refreshing={refreshing} />
    </section>
  );
}

function TriageForm({
  consultation: c,
  reload,
  onDone,
  refreshing,
}: {
  consultation: Consultation;
  reload: () => void;
  onDone: (text: string) => void;
  refreshing: boolean;
}) {
  const t = useT();
  const [, update] = useMutation(UPDATE_CONSULTATION);
  const [{ data }] = useQuery<{ taxonomy: TermChoice[] }>({
    query: TAXONOMY_CHOICES,
    variables: { includeInactive: false },
  });
  const form = useFormProblem(['priority', 'domainId', 'stageId', 'topicIds']);
  const [priority, setPriority] = useState<Priority>(c.priority ?? 'NORMAL');
  const [domainId, setDomainId] = useState(c.domain.id);
  const [stageId, setStageId] = useState(c.stage.id);
  const [topicIds, setTopicIds] = useState<string[]>(c.topics.map((topic) => topic.id));

  // Terms no longer in use stay choosable on the cases that have them.
  const terms = data?.taxonomy ?? [];
  const choices = (kind: TermChoice['kind'], current: readonly { id: string; label: string }[]) => [
    ...terms.filter((term) => term.kind === kind).map((term) => ({ value: term.id, label: term.label })),
    ...current
      .filter((term) => !terms.some((known) => known.id === term.id))
      .map((term) => ({ value: term.id, label: term.label })),
  ];

  const submit = async () => {
    const data = await form.submit(() =>
      update({ input: { id: c.id, version: c.version, priority, domainId, stageId, topicIds } }),
    );
    if (data) onDone(t('web-triage-saved'));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="triage-form"
    >
      <ConflictReload problem={form.problem} onReload={reload} />
      <SelectField
        label={t('web-consultation-priority')}
        name="priority"
        value={priority}
        onChange={(e) => setPriority(e.target.value as Priority)}
        options={PRIORITIES.map((p) => ({ value: p, label: t(enumMessageId('priority', p)) }))}
        errors={form.errorsFor('priority')}
      />
      <SelectField
        label={t('web-consultation-domain')}
        name="domainId"
        value={domainId}
        onChange={(e) => setDomainId(e.target.value)}
        options={choices('DOMAIN', [c.domain])}
        errors={form.errorsFor('domainId')}
      />
      <SelectField
        label={t('web-consultation-stage')}
        name="stageId"
        value={stageId}
        onChange={(e) => setStageId(e.target.value)}
        options={choices('STAGE', [c.stage])}
        errors={form.errorsFor('stageId')}
      />
      <CheckboxGroup
        legend={t('web-consultation-topics')}
        selected={topicIds}
        onChange={setTopicIds}
        options={choices('TOPIC', c.topics)}
        errors={form.errorsFor('topicIds')}
        stacked
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-triage-save')}</SubmitButton>
      </div>
    </Form>
  );
}

/** The other desks that accept consultations. */
function useOtherDesks(deskId: string): DeskRef[] {
  const [{ data }] = useQuery<{ desks: DeskRef[] }>({ query: PUBLIC_DESKS });
  return (data?.desks ?? []).filter((desk) => desk.id !== deskId);
}

/** Handing the case to another desk (連携): the pending request, asking for one, and the history. */
export function ReferralsPanel({ consultation: c, reload, notice, onDone, refreshing }: PanelProps) {
  const t = useT();
  const pending = c.pendingReferral;
  const history = c.referrals.filter((referral) => referral.id !== pending?.id);
  return (
    <section className="panel" aria-labelledby="case-referrals" data-testid="referrals-panel">
      <h2 id="case-referrals">{t('web-referrals-heading')}</h2>
      {notice ? <Notice>{notice}</Notice> : null}
      {pending ? (
        <div className="pending-referral" data-testid="pending-referral">
          <h3>{t('web-referrals-pending', { desk: pending.toDesk.name })}</h3>
          <ReferralFacts referral={pending} />
          {pending.canDecide ? (
            <ReferralDecision referral={pending} reference={c.reference} onDone={onDone} />
          ) : null}
        </div>
      ) : null}
      {c.permissions.refer && !pending ? (
        <RequestReferralForm
          key={c.version}
          consultation={c}
          reload={reload}
          onDone={onDone}
          refreshing={refreshing}
        />
      ) : null}
      {history.length ? (
        <>
          <h3 id="referral-history">{t('web-referrals-history')}</h3>
          <ol className="referral-history" aria-labelledby="referral-history" data-testid="referral-history">
            {history.map((referral) => (
              <li key={referral.id}>
                <p className="referral-route">
                  <strong>
                    {t('web-referrals-from-to', { from: referral.fromDesk.name, to: referral.toDesk.name })}
                  </strong>
                  <span className="badge badge-muted">{referral.statusLabel}</span>
                </p>
                <ReferralFacts referral={referral} />
              </li>
            ))}
          </ol>
        </>
      ) : pending ? null : (
        <p className="muted">{t('web-referrals-none')}</p>
      )}
    </section>
  );
}

/** Why a referral was asked, by whom and when, and how it was decided. */
function ReferralFacts({ referral }: { referral: Referral }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="referral-facts">
      <div className="text-block">{referral.reason}</div>
      <p className="muted">
        {t('web-referrals-requested-by', {
          name: referral.requestedBy?.displayName ?? t('web-timeline-system'),
          date: formatDateTime(referral.requestedAt, locale),
        })}
      </p>
      {referral.decidedAt ? (
        <p className="muted">
          {t('web-referrals-decided-by', {
            name: referral.decidedBy?.displayName ?? t('web-timeline-system'),
            date: formatDateTime(referral.decidedAt, locale),
          })}
        </p>
      ) : null}
      {referral.decisionNote ? <div className="text-block">{referral.decisionNote}</div> : null}
    </div>
  );
}

function RequestReferralForm({
  consultation: c,
  reload,
  onDone,
  refreshing,
}: {
  consultation: Consultation;
  reload: () => void;
  onDone: (text: string) => void;
  refreshing: boolean;
}) {
  const t = useT();
  const desks = useOtherDesks(c.desk.id);
  const [, requestReferral] = useMutation(REQUEST_REFERRAL);
  const form = useFormProblem(['toDeskId', 'reason']);
  const [toDeskId, setToDeskId] = useState('');
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(
      requiredFields({ toDeskId, reason }, t('web-validation-required')),
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      requestReferral({ input: { consultationId: c.id, version: c.version, toDeskId, reason } }),
    );
    if (!data) return;
    const desk = desks.find((d) => d.id === toDeskId)?.name ?? '';
    onDone(t('web-referrals-requested', { desk }));
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      labelledBy="referral-request-heading"
      testId="referral-form"
    >
      <h3 id="referral-request-heading">{t('web-referrals-request-heading')}</h3>
      <ConflictReload problem={form.problem} onReload={reload} />
      <SelectField
        label={t('web-referrals-to-desk')}
        name="toDeskId"
        required
        value={toDeskId}
        onChange={(e) => setToDeskId(e.target.value)}
        options={[
          { value: '', label: t('web-select-placeholder') },
          ...desks.map((d) => ({ value: d.id, label: d.name })),
        ]}
        errors={form.errorsFor('toDeskId')}
      />
      <TextAreaField
        label={t('web-referrals-reason')}
        name="reason"
        required
        hint={t('web-referrals-reason-hint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={form.errorsFor('reason')}
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-referrals-request-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

/** Staff correct the automatic routing of a case nobody has triaged yet. */
export function ReroutePanel({ consultation: c, reload, refreshing }: Omit<PanelProps, 'notice' | 'onDone'>) {
  const t = useT();
  const navigate = useNavigate();
  const desks = useOtherDesks(c.desk.id);
  const [, reroute] = useMutation(REROUTE_CONSULTATION);
  const form = useFormProblem(['deskId', 'reason']);
  const [deskId, setDeskId] = useState('');
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ deskId, reason }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      reroute({ input: { id: c.id, version: c.version, deskId, reason } }),
    );
    if (!data) return;
    const moved = data.rerouteConsultation as { reference: string; desk: DeskRef };
    // The case has left this desk's queue, and perhaps the viewer's sight.
    const state: QueueNotice = {
      queueNotice: t('web-reroute-done', { reference: moved.reference, desk: moved.desk.name }),
    };
    navigate('/queue', { state });
  };

  return (
    <section className="panel" aria-labelledby="case-reroute" data-testid="reroute-panel">
      <h2 id="case-reroute">{t('web-reroute-heading')}</h2>
      <p className="field-hint">{t('web-reroute-lead')}</p>
      <Form
        onSubmit={submit}
        busy={form.busy || refreshing}
        problem={form.problem}
        unmatched={form.unmatched}
        labelledBy="case-reroute"
      >
        <ConflictReload problem={form.problem} onReload={reload} />
        <SelectField
          label={t('web-reroute-desk')}
          name="deskId"
          required
          value={deskId}
          onChange={(e) => setDeskId(e.target.value)}
          options={[
            { value: '', label: t('web-select-placeholder') },
            ...desks.map((d) => ({ value: d.id, label: d.name })),
          ]}
          errors={form.errorsFor('deskId')}
        />
        <TextAreaField
          label={t('web-reroute-reason')}
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={form.errorsFor('reason')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-reroute-submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

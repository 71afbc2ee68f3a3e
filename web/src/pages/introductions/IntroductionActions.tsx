import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import {
  ErrorSummary,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { clientValidationProblem, type Problem } from '../../graphql/errors';
import {
  ANSWER_INTRODUCTION,
  RECORD_INTRODUCTION_MEETING,
  RECORD_INTRODUCTION_OUTCOME,
  REQUEST_INTRODUCTION_CONSENT,
  SEND_INTRODUCTION,
  WITHDRAW_INTRODUCTION,
} from '../../graphql/operations';
import {
  ADOPTERS,
  INVESTMENT_ROUNDS,
  OUTCOME_TYPES,
  type Adopter,
  type Introduction,
  type InvestmentRound,
  type OutcomeType,
} from '../../graphql/types';
import { enumMessageId, formatCalendarDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import {
  EMPTY_OUTCOME,
  japanDate,
  japanDateOf,
  outcomeChoices,
  outcomeInput,
  outcomeProblems,
  pastDateProblems,
  type OutcomeDraft,
} from './introductionForms';
import { FieldNames } from './IntroductionParts';

export interface IntroductionActionProps {
  introduction: Introduction;
  /** Fetches the introductions again, e.g. after an edit conflict. */
  reload: () => void;
  /** While the introduction is fetched again its version is about to change: steps wait. */
  refreshing: boolean;
  /** Reports a success, shown as a notice. */
  onDone: (text: string) => void;
}

type DialogName = 'send' | 'withdraw' | 'meeting' | 'outcome' | 'answer';

/** After `EDIT_CONFLICT`, a button that fetches the introduction as it now is. */
export function IntroductionConflictReload({
  problem,
  onReload,
}: {
  problem: Problem | null;
  onReload: () => void;
}) {
  const t = useT();
  if (problem?.code !== 'EDIT_CONFLICT' && problem?.code !== 'INTRODUCTION_STEP_NOT_ALLOWED') return null;
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onReload} data-testid="reload-introduction">
        {t('web-introduction-reload')}
      </button>
    </div>
  );
}

/**
 * The steps the reader may take now on an introduction, exactly as the API lists them: the
 * desk's steps as buttons (those that need details open a dialog), the requester's consent as
 * a link to the consent screen, and desk staff may record the target's answer for them.
 */
export function IntroductionActions({
  introduction: i,
  reload,
  refreshing,
  onDone,
}: IntroductionActionProps) {
  const t = useT();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [, requestConsent] = useMutation(REQUEST_INTRODUCTION_CONSENT);
  const [, send] = useMutation(SEND_INTRODUCTION);
  const immediate = useFormProblem([]);
  const has = (step: Introduction['steps'][number]) => i.steps.includes(step);
  const busy = immediate.busy || refreshing;

  if (i.steps.length === 0) return null;

  const open = (name: DialogName) => {
    immediate.setProblem(null);
    setDialog(name);
  };
  const close = () => setDialog(null);
  const finished = (text: string) => {
    setDialog(null);
    onDone(text);
  };

  const onRequestConsent = async () => {
    if (busy) return;
    const data = await immediate.submit(() => requestConsent({ id: i.id, version: i.version }));
    if (data) onDone(t('web-introduction-consent-requested', { name: i.targetName }));
  };

  const onSend = async () => {
    const data = await immediate.submit(() => send({ id: i.id, version: i.version }));
    if (data) finished(t('web-introduction-sent', { name: i.targetName }));
  };

  const consentStep = has('CONSENT') || has('DECLINE_CONSENT');
  const outcomeStep = has('RECORD_MATCH') || has('RECORD_NO_MATCH');
  const answerStep = has('ACCEPT') || has('DECLINE');

  return (
    <div className="introduction-actions" data-testid="introduction-actions">
      {dialog === null ? (
        <>
          <ErrorSummary problem={immediate.problem} />
          <IntroductionConflictReload problem={immediate.problem} onReload={reload} />
        </>
      ) : null}
      <div className="button-row">
        {consentStep ? (
          <Link
            className="button button-primary"
            to={`/introductions/${encodeURIComponent(i.id)}`}
            data-testid="open-consent"
          >
            {t('web-introduction-open-consent')}
          </Link>
        ) : null}
        {has('REQUEST_CONSENT') ? (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy || undefined}
            aria-busy={immediate.busy || undefined}
            onClick={() => void onRequestConsent()}
          >
            {t('introduction-step-request-consent')}
          </button>
        ) : null}
        {has('SEND') ? (
          <button type="button" className="button button-primary" onClick={() => open('send')}>
            {t('introduction-step-send')}
          </button>
        ) : null}
        {answerStep ? (
          <button type="button" className="button" onClick={() => open('answer')}>
            {t('web-introduction-record-answer')}
          </button>
        ) : null}
        {has('RECORD_MEETING') ? (
          <button type="button" className="button button-primary" onClick={() => open('meeting')}>
            {t('introduction-step-record-meeting')}
          </button>
        ) : null}
        {outcomeStep ? (
          <button
            type="button"
            className={has('RECORD_MATCH') ? 'button button-primary' : 'button'}
            onClick={() => open('outcome')}
          >
            {t('web-introduction-record-outcome')}
          </button>
        ) : null}
        {has('WITHDRAW') ? (
          <button type="button" className="button button-danger" onClick={() => open('withdraw')}>
            {t('introduction-step-withdraw')}
          </button>
        ) : null}
      </div>

      <ConfirmDialog
        open={dialog === 'send'}
        title={t('web-introduction-send-title', { name: i.targetName })}
        message={
          <>
            <p>{t('web-introduction-send-confirm', { name: i.targetName })}</p>
            <p>
              <strong>{t('web-introduction-shared-fields')}</strong> <FieldNames fields={i.sharedFields} />
            </p>
          </>
        }
        confirmLabel={t('introduction-step-send')}
        busy={busy}
        onConfirm={() => void onSend()}
        onClose={close}
        error={
          <>
            <ErrorSummary problem={immediate.problem} />
            <IntroductionConflictReload problem={immediate.problem} onReload={reload} />
          </>
        }
      />
      <Dialog
        open={dialog === 'withdraw'}
        title={t('web-introduction-withdraw-title', { name: i.targetName })}
        onClose={close}
        testId="introduction-withdraw-dialog"
      >
        <WithdrawForm
          introduction={i}
          reload={reload}
          refreshing={refreshing}
          onCancel={close}
          onDone={finished}
        />
      </Dialog>
      <Dialog
        open={dialog === 'meeting'}
        title={t('web-introduction-meeting-title', { name: i.targetName })}
        onClose={close}
        testId="introduction-meeting-dialog"
      >
        <MeetingForm
          introduction={i}
          reload={reload}
          refreshing={refreshing}
          onCancel={close}
          onDone={finished}
        />
      </Dialog>
      <Dialog
        open={dialog === 'outcome'}
        title={t('web-introduction-outcome-title', { name: i.targetName })}
        onClose={close}
        wide
        testId="introduction-outcome-dialog"
      >
        <OutcomeForm
          introduction={i}
          reload={reload}
          refreshing={refreshing}
          onCancel={close}
          onDone={finished}
        />
      </Dialog>
      <Dialog
        open={dialog === 'answer'}
        title={t('web-introduction-answer-title', { name: i.targetName })}
        onClose={close}
        testId="introduction-answer-dialog"
      >
        <RecordAnswerForm
          introduction={i}
          reload={reload}
          refreshing={refreshing}
          onCancel={close}
          onDone={finished}
        />
      </Dialog>
    </div>
  );
}

interface StepFormProps extends Omit<IntroductionActionProps, 'onDone'> {
  onCancel: () => void;
  onDone: (text: string) => void;
}

function FormButtons({ busy, onCancel, submit }: { busy: boolean; onCancel: () => void; submit: string }) {
  const t = useT();
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onCancel}>
        {t('web-action-cancel')}
      </button>
      <SubmitButton busy={busy}>{submit}</SubmitButton>
    </div>
  );
}

/** The desk withdraws an introduction not yet sent; the reason is required. */
function WithdrawForm({ introduction: i, reload, refreshing, onCancel, onDone }: StepFormProps) {
  const t = useT();
  const [, withdraw] = useMutation(WITHDRAW_INTRODUCTION);
  const form = useFormProblem(['reason']);
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ reason }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => withdraw({ id: i.id, version: i.version, reason: reason.trim() }));
    if (data) onDone(t('web-introduction-withdrawn', { name: i.targetName }));
  };

  return (
    <Form onSubmit={submit} busy={form.busy || refreshing} problem={form.problem} unmatched={form.unmatched}>
      <IntroductionConflictReload problem={form.problem} onReload={reload} />
      <p>{t('web-introduction-withdraw-lead')}</p>
      <TextAreaField
        label={t('web-introduction-withdraw-reason')}
        name="reason"
        required
        hint={t('web-introduction-withdraw-reason-hint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={form.errorsFor('reason')}
      />
      <FormButtons busy={form.busy} onCancel={onCancel} submit={t('introduction-step-withdraw')} />
    </Form>
  );
}

/** The desk records the day the parties met: not in the future, not before it was sent. */
function MeetingForm({ introduction: i, reload, refreshing, onCancel, onDone }: StepFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const [, record] = useMutation(RECORD_INTRODUCTION_MEETING);
  const form = useFormProblem(['heldOn']);
  const today = japanDate(new Date());
  const sentOn = japanDateOf(i.sentAt);
  const [heldOn, setHeldOn] = useState(today);

  const submit = async () => {
    const problems = pastDateProblems('heldOn', heldOn, today, sentOn, {
      required: t('web-validation-required'),
      future: t('web-introduction-validation-future'),
      tooEarly: t('web-introduction-validation-before-sent', { date: formatCalendarDate(sentOn, locale) }),
    });
    const found = clientValidationProblem(problems);
    form.setProblem(found);
    if (found) return;
    const data = await form.submit(() => record({ id: i.id, version: i.version, heldOn }));
    if (data) onDone(t('web-introduction-meeting-recorded', { name: i.targetName }));
  };

  return (
    <Form onSubmit={submit} busy={form.busy || refreshing} problem={form.problem} unmatched={form.unmatched}>
      <IntroductionConflictReload problem={form.problem} onReload={reload} />
      <TextField
        label={t('web-introduction-meeting-held-on')}
        name="heldOn"
        type="date"
        required
        max={today}
        min={sentOn ?? undefined}
        hint={t('web-introduction-meeting-hint', { name: i.targetName })}
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
        errors={form.errorsFor('heldOn')}
      />
      <FormButtons busy={form.busy} onCancel={onCancel} submit={t('introduction-step-record-meeting')} />
    </Form>
  );
}

const OUTCOME_FIELDS = [
  'matched',
  'type',
  'adopter',
  'investment',
  'investment.amountYen',
  'investment.round',
  'investment.investedOn',
  'note',
] as const;

/**
 * The desk records what came of the introduction: whether a match was established and, for a
 * match, its type, with who adopted for an adoption and amount, round and date for an investment.
 */
function OutcomeForm({ introduction: i, reload, refreshing, onCancel, onDone }: StepFormProps) {
  const t = useT();
  const [, record] = useMutation(RECORD_INTRODUCTION_OUTCOME);
  const form = useFormProblem(OUTCOME_FIELDS);
  const choices = outcomeChoices(i.steps);
  const [draft, setDraft] = useState<OutcomeDraft>(() => ({
    ...EMPTY_OUTCOME,
    matched: choices.length === 1 ? (choices[0] ?? '') : '',
  }));
  const today = japanDate(new Date());
  const set = (change: Partial<OutcomeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const placeholder = { value: '', label: t('web-select-placeholder') };

  const submit = async () => {
    const found = clientValidationProblem(
      outcomeProblems(draft, today, {
        required: t('web-validation-required'),
        future: t('web-introduction-validation-future'),
        tooEarly: t('web-introduction-validation-future'),
        yen: t('web-directory-validation-yen'),
      }),
    );
    form.setProblem(found);
    if (found) return;
    const data = await form.submit(() =>
      record({ id: i.id, version: i.version, input: outcomeInput(draft) }),
    );
    if (data) {
      onDone(
        t(draft.matched === 'yes' ? 'web-introduction-matched' : 'web-introduction-not-matched', {
          name: i.targetName,
        }),
      );
    }
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy || refreshing}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="introduction-outcome-form"
    >
      <IntroductionConflictReload problem={form.problem} onReload={reload} />
      <RadioGroup
        legend={t('web-introduction-outcome-matched')}
        name="matched"
        required
        value={draft.matched}
        onChange={(value) => set({ matched: value as OutcomeDraft['matched'] })}
        options={choices.map((choice) => ({
          value: choice,
          label: t(
            choice === 'yes' ? 'web-introduction-outcome-matched-yes' : 'web-introduction-outcome-matched-no',
          ),
        }))}
        hint={choices.includes('yes') ? undefined : t('web-introduction-outcome-no-meeting-hint')}
        errors={form.errorsFor('matched')}
        stacked
      />
      {draft.matched === 'yes' ? (
        <>
          <SelectField
            label={t('web-introduction-outcome-type')}
            name="type"
            required
            value={draft.type}
            onChange={(e) => set({ type: e.target.value as OutcomeType | '' })}
            options={[
              placeholder,
              ...OUTCOME_TYPES.map((type) => ({
                value: type,
                label: t(enumMessageId('outcome-type', type)),
              })),
            ]}
            errors={form.errorsFor('type')}
          />
          {draft.type === 'ADOPTION' ? (
            <SelectField
              label={t('web-introduction-outcome-adopter-label')}
              name="adopter"
              required
              value={draft.adopter}
              onChange={(e) => set({ adopter: e.target.value as Adopter | '' })}
              options={[
                placeholder,
                ...ADOPTERS.map((adopter) => ({
                  value: adopter,
                  label: t(enumMessageId('adopter', adopter)),
                })),
              ]}
              errors={form.errorsFor('adopter')}
            />
          ) : null}
          {draft.type === 'INVESTMENT' ? (
            <fieldset className="fieldset">
              <legend>{t('web-introduction-investment')}</legend>
              <p className="field-hint">{t('web-introduction-investment-hint')}</p>
              {form.errorsFor('investment') ? (
                <p className="field-error">{form.errorsFor('investment')?.join(' ')}</p>
              ) : null}
              <TextField
                label={t('web-introduction-investment-amount')}
                name="amountYen"
                inputMode="numeric"
                required
                hint={t('web-introduction-investment-amount-hint')}
                value={draft.amountYen}
                onChange={(e) => set({ amountYen: e.target.value })}
                errors={form.errorsFor('investment.amountYen')}
              />
              <SelectField
                label={t('web-introduction-investment-round')}
                name="round"
                required
                value={draft.round}
                onChange={(e) => set({ round: e.target.value as InvestmentRound | '' })}
                options={[
                  placeholder,
                  ...INVESTMENT_ROUNDS.map((round) => ({
                    value: round,
                    label: t(enumMessageId('investment-round', round)),
                  })),
                ]}
                errors={form.errorsFor('investment.round')}
              />
              <TextField
                label={t('web-introduction-investment-date')}
                name="investedOn"
                type="date"
                required
                max={today}
                value={draft.investedOn}
                onChange={(e) => set({ investedOn: e.target.value })}
                errors={form.errorsFor('investment.investedOn')}
              />
            </fieldset>
          ) : null}
        </>
      ) : null}
      {draft.matched !== '' ? (
        <TextAreaField
          label={t('web-introduction-outcome-note')}
          name="note"
          hint={t('web-introduction-outcome-note-hint')}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          errors={form.errorsFor('note')}
        />
      ) : null}
      <FormButtons busy={form.busy} onCancel={onCancel} submit={t('web-introduction-record-outcome')} />
    </Form>
  );
}

/** Desk staff record the target's answer, given by phone or email, for them. */
function RecordAnswerForm({ introduction: i, reload, refreshing, onCancel, onDone }: StepFormProps) {
  const t = useT();
  const [, answer] = useMutation(ANSWER_INTRODUCTION);
  const form = useFormProblem(['accept', 'note']);
  const choices = (['ACCEPT', 'DECLINE'] as const).filter((step) => i.steps.includes(step));
  const [choice, setChoice] = useState<string>(choices.length === 1 ? (choices[0] ?? '') : '');
  const [note, setNote] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ accept: choice }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const accept = choice === 'ACCEPT';
    const data = await form.submit(() => answer({ id: i.id, accept, note: note.trim() }));
    if (data) {
      onDone(
        t(accept ? 'web-introduction-accepted-for' : 'web-introduction-declined-for', { name: i.targetName }),
      );
    }
  };

  return (
    <Form onSubmit={submit} busy={form.busy || refreshing} problem={form.problem} unmatched={form.unmatched}>
      <IntroductionConflictReload problem={form.problem} onReload={reload} />
      <p>{t('web-introduction-answer-lead', { name: i.targetName })}</p>
      <RadioGroup
        legend={t('web-introduction-answer-choice')}
        name="accept"
        required
        value={choice}
        onChange={setChoice}
        options={choices.map((step) => ({ value: step, label: t(enumMessageId('introduction-step', step)) }))}
        errors={form.errorsFor('accept')}
        stacked
      />
      <TextAreaField
        label={t('web-introduction-answer-note')}
        name="note"
        hint={t('web-introduction-answer-note-desk-hint')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errors={form.errorsFor('note')}
      />
      <FormButtons busy={form.busy} onCancel={onCancel} submit={t('web-introduction-record-answer')} />
    </Form>
  );
}

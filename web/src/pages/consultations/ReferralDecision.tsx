import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import {
  ErrorSummary,
  Form,
  SubmitButton,
  TextAreaField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { clientValidationProblem, toProblem, type Problem } from '../../graphql/errors';
import { ACCEPT_REFERRAL, DECLINE_REFERRAL } from '../../graphql/operations';
import type { Referral } from '../../graphql/types';
import { useT } from '../../i18n/LocaleProvider';

interface ReferralDecisionProps {
  referral: Referral;
  /** The consultation's reference number, to name it in buttons and dialogs. */
  reference: string;
  onDone: (text: string) => void;
}

/** Accept (after a confirmation) or decline (saying why) a referral to the viewer's desk. */
export function ReferralDecision({ referral, reference, onDone }: ReferralDecisionProps) {
  const t = useT();
  const [, acceptReferral] = useMutation(ACCEPT_REFERRAL);
  const [accepting, setAccepting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const names = { reference, desk: referral.fromDesk.name };

  const accept = async () => {
    setBusy(true);
    const result = await acceptReferral({ id: referral.id });
    setBusy(false);
    if (result.error) {
      setProblem(toProblem(result.error));
      return;
    }
    setAccepting(false);
    onDone(t('web-referral-accepted', names));
  };

  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button-small button-primary"
        aria-label={t('web-referral-accept-named', names)}
        onClick={() => {
          setProblem(null);
          setAccepting(true);
        }}
      >
        {t('web-referral-accept')}
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={t('web-referral-decline-named', names)}
        onClick={() => setDeclining(true)}
      >
        {t('web-referral-decline')}
      </button>
      <ConfirmDialog
        open={accepting}
        title={t('web-referral-accept-title', names)}
        message={<p>{t('web-referral-accept-confirm', names)}</p>}
        confirmLabel={t('web-referral-accept')}
        busy={busy}
        onConfirm={() => void accept()}
        onClose={() => setAccepting(false)}
        error={<ErrorSummary problem={problem} />}
      />
      <Dialog
        open={declining}
        title={t('web-referral-decline-title', names)}
        onClose={() => setDeclining(false)}
        testId="decline-referral-dialog"
      >
        {declining ? (
          <DeclineForm
            referral={referral}
            onCancel={() => setDeclining(false)}
            onDone={() => {
              setDeclining(false);
              onDone(t('web-referral-declined', names));
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function DeclineForm({
  referral,
  onCancel,
  onDone,
}: {
  referral: Referral;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [, declineReferral] = useMutation(DECLINE_REFERRAL);
  const form = useFormProblem(['reason']);
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ reason }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => declineReferral({ input: { id: referral.id, reason } }));
    if (data) onDone();
  };

  return (
    <Form onSubmit={submit} busy={form.busy} problem={form.problem} unmatched={form.unmatched}>
      <div className="quote">
        <p className="muted">{t('web-referral-reason-from', { desk: referral.fromDesk.name })}</p>
        <div className="text-block">{referral.reason}</div>
      </div>
      <TextAreaField
        label={t('web-referral-decline-reason')}
        name="reason"
        required
        hint={t('web-referral-decline-reason-hint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={form.errorsFor('reason')}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-referral-decline')}</SubmitButton>
      </div>
    </Form>
  );
}

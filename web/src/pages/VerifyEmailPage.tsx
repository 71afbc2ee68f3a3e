import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import {
  ErrorSummary,
  Form,
  Notice,
  SubmitButton,
  TextField,
  requiredFields,
  useFormProblem,
} from '../components/forms';
import { Loading, Page } from '../components/Page';
import { clientValidationProblem, toProblem, type Problem } from '../graphql/errors';
import { RESEND_VERIFICATION, VERIFY_EMAIL } from '../graphql/operations';
import { useT } from '../i18n/LocaleProvider';

type Outcome =
  | { status: 'verifying' }
  | { status: 'verified'; email: string }
  | { status: 'failed'; problem: Problem | null };

const TOKEN_PROBLEMS = ['TOKEN_INVALID', 'TOKEN_EXPIRED'];

export function VerifyEmailPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [, verifyEmail] = useMutation(VERIFY_EMAIL);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    token ? { status: 'verifying' } : { status: 'failed', problem: null },
  );
  // A token can be used once; never send the same one twice (re-renders, development double effects).
  const sentToken = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sentToken.current === token) return;
    sentToken.current = token;
    setOutcome({ status: 'verifying' });
    void verifyEmail({ token }).then((result) => {
      if (result.data?.verifyEmail) {
        setOutcome({ status: 'verified', email: result.data.verifyEmail.email });
      } else {
        setOutcome({ status: 'failed', problem: toProblem(result.error) });
      }
    });
  }, [token, verifyEmail]);

  if (outcome.status === 'verifying') {
    return (
      <Page title={t('web-verify-title')} narrow>
        <Loading />
      </Page>
    );
  }

  if (outcome.status === 'verified') {
    return (
      <Page title={t('web-verify-done-title')} narrow>
        <div className="panel" data-testid="verify-done">
          <p>{t('web-verify-done-body', { email: outcome.email })}</p>
          <div className="button-row">
            <Link className="button button-primary" to={`/login?email=${encodeURIComponent(outcome.email)}`}>
              {t('web-verify-login')}
            </Link>
          </div>
        </div>
      </Page>
    );
  }

  const tokenProblem = outcome.problem && TOKEN_PROBLEMS.includes(outcome.problem.code);
  return (
    <Page title={t('web-verify-failed-title')} narrow>
      {outcome.problem ? <ErrorSummary problem={outcome.problem} /> : <p>{t('web-verify-missing-token')}</p>}
      {tokenProblem || !outcome.problem ? <ResendVerificationForm /> : null}
    </Page>
  );
}

function ResendVerificationForm() {
  const t = useT();
  const [, resendVerification] = useMutation(RESEND_VERIFICATION);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormProblem(['email']);

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ email }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => resendVerification({ email: email.trim() }));
    if (!data) return;
    setSent(true);
  };

  return (
    <section className="panel" aria-labelledby="resend-heading">
      <h2 id="resend-heading">{t('web-verify-resend-heading')}</h2>
      <p>{t('web-verify-resend-lead')}</p>
      {sent ? <Notice>{t('web-notice-verification-resent')}</Notice> : null}
      <Form onSubmit={submit} busy={form.busy} problem={form.problem} unmatched={form.unmatched}>
        <TextField
          label={t('web-field-email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={form.errorsFor('email')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-verify-resend-submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

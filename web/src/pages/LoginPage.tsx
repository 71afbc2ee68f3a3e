import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Form, Notice, SubmitButton, TextField, requiredFields, useFormProblem } from '../components/forms';
import { Page } from '../components/Page';
import { clientValidationProblem, toProblem } from '../graphql/errors';
import { LOGIN, RESEND_VERIFICATION } from '../graphql/operations';
import { useT } from '../i18n/LocaleProvider';
import { useSessionControl } from '../session/ApiProvider';
import { safeNextPath } from '../session/paths';
import { useViewerState } from '../session/ViewerProvider';

/** Notices other pages hand to the login page through navigation state. */
export type LoginNotice = { notice: 'password-set' } | { notice: 'logged-out-everywhere'; count: number };

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const { state } = useViewerState();
  const { resetSession } = useSessionControl();
  const [, login] = useMutation(LOGIN);
  const [, resendVerification] = useMutation(RESEND_VERIFICATION);

  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [resent, setResent] = useState(false);
  const form = useFormProblem(['email', 'password']);
  const next = safeNextPath(params.get('next'));

  useEffect(() => {
    if (blockedUntil === null) return;
    const timer = window.setTimeout(() => setBlockedUntil(null), Math.max(0, blockedUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [blockedUntil]);

  // Signed in (already, or just now once `me` has loaded): go where the reader wanted to go.
  if (state.status === 'ready' && state.viewer) return <Navigate to={next} replace />;

  const submit = async () => {
    setResent(false);
    const missing = clientValidationProblem(
      requiredFields({ email, password }, t('web-validation-required')),
    );
    form.setProblem(missing);
    if (missing) return;
    setBusy(true);
    const result = await login({ input: { email: email.trim(), password } });
    if (result.error) {
      setBusy(false);
      const problem = toProblem(result.error);
      form.setProblem(problem);
      if (problem?.code === 'LOGIN_THROTTLED' && problem.retryAfterSeconds) {
        setBlockedUntil(Date.now() + problem.retryAfterSeconds * 1000);
      }
      return;
    }
    setPassword('');
    // The new session gets a fresh client; `me` then loads and the redirect above runs.
    resetSession();
  };

  const resend = async () => {
    await resendVerification({ email: email.trim() });
    setResent(true);
  };

  const notice = location.state as LoginNotice | null;
  const waiting = busy || blockedUntil !== null;

  return (
    <Page title={t('web-login-title')} narrow>
      {notice?.notice === 'password-set' ? <Notice>{t('web-notice-password-set')}</Notice> : null}
      {notice?.notice === 'logged-out-everywhere' ? (
        <Notice>{t('web-notice-logged-out-everywhere', { count: notice.count })}</Notice>
      ) : null}
      <Form
        onSubmit={submit}
        busy={waiting}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="login-form"
      >
        {form.problem?.code === 'EMAIL_NOT_VERIFIED' ? (
          <div className="inline-action">
            <button type="button" className="button" onClick={() => void resend()}>
              {t('web-login-resend-verification')}
            </button>
            {resent ? <Notice>{t('web-notice-verification-resent')}</Notice> : null}
          </div>
        ) : null}
        <TextField
          label={t('web-field-email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={form.errorsFor('email')}
        />
        <TextField
          label={t('web-field-password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={form.errorsFor('password')}
        />
        <div className="button-row">
          <SubmitButton busy={waiting}>{t('web-login-submit')}</SubmitButton>
        </div>
      </Form>
      <ul className="link-list secondary-links">
        <li>
          <Link to="/forgot-password">{t('web-login-forgot-link')}</Link>
        </li>
        <li>
          <Link to="/signup">{t('web-login-signup-link')}</Link>
        </li>
      </ul>
    </Page>
  );
}

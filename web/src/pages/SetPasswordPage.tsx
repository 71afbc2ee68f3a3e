import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Form, SubmitButton, TextField, requiredFields, useFormProblem } from '../components/forms';
import { Page } from '../components/Page';
import { clientValidationProblem } from '../graphql/errors';
import { SET_PASSWORD } from '../graphql/operations';
import { useT } from '../i18n/LocaleProvider';
import type { LoginNotice } from './LoginPage';

const TOKEN_PROBLEMS = ['TOKEN_INVALID', 'TOKEN_EXPIRED'];

/** Choosing a password from an invitation or a password-reset email. */
export function SetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [, setPasswordMutation] = useMutation(SET_PASSWORD);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormProblem(['password', 'confirm'], { newPassword: 'password' });

  if (!token) {
    return (
      <Page title={t('web-set-password-title')} narrow>
        <p>{t('web-set-password-missing-token')}</p>
        <p>
          <Link to="/forgot-password">{t('web-set-password-request-new')}</Link>
        </p>
      </Page>
    );
  }

  const submit = async () => {
    const fields = requiredFields({ password, confirm }, t('web-validation-required'));
    if (fields.length === 0 && password !== confirm) {
      fields.push({
        field: 'confirm',
        code: 'PASSWORD_MISMATCH',
        message: t('web-validation-password-mismatch'),
      });
    }
    const missing = clientValidationProblem(fields);
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => setPasswordMutation({ input: { token, password } }));
    if (!data) return;
    const email: string = data.setPassword.email;
    const state: LoginNotice = { notice: 'password-set' };
    navigate(`/login?email=${encodeURIComponent(email)}`, { replace: true, state });
  };

  const tokenProblem = form.problem !== null && TOKEN_PROBLEMS.includes(form.problem.code);

  return (
    <Page title={t('web-set-password-title')} lead={<p>{t('web-set-password-lead')}</p>} narrow>
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="set-password-form"
      >
        {tokenProblem ? (
          <p>
            <Link to="/forgot-password">{t('web-set-password-request-new')}</Link>
          </p>
        ) : null}
        <TextField
          label={t('web-field-new-password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('web-password-hint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={form.errorsFor('password')}
        />
        <TextField
          label={t('web-field-confirm-password')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          errors={form.errorsFor('confirm')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-set-password-submit')}</SubmitButton>
        </div>
      </Form>
    </Page>
  );
}

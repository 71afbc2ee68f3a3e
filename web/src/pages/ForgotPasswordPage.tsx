import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Form, SubmitButton, TextField, requiredFields, useFormProblem } from '../components/forms';
import { focusPageHeading, Page } from '../components/Page';
import { clientValidationProblem } from '../graphql/errors';
import { REQUEST_PASSWORD_RESET } from '../graphql/operations';
import { useT } from '../i18n/LocaleProvider';

export function ForgotPasswordPage() {
  const t = useT();
  const [, requestPasswordReset] = useMutation(REQUEST_PASSWORD_RESET);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormProblem(['email']);

  useEffect(() => {
    if (sentTo) focusPageHeading();
  }, [sentTo]);

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ email }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => requestPasswordReset({ email: email.trim() }));
    if (!data) return;
    setSentTo(email.trim());
  };

  if (sentTo) {
    return (
      <Page title={t('web-forgot-done-title')} narrow>
        <div className="panel" data-testid="forgot-done">
          <p>{t('web-forgot-done-body', { email: sentTo })}</p>
          <p>
            <Link to="/login">{t('web-forgot-back-to-login')}</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('web-forgot-title')} lead={<p>{t('web-forgot-lead')}</p>} narrow>
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
          <SubmitButton busy={form.busy}>{t('web-forgot-submit')}</SubmitButton>
        </div>
      </Form>
      <p className="secondary-links">
        <Link to="/login">{t('web-forgot-back-to-login')}</Link>
      </p>
    </Page>
  );
}

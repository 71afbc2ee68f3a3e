import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import {
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
  requiredFields,
  useFormProblem,
} from '../components/forms';
import { focusPageHeading, Page } from '../components/Page';
import { clientValidationProblem } from '../graphql/errors';
import { RESEND_VERIFICATION, SIGN_UP } from '../graphql/operations';
import { SIGN_UP_ORGANISATION_KINDS } from '../graphql/types';
import { countryOptions, DEFAULT_COUNTRY_CODE } from '../i18n/countries';
import { enumMessageId } from '../i18n/format';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { LOCALES, parseLocale, toGraphqlLocale, type AppLocale } from '../i18n/locale';

const FIELDS = [
  'email',
  'password',
  'displayName',
  'organisationName',
  'organisationKind',
  'countryCode',
  'locale',
] as const;

export function SignUpPage() {
  const t = useT();
  const { locale, languageName } = useLocale();
  const [, signUp] = useMutation(SIGN_UP);
  const [, resendVerification] = useMutation(RESEND_VERIFICATION);
  const form = useFormProblem(FIELDS);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [organisationKind, setOrganisationKind] = useState('');
  const [countryCode, setCountryCode] = useState(DEFAULT_COUNTRY_CODE);
  const [preferredLocale, setPreferredLocale] = useState<AppLocale>(locale);
  const [localeTouched, setLocaleTouched] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resent, setResent] = useState(false);

  // Until the reader picks one, the preferred language follows the interface language.
  useEffect(() => {
    if (!localeTouched) setPreferredLocale(locale);
  }, [locale, localeTouched]);

  useEffect(() => {
    if (sentTo) focusPageHeading();
  }, [sentTo]);

  const countries = useMemo(() => countryOptions(locale), [locale]);

  const submit = async () => {
    const missing = clientValidationProblem(
      requiredFields(
        { email, password, displayName, organisationName, organisationKind, countryCode },
        t('web-validation-required'),
      ),
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      signUp({
        input: {
          email: email.trim(),
          password,
          displayName: displayName.trim(),
          organisationName: organisationName.trim(),
          organisationKind,
          countryCode,
          locale: toGraphqlLocale(preferredLocale),
        },
      }),
    );
    if (!data) return;
    setPassword('');
    setSentTo(data.signUp.email ?? email.trim());
  };

  if (sentTo) {
    return (
      <Page title={t('web-signup-done-title')} narrow>
        <div className="panel" data-testid="signup-done">
          <p>{t('web-signup-done-body', { email: sentTo })}</p>
          <p>{t('web-signup-done-hint')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                void resendVerification({ email: sentTo }).then(() => setResent(true));
              }}
            >
              {t('web-signup-resend')}
            </button>
            <Link className="button button-primary" to={`/login?email=${encodeURIComponent(sentTo)}`}>
              {t('web-signup-go-to-login')}
            </Link>
          </div>
          {resent ? <Notice>{t('web-notice-verification-resent')}</Notice> : null}
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('web-signup-title')} lead={<p>{t('web-signup-lead')}</p>} narrow>
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="signup-form"
      >
        <fieldset className="fieldset">
          <legend>{t('web-signup-account-legend')}</legend>
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
          <TextField
            label={t('web-field-password')}
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
            label={t('web-field-display-name')}
            name="displayName"
            autoComplete="name"
            required
            hint={t('web-field-display-name-hint')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            errors={form.errorsFor('displayName')}
          />
          <SelectField
            label={t('web-field-locale')}
            name="locale"
            hint={t('web-field-locale-hint')}
            value={preferredLocale}
            onChange={(e) => {
              setLocaleTouched(true);
              setPreferredLocale(parseLocale(e.target.value) ?? locale);
            }}
            options={LOCALES.map((l) => ({ value: l, label: languageName(l), lang: l }))}
            errors={form.errorsFor('locale')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('web-signup-organisation-legend')}</legend>
          <TextField
            label={t('web-field-organisation-name')}
            name="organisationName"
            autoComplete="organization"
            required
            hint={t('web-field-organisation-name-hint')}
            value={organisationName}
            onChange={(e) => setOrganisationName(e.target.value)}
            errors={form.errorsFor('organisationName')}
          />
          <SelectField
            label={t('web-field-organisation-kind')}
            name="organisationKind"
            required
            value={organisationKind}
            onChange={(e) => setOrganisationKind(e.target.value)}
            options={[
              { value: '', label: t('web-select-placeholder') },
              ...SIGN_UP_ORGANISATION_KINDS.map((kind) => ({
                value: kind,
                label: t(enumMessageId('organisation-kind', kind)),
              })),
            ]}
            errors={form.errorsFor('organisationKind')}
          />
          <SelectField
            label={t('web-field-country')}
            name="countryCode"
            autoComplete="country"
            required
            value={countryCode}
            onChange={(e) => setCountryCode(e.target.value)}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
            errors={form.errorsFor('countryCode')}
          />
        </fieldset>
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-signup-submit')}</SubmitButton>
        </div>
      </Form>
      <p className="secondary-links">
        <Link to="/login">{t('web-signup-login-link')}</Link>
      </p>
    </Page>
  );
}

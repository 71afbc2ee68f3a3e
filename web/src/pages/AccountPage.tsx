import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../components/Dialog';
import {
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
  requiredFields,
  useFormProblem,
} from '../components/forms';
import { Loading, Page } from '../components/Page';
import { clientValidationProblem, toProblem, type Problem } from '../graphql/errors';
import {
  CHANGE_PASSWORD,
  LOGOUT_EVERYWHERE,
  MY_SESSIONS,
  REVOKE_SESSION,
  UPDATE_MY_PROFILE,
} from '../graphql/operations';
import type { Session, Viewer } from '../graphql/types';
import { formatDateTime } from '../i18n/format';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { fromGraphqlLocale, LOCALES, parseLocale, toGraphqlLocale, type AppLocale } from '../i18n/locale';
import { useSessionControl } from '../session/ApiProvider';
import { useViewer } from '../session/ViewerProvider';
import type { LoginNotice } from './LoginPage';

export function AccountPage() {
  const t = useT();
  const viewer = useViewer();
  if (!viewer) return null;
  return (
    <Page title={t('web-account-title')}>
      <ProfileSection viewer={viewer} />
      <PasswordSection />
      <SessionsSection />
    </Page>
  );
}

function ProfileSection({ viewer }: { viewer: Viewer }) {
  const t = useT();
  const { locale, setLocale, languageName } = useLocale();
  const [, updateMyProfile] = useMutation(UPDATE_MY_PROFILE);
  const [displayName, setDisplayName] = useState(viewer.displayName);
  const [preferredLocale, setPreferredLocale] = useState<AppLocale>(
    fromGraphqlLocale(viewer.locale) ?? locale,
  );
  const [saved, setSaved] = useState(false);
  const form = useFormProblem(['displayName', 'locale']);

  // The language can also change through the header's switcher.
  useEffect(() => {
    const saved = fromGraphqlLocale(viewer.locale);
    if (saved) setPreferredLocale(saved);
  }, [viewer.locale]);

  const submit = async () => {
    setSaved(false);
    const missing = clientValidationProblem(requiredFields({ displayName }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      updateMyProfile({
        input: { displayName: displayName.trim(), locale: toGraphqlLocale(preferredLocale) },
      }),
    );
    if (!data) return;
    setSaved(true);
    if (preferredLocale !== locale) setLocale(preferredLocale);
  };

  return (
    <section className="panel" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('web-account-profile-heading')}</h2>
      {saved ? <Notice>{t('web-notice-saved')}</Notice> : null}
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="profile-form"
      >
        <TextField label={t('web-field-email')} name="email" type="email" value={viewer.email} readOnly />
        <TextField
          label={t('web-field-display-name')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={form.errorsFor('displayName')}
        />
        <SelectField
          label={t('web-field-locale')}
          name="locale"
          hint={t('web-field-locale-hint')}
          value={preferredLocale}
          onChange={(e) => setPreferredLocale(parseLocale(e.target.value) ?? locale)}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l), lang: l }))}
          errors={form.errorsFor('locale')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-action-save')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function PasswordSection() {
  const t = useT();
  const [, changePassword] = useMutation(CHANGE_PASSWORD);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useFormProblem(['currentPassword', 'newPassword', 'confirm'], { password: 'newPassword' });

  const submit = async () => {
    setChanged(false);
    const fields = requiredFields({ currentPassword, newPassword, confirm }, t('web-validation-required'));
    if (fields.length === 0 && newPassword !== confirm) {
      fields.push({
        field: 'confirm',
        code: 'PASSWORD_MISMATCH',
        message: t('web-validation-password-mismatch'),
      });
    }
    const missing = clientValidationProblem(fields);
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() => changePassword({ input: { currentPassword, newPassword } }));
    if (!data) return;
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    setChanged(true);
  };

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('web-account-password-heading')}</h2>
      {changed ? <Notice>{t('web-notice-password-changed')}</Notice> : null}
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        testId="password-form"
      >
        <TextField
          label={t('web-field-current-password')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          errors={form.errorsFor('currentPassword')}
        />
        <TextField
          label={t('web-field-new-password')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('web-password-hint')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          errors={form.errorsFor('newPassword')}
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
          <SubmitButton busy={form.busy}>{t('web-account-password-submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function SessionsSection() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { resetSession } = useSessionControl();
  const [{ data, error, fetching }, refetch] = useQuery<{ mySessions: Session[] }>({ query: MY_SESSIONS });
  const [, revokeSession] = useMutation(REVOKE_SESSION);
  const [, logoutEverywhere] = useMutation(LOGOUT_EVERYWHERE);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmProblem, setConfirmProblem] = useState<Problem | null>(null);

  const revoke = async (id: string) => {
    setRevoked(false);
    const result = await revokeSession({ id });
    setProblem(toProblem(result.error));
    if (!result.error) {
      setRevoked(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const endAll = async () => {
    setBusy(true);
    const result = await logoutEverywhere({});
    setBusy(false);
    if (result.error) {
      setConfirmProblem(toProblem(result.error));
      return;
    }
    const state: LoginNotice = {
      notice: 'logged-out-everywhere',
      count: Number(result.data?.logoutEverywhere ?? 0),
    };
    setConfirmOpen(false);
    resetSession();
    navigate('/login', { state });
  };

  return (
    <section className="panel" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('web-account-sessions-heading')}</h2>
      <p>{t('web-account-sessions-lead')}</p>
      <ErrorSummary problem={problem ?? toProblem(error)} />
      {revoked ? <Notice>{t('web-notice-session-revoked')}</Notice> : null}
      {!data && fetching ? <Loading /> : null}
      {data ? (
        <div className="table-wrap" role="region" aria-labelledby="account-sessions" tabIndex={0}>
          <table className="table" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">{t('web-session-device')}</th>
                <th scope="col">{t('web-session-signed-in')}</th>
                <th scope="col">{t('web-session-last-seen')}</th>
                <th scope="col">{t('web-session-expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('web-table-actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.mySessions.map((session) => (
                <tr key={session.id} aria-current={session.current || undefined}>
                  <td>
                    <span className="session-agent">
                      {session.userAgent || t('web-session-unknown-device')}
                    </span>
                    {session.clientAddress ? <span className="muted"> {session.clientAddress}</span> : null}
                    {session.current ? (
                      <span className="badge badge-info">{t('web-session-current')}</span>
                    ) : null}
                  </td>
                  <td>{formatDateTime(session.createdAt, locale)}</td>
                  <td>{formatDateTime(session.lastSeenAt, locale)}</td>
                  <td>{formatDateTime(session.expiresAt, locale)}</td>
                  <td>
                    {session.current ? null : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void revoke(session.id)}
                      >
                        {t('web-session-revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            setConfirmProblem(null);
            setConfirmOpen(true);
          }}
        >
          {t('web-account-logout-everywhere')}
        </button>
      </div>
      <ConfirmDialog
        open={confirmOpen}
        title={t('web-account-logout-everywhere')}
        message={<p>{t('web-account-logout-everywhere-confirm')}</p>}
        confirmLabel={t('web-account-logout-everywhere-submit')}
        danger
        busy={busy}
        onConfirm={() => void endAll()}
        onClose={() => setConfirmOpen(false)}
        error={<ErrorSummary problem={confirmProblem} />}
      />
    </section>
  );
}

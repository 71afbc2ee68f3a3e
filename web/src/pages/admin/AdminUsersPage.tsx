import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { DeskCheckboxes } from '../../components/DeskCheckboxes';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, toProblem, type Problem } from '../../graphql/errors';
import {
  DEACTIVATE_USER,
  DESK_OPTIONS,
  INVITE_USER,
  ORGANISATIONS,
  REACTIVATE_USER,
  RESEND_INVITATION,
  UPDATE_USER,
  USERS,
} from '../../graphql/operations';
import {
  DESK_ROLES,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  ROLES,
  organisationAdmits,
  type DeskRef,
  type Organisation,
  type OrganisationKind,
  type PageInfo,
  type Role,
  type UserRow,
} from '../../graphql/types';
import { countryOptions, DEFAULT_COUNTRY_CODE } from '../../i18n/countries';
import { enumMessageId, formatDateTime } from '../../i18n/format';
import { useLocale, useT, type Translate } from '../../i18n/LocaleProvider';
import { LOCALES, parseLocale, toGraphqlLocale, type AppLocale } from '../../i18n/locale';
import { useViewer } from '../../session/ViewerProvider';

const PAGE_SIZE = 20;
const USERS_CONTEXT = { additionalTypenames: ['User'] };

interface UserFilterInput {
  role?: Role;
  deskId?: string;
  query?: string;
  includeDeactivated?: boolean;
}

interface DeskOption extends DeskRef {
  active: boolean;
}

function roleOptions(t: Translate) {
  return ROLES.map((role) => ({ value: role, label: t(enumMessageId('role', role)) }));
}

export function AdminUsersPage() {
  const t = useT();
  const viewer = useViewer();
  const { locale } = useLocale();
  const [draft, setDraft] = useState({ role: '', deskId: '', query: '', includeDeactivated: false });
  const [filter, setFilter] = useState<UserFilterInput>({});
  // Cursors of the pages before the current one; the last is the current page's `after`.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;

  const [{ data, fetching, error }] = useQuery<{
    users: { totalCount: number; pageInfo: PageInfo; nodes: UserRow[] };
  }>({
    query: USERS,
    variables: { first: PAGE_SIZE, after, filter },
    context: USERS_CONTEXT,
  });
  const [{ data: deskData }] = useQuery<{ desks: DeskOption[] }>({ query: DESK_OPTIONS });
  const desks = deskData?.desks ?? [];

  const [inviteOpen, setInviteOpen] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [toggling, setToggling] = useState<UserRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<Problem | null>(null);
  const [, resendInvitation] = useMutation(RESEND_INVITATION);

  const applyFilter = () => {
    setFilter({
      role: (draft.role || undefined) as Role | undefined,
      deskId: draft.deskId || undefined,
      query: draft.query.trim() || undefined,
      includeDeactivated: draft.includeDeactivated || undefined,
    });
    setCursors([null]);
  };

  const resend = async (user: UserRow) => {
    setNotice(null);
    const result = await resendInvitation({ id: user.id });
    setRowProblem(toProblem(result.error));
    if (!result.error) setNotice(t('web-users-invitation-resent', { email: user.email }));
  };

  const users = data?.users;
  const pageNumber = cursors.length;

  return (
    <Page
      title={t('web-admin-users-title')}
      actions={
        <button type="button" className="button button-primary" onClick={() => setInviteOpen(true)}>
          {t('web-users-invite')}
        </button>
      }
    >
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary problem={rowProblem} />

      <section className="panel" aria-labelledby="users-filter-heading">
        <h2 id="users-filter-heading">{t('web-users-filter-heading')}</h2>
        <Form onSubmit={applyFilter} problem={null} className="form form-inline" testId="users-filter">
          <TextField
            label={t('web-users-filter-query')}
            name="query"
            type="search"
            value={draft.query}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
          />
          <SelectField
            label={t('web-field-role')}
            name="role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value })}
            options={[{ value: '', label: t('web-users-filter-all-roles') }, ...roleOptions(t)]}
          />
          <SelectField
            label={t('web-users-filter-desk')}
            name="deskId"
            value={draft.deskId}
            onChange={(e) => setDraft({ ...draft, deskId: e.target.value })}
            options={[
              { value: '', label: t('web-users-filter-all-desks') },
              ...desks.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <CheckboxField
            label={t('web-users-filter-include-deactivated')}
            name="includeDeactivated"
            checked={draft.includeDeactivated}
            onChange={(e) => setDraft({ ...draft, includeDeactivated: e.target.checked })}
          />
          <div className="button-row">
            <SubmitButton>{t('web-users-filter-apply')}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="users-list-heading">
        <h2 id="users-list-heading">{t('web-users-list-heading')}</h2>
        <ErrorSummary problem={toProblem(error)} />
        {!users && fetching ? <Loading /> : null}
        {users ? (
          <>
            <p className="muted" role="status">
              {t('web-users-count', { count: users.totalCount, page: pageNumber })}
            </p>
            {users.nodes.length === 0 ? (
              <p>{t('web-users-empty')}</p>
            ) : (
              <div className="table-wrap" role="region" aria-labelledby="users-list-heading" tabIndex={0}>
                <table className="table" data-testid="users-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('web-users-col-name')}</th>
                      <th scope="col">{t('web-field-role')}</th>
                      <th scope="col">{t('web-users-col-affiliation')}</th>
                      <th scope="col">{t('web-users-col-status')}</th>
                      <th scope="col">{t('web-users-col-created')}</th>
                      <th scope="col">{t('web-table-actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {users.nodes.map((user) => (
                      <tr key={user.id}>
                        <td>
                          <strong>{user.displayName}</strong>
                          <br />
                          <span className="muted">{user.email}</span>
                        </td>
                        <td>{user.roleLabel}</td>
                        <td>
                          {user.organisation ? user.organisation.name : null}
                          {user.desks.length
                            ? user.desks.map((d) => d.name).join(t('web-list-separator'))
                            : null}
                        </td>
                        <td>
                          <UserStatus user={user} />
                        </td>
                        <td>{formatDateTime(user.createdAt, locale)}</td>
                        <td>
                          <div className="row-actions">
                            <button
                              type="button"
                              className="button button-small"
                              aria-label={t('web-users-edit-named', { name: user.displayName })}
                              onClick={() => setEditing(user)}
                            >
                              {t('web-action-edit')}
                            </button>
                            {user.id === viewer?.id ? null : (
                              <button
                                type="button"
                                className={
                                  user.active ? 'button button-small button-danger' : 'button button-small'
                                }
                                aria-label={t(
                                  user.active ? 'web-users-deactivate-named' : 'web-users-reactivate-named',
                                  {
                                    name: user.displayName,
                                  },
                                )}
                                onClick={() => setToggling(user)}
                              >
                                {t(user.active ? 'web-users-deactivate' : 'web-users-reactivate')}
                              </button>
                            )}
                            {user.invitationPending && user.active ? (
                              <button
                                type="button"
                                className="button button-small"
                                aria-label={t('web-users-resend-invitation-named', {
                                  name: user.displayName,
                                })}
                                onClick={() => void resend(user)}
                              >
                                {t('web-users-resend-invitation')}
                              </button>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <nav className="pagination" aria-label={t('web-pagination-label')}>
              <button
                type="button"
                className="button button-small"
                disabled={cursors.length <= 1}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                {t('web-pagination-previous')}
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={!users.pageInfo.hasNextPage || !users.pageInfo.endCursor}
                onClick={() => setCursors([...cursors, users.pageInfo.endCursor])}
              >
                {t('web-pagination-next')}
              </button>
            </nav>
          </>
        ) : null}
      </section>

      <Dialog
        open={inviteOpen}
        title={t('web-users-invite-title')}
        onClose={() => setInviteOpen(false)}
        wide
        testId="invite-dialog"
      >
        <InviteUserForm
          desks={desks}
          onDone={(user) => {
            setInviteOpen(false);
            setNotice(t('web-users-invited', { email: user.email }));
          }}
          onCancel={() => setInviteOpen(false)}
        />
      </Dialog>

      <Dialog
        open={editing !== null}
        title={t('web-users-edit-title', { name: editing?.displayName ?? '' })}
        onClose={() => setEditing(null)}
        testId="edit-user-dialog"
      >
        {editing ? (
          <EditUserForm
            user={editing}
            desks={desks}
            onDone={() => {
              setEditing(null);
              setNotice(t('web-notice-saved'));
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>

      <ToggleActiveDialog
        user={toggling}
        onClose={() => setToggling(null)}
        onDone={(user) => {
          setToggling(null);
          setNotice(
            t(user.active ? 'web-users-reactivated' : 'web-users-deactivated', { name: user.displayName }),
          );
        }}
      />
    </Page>
  );
}

function UserStatus({ user }: { user: UserRow }) {
  const t = useT();
  return (
    <ul className="badges">
      <li className={user.active ? 'badge badge-ok' : 'badge badge-muted'}>
        {t(user.active ? 'web-status-active' : 'web-status-deactivated')}
      </li>
      {user.invitationPending ? (
        <li className="badge badge-info">{t('web-status-invitation-pending')}</li>
      ) : null}
      {!user.emailVerified && !user.invitationPending ? (
        <li className="badge badge-warn">{t('web-status-email-unverified')}</li>
      ) : null}
    </ul>
  );
}

// Field names as the server reports them; errors about an existing organisation come as `organisation`.
const INVITE_FIELDS = [
  'email',
  'displayName',
  'role',
  'locale',
  'deskIds',
  'organisation',
  'organisation.name',
  'organisation.kind',
  'organisation.countryCode',
];
const INVITE_ALIASES = {
  'organisation.id': 'organisation',
  'organisation.new.name': 'organisation.name',
  'organisation.new.kind': 'organisation.kind',
  'organisation.new.countryCode': 'organisation.countryCode',
};

/** The organisation kind to search for when inviting a member of a supporter organisation or VC. */
function organisationKindFor(role: Role): OrganisationKind | undefined {
  if (role === 'SUPPORTER_MEMBER') return 'SUPPORTER';
  if (role === 'VC_MEMBER') return 'VC';
  return undefined;
}

interface InviteUserFormProps {
  desks: readonly DeskOption[];
  onDone: (user: UserRow) => void;
  onCancel: () => void;
}

function InviteUserForm({ desks, onDone, onCancel }: InviteUserFormProps) {
  const t = useT();
  const { locale, languageName } = useLocale();
  const [, inviteUser] = useMutation(INVITE_USER);
  const form = useFormProblem(INVITE_FIELDS, INVITE_ALIASES);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('ADVISOR');
  const [userLocale, setUserLocale] = useState<AppLocale>(locale);
  const [deskIds, setDeskIds] = useState<string[]>([]);
  const [orgMode, setOrgMode] = useState<'existing' | 'new'>('existing');
  const [orgQuery, setOrgQuery] = useState('');
  const [debouncedQuery, setDebouncedQuery] = useState('');
  const [orgId, setOrgId] = useState('');
  const [orgName, setOrgName] = useState('');
  const [orgKind, setOrgKind] = useState<string>('');
  const [orgCountry, setOrgCountry] = useState(DEFAULT_COUNTRY_CODE);

  const needsDesks = DESK_ROLES.includes(role);
  const needsOrganisation = ORGANISATION_ROLES.includes(role);
  const kindFilter = organisationKindFor(role);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebouncedQuery(orgQuery.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [orgQuery]);

  const [{ data: orgData, fetching: orgFetching }] = useQuery<{
    organisations: { totalCount: number; nodes: Organisation[] };
  }>({
    query: ORGANISATIONS,
    variables: { first: 20, filter: { kind: kindFilter, query: debouncedQuery || undefined } },
    pause: !needsOrganisation || orgMode !== 'existing',
  });
  const organisations = (orgData?.organisations.nodes ?? []).filter((o) => organisationAdmits(o.kind, role));
  const kindOptions = ORGANISATION_KINDS.filter((kind) => organisationAdmits(kind, role));
  const countries = useMemo(() => countryOptions(locale), [locale]);

  const submit = async () => {
    const required: Record<string, string> = { email, displayName };
    if (needsOrganisation && orgMode === 'existing') required.organisation = orgId;
    if (needsOrganisation && orgMode === 'new') {
      required['organisation.name'] = orgName;
      required['organisation.kind'] = orgKind;
    }
    const fields = requiredFields(required, t('web-validation-required'));
    if (needsDesks && deskIds.length === 0) {
      fields.push({ field: 'deskIds', code: 'REQUIRED', message: t('web-validation-desk-required') });
    }
    const missing = clientValidationProblem(fields);
    form.setProblem(missing);
    if (missing) return;

    const input: Record<string, unknown> = {
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      locale: toGraphqlLocale(userLocale),
      deskIds: needsDesks ? deskIds : [],
    };
    if (needsOrganisation) {
      input.organisation =
        orgMode === 'existing'
          ? { id: orgId }
          : { new: { name: orgName.trim(), kind: orgKind, countryCode: orgCountry } };
    }
    const data = await form.submit(() => inviteUser({ input }));
    if (!data) return;
    onDone(data.inviteUser as UserRow);
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="invite-form"
    >
      <TextField
        label={t('web-field-email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={form.errorsFor('email')}
        data-autofocus
      />
      <TextField
        label={t('web-field-display-name')}
        name="displayName"
        autoComplete="off"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        errors={form.errorsFor('displayName')}
      />
      <SelectField
        label={t('web-field-role')}
        name="role"
        required
        value={role}
        onChange={(e) => {
          setRole(e.target.value as Role);
          setOrgId('');
          setOrgKind('');
        }}
        options={roleOptions(t)}
        hint={t('web-users-role-hint')}
        errors={form.errorsFor('role')}
      />
      <SelectField
        label={t('web-field-locale')}
        name="locale"
        value={userLocale}
        onChange={(e) => setUserLocale(parseLocale(e.target.value) ?? locale)}
        options={LOCALES.map((l) => ({ value: l, label: languageName(l), lang: l }))}
        hint={t('web-users-locale-hint')}
        errors={form.errorsFor('locale')}
      />
      {needsDesks ? (
        <DeskCheckboxes
          desks={desks}
          selected={deskIds}
          onChange={setDeskIds}
          errors={form.errorsFor('deskIds')}
        />
      ) : null}
      {needsOrganisation ? (
        <fieldset className="fieldset">
          <legend>{t('web-field-organisation')}</legend>
          {orgMode === 'new' && form.errorsFor('organisation') ? (
            <p className="field-error">{form.errorsFor('organisation')?.join(' ')}</p>
          ) : null}
          <div className="radio-group">
            <div className="field-checkbox">
              <input
                id="invite-org-existing"
                type="radio"
                name="orgMode"
                checked={orgMode === 'existing'}
                onChange={() => setOrgMode('existing')}
              />
              <label htmlFor="invite-org-existing">{t('web-users-org-existing')}</label>
            </div>
            <div className="field-checkbox">
              <input
                id="invite-org-new"
                type="radio"
                name="orgMode"
                checked={orgMode === 'new'}
                onChange={() => setOrgMode('new')}
              />
              <label htmlFor="invite-org-new">{t('web-users-org-new')}</label>
            </div>
          </div>
          {orgMode === 'existing' ? (
            <>
              <TextField
                label={t('web-users-org-search')}
                name="organisationQuery"
                type="search"
                value={orgQuery}
                onChange={(e) => setOrgQuery(e.target.value)}
              />
              <SelectField
                label={t('web-field-organisation')}
                name="organisation"
                required
                value={orgId}
                onChange={(e) => setOrgId(e.target.value)}
                aria-busy={orgFetching || undefined}
                options={[
                  {
                    value: '',
                    label: organisations.length ? t('web-select-placeholder') : t('web-users-org-none-found'),
                  },
                  ...organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.kindLabel})` })),
                ]}
                errors={form.errorsFor('organisation')}
              />
            </>
          ) : (
            <>
              <TextField
                label={t('web-field-organisation-name')}
                name="organisation.name"
                required
                value={orgName}
                onChange={(e) => setOrgName(e.target.value)}
                errors={form.errorsFor('organisation.name')}
              />
              <SelectField
                label={t('web-field-organisation-kind')}
                name="organisation.kind"
                required
                value={orgKind}
                onChange={(e) => setOrgKind(e.target.value)}
                options={[
                  { value: '', label: t('web-select-placeholder') },
                  ...kindOptions.map((kind) => ({
                    value: kind,
                    label: t(enumMessageId('organisation-kind', kind)),
                  })),
                ]}
                errors={form.errorsFor('organisation.kind')}
              />
              <SelectField
                label={t('web-field-country')}
                name="organisation.countryCode"
                required
                value={orgCountry}
                onChange={(e) => setOrgCountry(e.target.value)}
                options={countries.map((c) => ({ value: c.code, label: c.name }))}
                errors={form.errorsFor('organisation.countryCode')}
              />
            </>
          )}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-users-invite-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

interface EditUserFormProps {
  user: UserRow;
  desks: readonly DeskOption[];
  onDone: () => void;
  onCancel: () => void;
}

function EditUserForm({ user, desks, onDone, onCancel }: EditUserFormProps) {
  const t = useT();
  const [, updateUser] = useMutation(UPDATE_USER);
  const form = useFormProblem(['displayName', 'role', 'deskIds']);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [deskIds, setDeskIds] = useState<string[]>(user.desks.map((d) => d.id));
  const needsDesks = DESK_ROLES.includes(role);

  const submit = async () => {
    const fields = requiredFields({ displayName }, t('web-validation-required'));
    if (needsDesks && deskIds.length === 0) {
      fields.push({ field: 'deskIds', code: 'REQUIRED', message: t('web-validation-desk-required') });
    }
    const missing = clientValidationProblem(fields);
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      updateUser({
        input: { id: user.id, displayName: displayName.trim(), role, deskIds: needsDesks ? deskIds : [] },
      }),
    );
    if (!data) return;
    onDone();
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="edit-user-form"
    >
      <TextField
        label={t('web-field-display-name')}
        name="displayName"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        errors={form.errorsFor('displayName')}
        data-autofocus
      />
      <SelectField
        label={t('web-field-role')}
        name="role"
        required
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={roleOptions(t)}
        errors={form.errorsFor('role')}
      />
      {needsDesks ? (
        <DeskCheckboxes
          desks={desks}
          selected={deskIds}
          onChange={setDeskIds}
          errors={form.errorsFor('deskIds')}
        />
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-action-save')}</SubmitButton>
      </div>
    </Form>
  );
}

interface ToggleActiveDialogProps {
  user: UserRow | null;
  onClose: () => void;
  onDone: (user: UserRow) => void;
}

function ToggleActiveDialog({ user, onClose, onDone }: ToggleActiveDialogProps) {
  const t = useT();
  const [, deactivateUser] = useMutation(DEACTIVATE_USER);
  const [, reactivateUser] = useMutation(REACTIVATE_USER);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const deactivating = user?.active ?? true;
  const name = user?.displayName ?? '';

  useEffect(() => setProblem(null), [user]);

  const confirm = async () => {
    if (!user) return;
    setBusy(true);
    const result = deactivating
      ? await deactivateUser({ id: user.id })
      : await reactivateUser({ id: user.id });
    setBusy(false);
    if (result.error || !result.data) {
      setProblem(toProblem(result.error));
      return;
    }
    const updated = (deactivating ? result.data.deactivateUser : result.data.reactivateUser) as UserRow;
    onDone(updated);
  };

  return (
    <ConfirmDialog
      open={user !== null}
      title={t(deactivating ? 'web-users-deactivate-title' : 'web-users-reactivate-title', { name })}
      message={
        <p>{t(deactivating ? 'web-users-deactivate-confirm' : 'web-users-reactivate-confirm', { name })}</p>
      }
      confirmLabel={t(deactivating ? 'web-users-deactivate' : 'web-users-reactivate')}
      danger={deactivating}
      busy={busy}
      onConfirm={() => void confirm()}
      onClose={onClose}
      error={<ErrorSummary problem={problem} />}
    />
  );
}

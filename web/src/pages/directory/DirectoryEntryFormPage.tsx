import { useCallback, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/Dialog';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, hasErrorCode, toProblem, type Problem } from '../../graphql/errors';
import {
  ADVISOR_ACCOUNTS,
  CREATE_DIRECTORY_ENTRY,
  DESK_MEMBERS,
  DIRECTORY_ENTRY_FOR_EDIT,
  DIRECTORY_TERMS,
  ORGANISATIONS,
  SET_DIRECTORY_ENTRY_ACTIVE,
  UPDATE_DIRECTORY_ENTRY,
} from '../../graphql/operations';
import {
  DIRECTORY_KINDS,
  PROGRAMME_BODIES,
  SUPPORTER_TYPES,
  type DeskMember,
  type DirectoryEntry,
  type DirectoryKind,
  type DirectoryTagList,
  type Organisation,
  type OrganisationRef,
  type ProgrammeBody,
  type SupporterType,
  type TaxonomyKind,
  type TermOption,
  type Viewer,
} from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import {
  DIRECTORY_CONTEXT,
  isDirectoryStaff,
  ownDirectoryKind,
  useMyDirectoryEntry,
} from '../../session/useMyDirectoryEntries';
import { useViewer } from '../../session/ViewerProvider';
import type { EntryNotice } from './DirectoryEntryPage';
import {
  ENTRY_FIELDS,
  draftFromEntry,
  draftProblems,
  emptyDraft,
  entryInput,
  type DraftDefaults,
  type EntryDraft,
} from './entryDraft';

/** The taxonomy lists every kind of entry is tagged with (services: supporter organisations only). */
const COMMON_TAGS: readonly { list: DirectoryTagList; kind: TaxonomyKind; legend: string }[] = [
  { list: 'domains', kind: 'DOMAIN', legend: 'web-directory-domains' },
  { list: 'stages', kind: 'STAGE', legend: 'web-directory-stages' },
  { list: 'topics', kind: 'TOPIC', legend: 'web-directory-topics' },
  { list: 'languages', kind: 'LANGUAGE', legend: 'web-directory-languages' },
  { list: 'regions', kind: 'REGION', legend: 'web-directory-regions' },
];

const SUMMARY_HINTS: Record<DirectoryKind, string> = {
  ADVISOR: 'web-directory-form-summary-hint-advisor',
  SUPPORTER: 'web-directory-form-summary-hint-organisation',
  VC: 'web-directory-form-summary-hint-organisation',
  PROGRAMME: 'web-directory-form-summary-hint-programme',
};

function parseKind(value: string | null): DirectoryKind | null {
  const upper = value?.trim().toUpperCase() as DirectoryKind | undefined;
  return upper && DIRECTORY_KINDS.includes(upper) ? upper : null;
}

/**
 * A new entry: staff and admins add any kind; an advisor, supporter or VC member without an
 * entry adds their own.
 */
export function NewDirectoryEntryPage() {
  const t = useT();
  const viewer = useViewer();
  const [search] = useSearchParams();
  const own = useMyDirectoryEntry(viewer);
  const asked = parseKind(search.get('kind'));
  if (!viewer) return null;
  const staff = isDirectoryStaff(viewer);
  const ownKind = ownDirectoryKind(viewer.role);

  if (staff) {
    if (!asked) return <KindChoice />;
    return <NewEntry kind={asked} viewer={viewer} defaults={{}} />;
  }
  if (ownKind === null || (asked !== null && asked !== ownKind)) return <Forbidden />;
  if (own === undefined) {
    return (
      <Page title={t('web-directory-new-title', { kind: t(enumMessageId('directory-kind', ownKind)) })}>
        <Loading />
      </Page>
    );
  }
  if (own !== null) {
    return (
      <Page title={t('web-directory-own-exists-title')}>
        <p>{t('web-directory-own-exists-body')}</p>
        <div className="button-row">
          <Link className="button button-primary" to={`/directory/${encodeURIComponent(own.id)}/edit`}>
            {t('web-directory-own-exists-edit')}
          </Link>
        </div>
      </Page>
    );
  }
  const defaults: DraftDefaults =
    ownKind === 'ADVISOR'
      ? { userId: viewer.id, name: viewer.displayName }
      : { organisationId: viewer.organisation?.id ?? null, name: viewer.organisation?.name };
  return <NewEntry kind={ownKind} viewer={viewer} defaults={defaults} />;
}

function NewEntry({
  kind,
  viewer,
  defaults,
}: {
  kind: DirectoryKind;
  viewer: Viewer;
  defaults: DraftDefaults;
}) {
  const t = useT();
  return (
    <Page
      title={t('web-directory-new-title', { kind: t(enumMessageId('directory-kind', kind)) })}
      lead={<p>{t('web-directory-form-lead')}</p>}
    >
      <EntryForm
        key={kind}
        initial={emptyDraft(kind, defaults)}
        entry={null}
        viewer={viewer}
        onReload={null}
      />
    </Page>
  );
}

function KindChoice() {
  const t = useT();
  return (
    <Page title={t('web-directory-add')} lead={<p>{t('web-directory-kind-choice-lead')}</p>}>
      <ul className="link-list" data-testid="kind-choice">
        {DIRECTORY_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={`/directory/new?kind=${kind}`}>{t(enumMessageId('directory-kind', kind))}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function Forbidden() {
  const t = useT();
  return (
    <Page title={t('web-forbidden-title')}>
      <p>{t('web-forbidden-body')}</p>
    </Page>
  );
}

/** Editing an entry, for its owner, staff and admins; staff and admins also show or hide it. */
export function EditDirectoryEntryPage() {
  const t = useT();
  const viewer = useViewer();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery<{ directoryEntry: DirectoryEntry }>({
    query: DIRECTORY_ENTRY_FOR_EDIT,
    variables: { id },
    context: DIRECTORY_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const entry = data?.directoryEntry ?? null;
  // After an edit conflict the form starts again from the entry as it now is, once the newer
  // version has arrived. (Other changes, such as showing or hiding it, keep what is being typed.)
  const [replacing, setReplacing] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setReplacing(entry?.version ?? null);
    reexecute({ requestPolicy: 'network-only' });
  }, [entry?.version, reexecute]);
  if (entry && replacing !== null && entry.version !== replacing) {
    setReplacing(null);
    setGeneration(generation + 1);
  }

  if (!viewer) return null;
  if (!entry) {
    if (fetching) {
      return (
        <Page title={t('web-directory-entry-loading-title')}>
          <Loading />
        </Page>
      );
    }
    return (
      <Page title={t('web-directory-entry-not-found-title')}>
        {hasErrorCode(error, 'NOT_FOUND') || !error ? (
          <p>{t('web-directory-entry-not-found-body')}</p>
        ) : (
          <ErrorSummary problem={toProblem(error)} />
        )}
      </Page>
    );
  }
  if (!entry.canEdit) return <Forbidden />;

  return (
    <Page
      title={t('web-directory-edit-title', { name: entry.name })}
      lead={<p>{t('web-directory-form-lead')}</p>}
      actions={
        <Link className="button" to={`/directory/${encodeURIComponent(entry.id)}`}>
          {t('web-directory-view-profile')}
        </Link>
      }
    >
      {isDirectoryStaff(viewer) ? <ActivationPanel entry={entry} onReload={reload} /> : null}
      {replacing !== null ? <Loading /> : null}
      <EntryForm
        key={`${entry.id}-${generation}`}
        initial={draftFromEntry(entry)}
        entry={entry}
        viewer={viewer}
        onReload={reload}
      />
    </Page>
  );
}

/** Staff and admins show an entry in searches or hide it. */
function ActivationPanel({ entry, onReload }: { entry: DirectoryEntry; onReload: () => void }) {
  const t = useT();
  const [, setActive] = useMutation(SET_DIRECTORY_ENTRY_ACTIVE);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = async (active: boolean) => {
    if (busy) return;
    setBusy(true);
    const result = await setActive({ id: entry.id, version: entry.version, active });
    setBusy(false);
    setConfirming(false);
    setProblem(toProblem(result.error));
    setNotice(result.error ? null : t(active ? 'web-directory-activated' : 'web-directory-deactivated'));
  };

  return (
    <section className="panel" aria-labelledby="entry-activation" data-testid="activation-panel">
      <h2 id="entry-activation">{t('web-directory-visibility')}</h2>
      <p data-testid="entry-visibility">
        {t(entry.active ? 'web-directory-visibility-shown' : 'web-directory-visibility-hidden')}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary problem={problem} />
      <ConflictReload problem={problem} onReload={onReload} />
      <div className="button-row">
        {entry.active ? (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('web-directory-deactivate')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            aria-busy={busy || undefined}
            aria-disabled={busy || undefined}
            onClick={() => void run(true)}
          >
            {t('web-directory-activate')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('web-directory-deactivate-title', { name: entry.name })}
        message={<p>{t('web-directory-deactivate-confirm')}</p>}
        confirmLabel={t('web-directory-deactivate')}
        danger
        busy={busy}
        onConfirm={() => void run(false)}
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}

interface EntryFormProps {
  initial: EntryDraft;
  /** The entry edited, or null for a new one. */
  entry: DirectoryEntry | null;
  viewer: Viewer;
  /** Fetches the entry again after an edit conflict. */
  onReload: (() => void) | null;
}

/** Both languages of every text side by side, the entry's tags, and what its kind has. */
function EntryForm({ initial, entry, viewer, onReload }: EntryFormProps) {
  const t = useT();
  const navigate = useNavigate();
  const staff = isDirectoryStaff(viewer);
  const [, create] = useMutation(CREATE_DIRECTORY_ENTRY);
  const [, update] = useMutation(UPDATE_DIRECTORY_ENTRY);
  const [{ data: termData, fetching, error }] = useQuery<{ taxonomy: TermOption[] }>({
    query: DIRECTORY_TERMS,
  });
  const form = useFormProblem(ENTRY_FIELDS);
  const [draft, setDraft] = useState<EntryDraft>(initial);
  const kind = draft.kind;

  const set = <K extends keyof EntryDraft>(field: K, value: EntryDraft[K]) =>
    setDraft({ ...draft, [field]: value });
  const setText =
    (field: 'nameEn' | 'nameJa' | 'summaryEn' | 'summaryJa' | 'contactEmail' | 'website') =>
    (e: { target: { value: string } }) =>
      set(field, e.target.value);
  const setAdvisor = (change: Partial<EntryDraft['advisor']>) =>
    set('advisor', { ...draft.advisor, ...change });
  const setVc = (change: Partial<EntryDraft['vc']>) => set('vc', { ...draft.vc, ...change });
  const setProgramme = (change: Partial<EntryDraft['programme']>) =>
    set('programme', { ...draft.programme, ...change });

  const terms = termData?.taxonomy ?? [];
  /** Active terms of a kind, and those the entry has that are no longer in use. */
  const termOptions = (termKind: TaxonomyKind, selected: readonly string[]) =>
    terms
      .filter((term) => term.kind === termKind && (term.active || selected.includes(term.code)))
      .map((term) => ({
        value: term.code,
        label: term.active ? term.label : `${term.label} ${t('web-status-inactive-suffix')}`,
      }));

  const submit = async () => {
    const problems = clientValidationProblem(
      draftProblems(draft, {
        required: t('web-validation-required'),
        capacity: t('web-validation-positive-integer'),
        yen: t('web-directory-validation-yen'),
      }),
    );
    form.setProblem(problems);
    if (problems) return;
    const input = entryInput(draft);
    const data = await form.submit(() =>
      entry ? update({ id: entry.id, version: entry.version, input }) : create({ kind, input }),
    );
    if (!data) return;
    const saved = (entry ? data.updateDirectoryEntry : data.createDirectoryEntry) as { id: string };
    const state: EntryNotice = { entryNotice: t(entry ? 'web-directory-saved' : 'web-directory-created') };
    navigate(`/directory/${encodeURIComponent(saved.id)}`, { state });
  };

  if (!termData) {
    return (
      <>
        <ErrorSummary problem={toProblem(error)} />
        {fetching ? <Loading /> : null}
      </>
    );
  }

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      className="form form-wide"
      testId="directory-entry-form"
    >
      {onReload ? <ConflictReload problem={form.problem} onReload={onReload} /> : null}

      <section className="form-section" aria-labelledby="entry-form-texts">
        <h2 id="entry-form-texts">{t('web-directory-form-texts')}</h2>
        <div className="field-pair">
          <TextField
            label={t('web-field-name-en')}
            name="nameEn"
            lang="en"
            required
            value={draft.nameEn}
            onChange={setText('nameEn')}
            errors={form.errorsFor('nameEn')}
          />
          <TextField
            label={t('web-field-name-ja')}
            name="nameJa"
            lang="ja"
            required
            value={draft.nameJa}
            onChange={setText('nameJa')}
            errors={form.errorsFor('nameJa')}
          />
        </div>
        <div className="field-pair">
          <TextAreaField
            label={t('web-directory-form-summary-en')}
            name="summaryEn"
            lang="en"
            required
            rows={8}
            hint={t(SUMMARY_HINTS[kind])}
            value={draft.summaryEn}
            onChange={setText('summaryEn')}
            errors={form.errorsFor('summaryEn')}
          />
          <TextAreaField
            label={t('web-directory-form-summary-ja')}
            name="summaryJa"
            lang="ja"
            required
            rows={8}
            hint={t(SUMMARY_HINTS[kind])}
            value={draft.summaryJa}
            onChange={setText('summaryJa')}
            errors={form.errorsFor('summaryJa')}
          />
        </div>
      </section>

      {kind === 'ADVISOR' ? (
        <section className="form-section" aria-labelledby="entry-form-advisor" data-testid="advisor-section">
          <h2 id="entry-form-advisor">{t('web-directory-form-advisor')}</h2>
          {entry?.advisor?.person || !staff ? (
            <dl className="details details-inline">
              <dt>{t('web-directory-account')}</dt>
              <dd>{entry?.advisor?.person?.displayName ?? viewer.displayName}</dd>
            </dl>
          ) : (
            <AdvisorAccountField
              viewer={viewer}
              value={draft.advisor.userId}
              onChange={(userId) => setAdvisor({ userId })}
              errors={form.errorsFor('advisor.userId')}
            />
          )}
          {entry?.advisor?.person || !staff ? (
            <FieldErrors errors={form.errorsFor('advisor.userId')} />
          ) : null}
          <div className="field-pair">
            <TextField
              label={t('web-directory-form-affiliation-en')}
              name="affiliationEn"
              lang="en"
              value={draft.advisor.affiliationEn}
              onChange={(e) => setAdvisor({ affiliationEn: e.target.value })}
              errors={form.errorsFor('advisor.affiliationEn')}
            />
            <TextField
              label={t('web-directory-form-affiliation-ja')}
              name="affiliationJa"
              lang="ja"
              value={draft.advisor.affiliationJa}
              onChange={(e) => setAdvisor({ affiliationJa: e.target.value })}
              errors={form.errorsFor('advisor.affiliationJa')}
            />
          </div>
          <TextField
            label={t('web-directory-capacity')}
            name="capacity"
            className="input-short"
            inputMode="numeric"
            autoComplete="off"
            required
            hint={t('web-directory-form-capacity-hint')}
            value={draft.advisor.capacity}
            onChange={(e) => setAdvisor({ capacity: e.target.value })}
            errors={form.errorsFor('advisor.capacity')}
          />
          <OrganisationsField
            legend={t('web-directory-conflicts')}
            hint={t('web-directory-form-conflicts-hint')}
            organisations={draft.advisor.conflicts}
            onChange={(conflicts) => setAdvisor({ conflicts })}
            editable={staff}
            errors={form.errorsFor('advisor.conflictOrganisationIds')}
            testId="conflicts-field"
          />
        </section>
      ) : null}

      {kind === 'SUPPORTER' ? (
        <section
          className="form-section"
          aria-labelledby="entry-form-supporter"
          data-testid="supporter-section"
        >
          <h2 id="entry-form-supporter">{t('web-directory-form-supporter')}</h2>
          <OrganisationLine entry={entry} />
          <SelectField
            label={t('web-directory-supporter-type')}
            name="supporterType"
            required
            value={draft.supporter.supporterType}
            onChange={(e) =>
              set('supporter', { ...draft.supporter, supporterType: e.target.value as SupporterType | '' })
            }
            options={[
              { value: '', label: t('web-select-placeholder') },
              ...SUPPORTER_TYPES.map((s) => ({ value: s, label: t(enumMessageId('supporter-type', s)) })),
            ]}
            errors={form.errorsFor('supporter.supporterType')}
          />
          <CheckboxGroup
            legend={t('web-directory-services')}
            selected={draft.services}
            onChange={(codes) => set('services', codes)}
            options={termOptions('SERVICE', draft.services)}
            errors={form.errorsFor('services')}
            testId="tags-services"
          />
        </section>
      ) : null}

      {kind === 'VC' ? (
        <section className="form-section" aria-labelledby="entry-form-vc" data-testid="vc-section">
          <h2 id="entry-form-vc">{t('web-directory-form-vc')}</h2>
          <OrganisationLine entry={entry} />
          <CheckboxField
            label={t('web-directory-form-certified')}
            name="certified"
            hint={staff ? undefined : t('web-directory-form-certified-hint')}
            checked={draft.vc.certified}
            disabled={!staff}
            onChange={(e) => setVc({ certified: e.target.checked })}
            errors={form.errorsFor('vc.certified')}
          />
          <div className="field-pair">
            <TextField
              label={t('web-directory-form-ticket-min')}
              name="ticketMinYen"
              inputMode="numeric"
              autoComplete="off"
              hint={t('web-directory-form-yen-hint')}
              value={draft.vc.ticketMinYen}
              onChange={(e) => setVc({ ticketMinYen: e.target.value })}
              errors={form.errorsFor('vc.ticketMinYen')}
            />
            <TextField
              label={t('web-directory-form-ticket-max')}
              name="ticketMaxYen"
              inputMode="numeric"
              autoComplete="off"
              hint={t('web-directory-form-yen-hint')}
              value={draft.vc.ticketMaxYen}
              onChange={(e) => setVc({ ticketMaxYen: e.target.value })}
              errors={form.errorsFor('vc.ticketMaxYen')}
            />
          </div>
          <OrganisationsField
            legend={t('web-directory-portfolio')}
            organisations={draft.vc.portfolio}
            onChange={(portfolio) => setVc({ portfolio })}
            editable={staff}
            errors={form.errorsFor('vc.portfolioOrganisationIds')}
            testId="portfolio-field"
          />
        </section>
      ) : null}

      {kind === 'PROGRAMME' ? (
        <section
          className="form-section"
          aria-labelledby="entry-form-programme"
          data-testid="programme-section"
        >
          <h2 id="entry-form-programme">{t('web-directory-form-programme')}</h2>
          <SelectField
            label={t('web-directory-form-body')}
            name="body"
            required
            value={draft.programme.body}
            onChange={(e) => setProgramme({ body: e.target.value as ProgrammeBody | '' })}
            options={[
              { value: '', label: t('web-select-placeholder') },
              ...PROGRAMME_BODIES.map((b) => ({ value: b, label: t(enumMessageId('programme-body', b)) })),
            ]}
            errors={form.errorsFor('programme.body')}
          />
          <div className="field-pair">
            <TextField
              label={t('web-directory-form-body-name-en')}
              name="bodyNameEn"
              lang="en"
              required
              value={draft.programme.bodyNameEn}
              onChange={(e) => setProgramme({ bodyNameEn: e.target.value })}
              errors={form.errorsFor('programme.bodyNameEn')}
            />
            <TextField
              label={t('web-directory-form-body-name-ja')}
              name="bodyNameJa"
              lang="ja"
              required
              value={draft.programme.bodyNameJa}
              onChange={(e) => setProgramme({ bodyNameJa: e.target.value })}
              errors={form.errorsFor('programme.bodyNameJa')}
            />
          </div>
          <div className="field-pair">
            <TextAreaField
              label={t('web-directory-form-eligibility-en')}
              name="eligibilityEn"
              lang="en"
              value={draft.programme.eligibilityEn}
              onChange={(e) => setProgramme({ eligibilityEn: e.target.value })}
              errors={form.errorsFor('programme.eligibilityEn')}
            />
            <TextAreaField
              label={t('web-directory-form-eligibility-ja')}
              name="eligibilityJa"
              lang="ja"
              value={draft.programme.eligibilityJa}
              onChange={(e) => setProgramme({ eligibilityJa: e.target.value })}
              errors={form.errorsFor('programme.eligibilityJa')}
            />
          </div>
          <div className="field-pair">
            <TextField
              label={t('web-directory-form-opens-on')}
              name="opensOn"
              type="date"
              hint={t('web-directory-form-opens-on-hint')}
              value={draft.programme.opensOn}
              onChange={(e) => setProgramme({ opensOn: e.target.value })}
              errors={form.errorsFor('programme.opensOn')}
            />
            <TextField
              label={t('web-directory-form-closes-on')}
              name="closesOn"
              type="date"
              hint={t('web-directory-form-closes-on-hint')}
              value={draft.programme.closesOn}
              onChange={(e) => setProgramme({ closesOn: e.target.value })}
              errors={form.errorsFor('programme.closesOn')}
            />
          </div>
        </section>
      ) : null}

      <section className="form-section" aria-labelledby="entry-form-tags">
        <h2 id="entry-form-tags">{t('web-directory-entry-tags')}</h2>
        {COMMON_TAGS.map(({ list, kind: termKind, legend }) => (
          <CheckboxGroup
            key={list}
            legend={t(legend)}
            selected={draft[list]}
            onChange={(codes) => set(list, codes)}
            options={termOptions(termKind, draft[list])}
            errors={form.errorsFor(list)}
            testId={`tags-${list}`}
          />
        ))}
      </section>

      <section className="form-section" aria-labelledby="entry-form-contact">
        <h2 id="entry-form-contact">{t('web-directory-entry-contact')}</h2>
        <CheckboxField
          label={t('web-directory-form-overseas')}
          name="overseas"
          checked={draft.overseas}
          onChange={(e) => set('overseas', e.target.checked)}
          errors={form.errorsFor('overseas')}
        />
        <div className="field-pair">
          <TextField
            label={t('web-directory-contact-email')}
            name="contactEmail"
            type="email"
            autoComplete="off"
            value={draft.contactEmail}
            onChange={setText('contactEmail')}
            errors={form.errorsFor('contactEmail')}
          />
          <TextField
            label={t(kind === 'PROGRAMME' ? 'web-directory-programme-link' : 'web-directory-website')}
            name="website"
            type="url"
            inputMode="url"
            hint={t('web-directory-form-website-hint')}
            value={draft.website}
            onChange={setText('website')}
            errors={form.errorsFor('website')}
          />
        </div>
      </section>

      <div className="button-row">
        <SubmitButton busy={form.busy}>{t(entry ? 'web-action-save' : 'web-directory-create')}</SubmitButton>
        <Link to={entry ? `/directory/${encodeURIComponent(entry.id)}` : '/directory'}>
          {t('web-action-cancel')}
        </Link>
      </div>
    </Form>
  );
}

/** After `EDIT_CONFLICT`, a button that fetches the entry as it now is. */
function ConflictReload({ problem, onReload }: { problem: Problem | null; onReload: () => void }) {
  const t = useT();
  if (problem?.code !== 'EDIT_CONFLICT') return null;
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onReload} data-testid="reload-entry">
        {t('web-directory-reload')}
      </button>
    </div>
  );
}

/** Errors about a value the form shows but does not let the viewer change. */
function FieldErrors({ errors }: { errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return <p className="field-error">{errors.join(' ')}</p>;
}

/** The organisation a supporter's or VC's entry stands for; a new entry registers one. */
function OrganisationLine({ entry }: { entry: DirectoryEntry | null }) {
  const t = useT();
  const organisation = entry?.supporter?.organisation ?? entry?.vc?.organisation ?? null;
  return (
    <dl className="details details-inline">
      <dt>{t('web-field-organisation')}</dt>
      <dd>
        {organisation ? (
          organisation.name
        ) : (
          <span className="muted">{t('web-directory-form-new-organisation')}</span>
        )}
      </dd>
    </dl>
  );
}

/**
 * The advisor account a new profile belongs to: admins choose among every advisor, staff
 * among the advisors of their desks.
 */
function AdvisorAccountField({
  viewer,
  value,
  onChange,
  errors,
}: {
  viewer: Viewer;
  value: string;
  onChange: (userId: string) => void;
  errors: string[] | undefined;
}) {
  const t = useT();
  const admin = viewer.role === 'ADMIN';
  const [deskId, setDeskId] = useState(viewer.desks[0]?.id ?? '');
  const [{ data: accounts }] = useQuery<{
    users: { nodes: { id: string; displayName: string; email: string }[] };
  }>({
    query: ADVISOR_ACCOUNTS,
    pause: !admin,
  });
  const [{ data: members }] = useQuery<{ desk: { id: string; members: DeskMember[] } | null }>({
    query: DESK_MEMBERS,
    variables: { id: deskId },
    pause: admin || deskId === '',
  });
  const advisors = admin
    ? (accounts?.users.nodes ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))
    : (members?.desk?.members ?? [])
        .filter((m) => m.role === 'ADVISOR')
        .map((m) => ({ value: m.id, label: m.displayName }));
  return (
    <>
      {!admin && viewer.desks.length > 1 ? (
        <SelectField
          label={t('web-consultation-desk')}
          name="advisorDesk"
          value={deskId}
          onChange={(e) => {
            setDeskId(e.target.value);
            onChange('');
          }}
          options={viewer.desks.map((desk) => ({ value: desk.id, label: desk.name }))}
        />
      ) : null}
      <SelectField
        label={t('web-directory-account')}
        name="userId"
        required
        hint={t('web-directory-form-account-hint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={[{ value: '', label: t('web-select-placeholder') }, ...advisors]}
        errors={errors}
      />
    </>
  );
}

/**
 * Organisations named on an entry (an advisor's conflicts, a VC's portfolio). Staff and admins
 * find others by name and add them; others see the list as it is.
 */
function OrganisationsField({
  legend,
  hint,
  organisations,
  onChange,
  editable,
  errors,
  testId,
}: {
  legend: string;
  hint?: string;
  organisations: readonly OrganisationRef[];
  onChange: (organisations: OrganisationRef[]) => void;
  editable: boolean;
  errors: string[] | undefined;
  testId: string;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, fetching, error }] = useQuery<{
    organisations: { totalCount: number; nodes: Organisation[] };
  }>({
    query: ORGANISATIONS,
    variables: { first: 10, filter: { query } },
    pause: !editable || query === '',
  });
  const found = (data?.organisations.nodes ?? []).filter(
    (o) => !organisations.some((chosen) => chosen.id === o.id),
  );
  const find = () => setQuery(text.trim());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches here instead of sending the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  };

  return (
    <fieldset className={errors?.length ? 'fieldset field-invalid' : 'fieldset'} data-testid={testId}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {editable ? null : <p className="field-hint">{t('web-directory-form-organisations-readonly')}</p>}
      <FieldErrors errors={errors} />
      {organisations.length ? (
        <ul className="organisation-list">
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <span>{organisation.name}</span>
              {editable ? (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('web-directory-form-remove-named', { name: organisation.name })}
                  onClick={() => onChange(organisations.filter((o) => o.id !== organisation.id))}
                >
                  {t('web-directory-form-remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('web-consultation-none')}</p>
      )}
      {editable ? (
        <div className="organisation-finder">
          <div className="form-inline">
            <TextField
              label={t('web-directory-form-find-organisation')}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <div className="button-row">
              <button type="button" className="button" onClick={find}>
                {t('web-directory-search-submit')}
              </button>
            </div>
          </div>
          <ErrorSummary problem={toProblem(error)} />
          {fetching ? <Loading /> : null}
          {query && data ? (
            found.length ? (
              <ul className="organisation-list" aria-label={t('web-directory-form-found')}>
                {found.map((organisation) => (
                  <li key={organisation.id}>
                    <span>
                      {organisation.name} <span className="muted">{organisation.kindLabel}</span>
                    </span>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('web-directory-form-add-named', { name: organisation.name })}
                      onClick={() =>
                        onChange([...organisations, { id: organisation.id, name: organisation.name }])
                      }
                    >
                      {t('web-directory-form-add')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted" role="status">
                {t('web-directory-form-none-found')}
              </p>
            )
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CheckboxGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, hasErrorCode, toProblem } from '../../graphql/errors';
import { PUBLIC_DESKS } from '../../graphql/operations';
import type { DeskRef } from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { useViewer } from '../../session/ViewerProvider';
import { japanDate } from '../introductions/introductionForms';
import {
  PROGRAMME_FIELDS,
  draftFromProgramme,
  emptyCriterion,
  emptyProgrammeDraft,
  itemErrors,
  moveItem,
  programmeInput,
  programmeProblems,
  type CriterionDraft,
  type ProgrammeDraft,
} from './grantForms';
import { CREATE_GRANT_PROGRAMME, GRANT_PROGRAMME, UPDATE_GRANT_PROGRAMME } from './grantOperations';
import { GRANTS_CONTEXT, GrantConflictReload } from './GrantParts';
import { GRANT_THEMES, type GrantProgramme, type GrantTheme } from './grantTypes';

/** Where the programme page shows what was just done. */
export interface GrantNotice {
  grantNotice: string;
}

/** Staff set up a programme of one of their desks; admins of any desk. */
export function NewGrantProgrammePage() {
  const t = useT();
  const viewer = useViewer();
  const admin = viewer?.role === 'ADMIN';
  const [{ data, fetching, error }] = useQuery<{ desks: DeskRef[] }>({ query: PUBLIC_DESKS, pause: !admin });
  if (!viewer) return null;
  const desks = admin ? data?.desks : viewer.desks;
  return (
    <Page title={t('web-grant-programme-new-title')} lead={<p>{t('web-grant-programme-form-lead')}</p>}>
      <ErrorSummary problem={toProblem(error)} />
      {!desks ? (
        fetching ? (
          <Loading />
        ) : null
      ) : desks.length === 0 ? (
        <p data-testid="grant-no-desk">{t('web-grant-programme-no-desk')}</p>
      ) : (
        <ProgrammeForm
          initial={emptyProgrammeDraft(desks[0]?.id ?? '', japanDate(new Date()))}
          desks={desks}
          programme={null}
          onReload={null}
        />
      )}
    </Page>
  );
}

/** Changing a programme: not its desk, and not its criteria once reviews were submitted. */
export function EditGrantProgrammePage() {
  const t = useT();
  const viewer = useViewer();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery<{ grantProgramme: GrantProgramme }>({
    query: GRANT_PROGRAMME,
    variables: { id },
    context: GRANTS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const programme = data?.grantProgramme ?? null;
  // After an edit conflict the form starts again from the programme as it now is.
  const [replacing, setReplacing] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setReplacing(programme?.version ?? null);
    reexecute({ requestPolicy: 'network-only' });
  }, [programme?.version, reexecute]);
  if (programme && replacing !== null && programme.version !== replacing) {
    setReplacing(null);
    setGeneration(generation + 1);
  }

  if (!viewer) return null;
  if (!programme) return <ProgrammeMissing fetching={fetching} error={error} />;
  if (!programme.canManage) {
    return (
      <Page title={t('web-forbidden-title')}>
        <p>{t('web-forbidden-body')}</p>
      </Page>
    );
  }
  return (
    <Page
      title={t('web-grant-programme-edit-title', { name: programme.name })}
      lead={<p>{t('web-grant-programme-form-lead')}</p>}
      actions={
        <Link className="button" to={`/grants/programmes/${encodeURIComponent(programme.id)}`}>
          {t('web-grant-programme-view')}
        </Link>
      }
    >
      {replacing !== null ? <Loading /> : null}
      <ProgrammeForm
        key={`${programme.id}-${generation}`}
        initial={draftFromProgramme(programme)}
        desks={[]}
        programme={programme}
        onReload={reload}
      />
    </Page>
  );
}

/** A programme that could not be loaded: not there, not visible, or an error. */
export function ProgrammeMissing({
  fetching,
  error,
}: {
  fetching: boolean;
  error?: Parameters<typeof toProblem>[0];
}) {
  const t = useT();
  if (fetching) {
    return (
      <Page title={t('web-grant-programme-loading-title')}>
        <Loading />
      </Page>
    );
  }
  return (
    <Page title={t('web-grant-programme-not-found-title')}>
      {hasErrorCode(error, 'NOT_FOUND') || !error ? (
        <p>{t('web-grant-programme-not-found-body')}</p>
      ) : (
        <ErrorSummary problem={toProblem(error)} />
      )}
    </Page>
  );
}

interface ProgrammeFormProps {
  initial: ProgrammeDraft;
  /** The desks a new programme may belong to; none when editing, as its desk cannot change. */
  desks: readonly DeskRef[];
  /** The programme edited, or null for a new one. */
  programme: GrantProgramme | null;
  onReload: (() => void) | null;
}

/**
 * Names and descriptions in both languages side by side, the themes funded, the money
 * (budget, ceiling per award, optional VC-match ratio), the application window and the
 * review criteria with their weights.
 */
function ProgrammeForm({ initial, desks, programme, onReload }: ProgrammeFormProps) {
  const t = useT();
  const navigate = useNavigate();
  const [, create] = useMutation(CREATE_GRANT_PROGRAMME);
  const [, update] = useMutation(UPDATE_GRANT_PROGRAMME);
  const form = useFormProblem(PROGRAMME_FIELDS);
  const [draft, setDraft] = useState<ProgrammeDraft>(initial);
  const set = (change: Partial<ProgrammeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const text =
    (field: 'fiscalYear' | 'nameEn' | 'nameJa' | 'descriptionEn' | 'descriptionJa' | 'budgetYen') =>
    (e: { target: { value: string } }) =>
      set({ [field]: e.target.value });
  const setCriteria = (criteria: CriterionDraft[]) => set({ criteria });
  const fields = form.problem?.fields;

  const submit = async () => {
    const problems = clientValidationProblem(
      programmeProblems(draft, {
        required: t('web-validation-required'),
        yen: t('web-grant-validation-yen'),
        fiscalYear: t('web-grant-validation-fiscal-year'),
        ratio: t('web-grant-validation-ratio'),
        weight: t('web-grant-validation-weight'),
        criteria: t('web-grant-validation-criteria'),
      }),
    );
    form.setProblem(problems);
    if (problems) return;
    const input = programmeInput(draft);
    const data = await form.submit(() =>
      programme ? update({ id: programme.id, version: programme.version, input }) : create({ input }),
    );
    if (!data) return;
    const saved = (programme ? data.updateGrantProgramme : data.createGrantProgramme) as { id: string };
    const state: GrantNotice = {
      grantNotice: t(programme ? 'web-grant-programme-saved' : 'web-grant-programme-created'),
    };
    navigate(`/grants/programmes/${encodeURIComponent(saved.id)}`, { state });
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      className="form form-wide"
      testId="grant-programme-form"
    >
      {onReload ? <GrantConflictReload problem={form.problem} onReload={onReload} /> : null}

      <section className="form-section" aria-labelledby="programme-form-outline">
        <h2 id="programme-form-outline">{t('web-grant-programme-form-outline')}</h2>
        {programme === null && desks.length > 1 ? (
          <SelectField
            label={t('web-grant-desk')}
            name="deskId"
            required
            value={draft.deskId}
            onChange={(e) => set({ deskId: e.target.value })}
            options={desks.map((desk) => ({ value: desk.id, label: desk.name }))}
            errors={form.errorsFor('deskId')}
          />
        ) : (
          <dl className="details">
            <dt>{t('web-grant-desk')}</dt>
            <dd data-testid="programme-desk">{programme ? programme.deskName : desks[0]?.name}</dd>
          </dl>
        )}
        <TextField
          label={t('web-grant-fiscal-year')}
          name="fiscalYear"
          inputMode="numeric"
          className="input-short"
          required
          hint={t('web-grant-fiscal-year-hint')}
          value={draft.fiscalYear}
          onChange={text('fiscalYear')}
          errors={form.errorsFor('fiscalYear')}
        />
        <div className="field-pair">
          <TextField
            label={t('web-field-name-en')}
            name="nameEn"
            lang="en"
            required
            value={draft.nameEn}
            onChange={text('nameEn')}
            errors={form.errorsFor('nameEn')}
          />
          <TextField
            label={t('web-field-name-ja')}
            name="nameJa"
            lang="ja"
            required
            value={draft.nameJa}
            onChange={text('nameJa')}
            errors={form.errorsFor('nameJa')}
          />
        </div>
        <div className="field-pair">
          <TextAreaField
            label={t('web-field-description-en')}
            name="descriptionEn"
            lang="en"
            rows={6}
            value={draft.descriptionEn}
            onChange={text('descriptionEn')}
            errors={form.errorsFor('descriptionEn')}
          />
          <TextAreaField
            label={t('web-field-description-ja')}
            name="descriptionJa"
            lang="ja"
            rows={6}
            value={draft.descriptionJa}
            onChange={text('descriptionJa')}
            errors={form.errorsFor('descriptionJa')}
          />
        </div>
        <CheckboxGroup
          legend={t('web-grant-themes')}
          hint={t('web-grant-themes-hint')}
          required
          selected={draft.themes}
          onChange={(values) => set({ themes: GRANT_THEMES.filter((theme) => values.includes(theme)) })}
          options={GRANT_THEMES.map((theme: GrantTheme) => ({
            value: theme,
            label: t(enumMessageId('grant-theme', theme)),
          }))}
          errors={form.errorsFor('themes')}
          stacked
          testId="programme-themes"
        />
      </section>

      <section className="form-section" aria-labelledby="programme-form-money">
        <h2 id="programme-form-money">{t('web-grant-programme-form-money')}</h2>
        <div className="field-pair">
          <TextField
            label={t('web-grant-budget-total')}
            name="budgetYen"
            inputMode="numeric"
            required
            hint={t('web-grant-yen-hint')}
            value={draft.budgetYen}
            onChange={text('budgetYen')}
            errors={form.errorsFor('budgetYen')}
          />
          <TextField
            label={t('web-grant-ceiling')}
            name="awardCeilingYen"
            inputMode="numeric"
            required
            hint={t('web-grant-ceiling-hint')}
            value={draft.awardCeilingYen}
            onChange={(e) => set({ awardCeilingYen: e.target.value })}
            errors={form.errorsFor('awardCeilingYen')}
          />
        </div>
        <TextField
          label={t('web-grant-match-ratio')}
          name="matchRatio"
          inputMode="decimal"
          className="input-short"
          hint={t('web-grant-match-ratio-hint')}
          value={draft.matchRatio}
          onChange={(e) => set({ matchRatio: e.target.value })}
          errors={form.errorsFor('matchRatio')}
        />
      </section>

      <section className="form-section" aria-labelledby="programme-form-window">
        <h2 id="programme-form-window">{t('web-grant-window')}</h2>
        <p className="field-hint">{t('web-grant-window-hint')}</p>
        <div className="field-pair">
          <TextField
            label={t('web-grant-opens-on')}
            name="opensOn"
            type="date"
            required
            value={draft.opensOn}
            onChange={(e) => set({ opensOn: e.target.value })}
            errors={form.errorsFor('opensOn')}
          />
          <TextField
            label={t('web-grant-closes-on')}
            name="closesOn"
            type="date"
            required
            value={draft.closesOn}
            onChange={(e) => set({ closesOn: e.target.value })}
            errors={form.errorsFor('closesOn')}
          />
        </div>
      </section>

      <section
        className="form-section"
        aria-labelledby="programme-form-criteria"
        data-testid="programme-criteria"
      >
        <h2 id="programme-form-criteria">{t('web-grant-criteria')}</h2>
        <p className="field-hint">{t('web-grant-criteria-hint')}</p>
        {form.errorsFor('criteria') ? (
          <p className="field-error">{form.errorsFor('criteria')?.join(' ')}</p>
        ) : null}
        <ol className="grant-rows">
          {draft.criteria.map((criterion, i) => (
            <li key={criterion.key} className="grant-row" data-testid="criterion-row">
              <fieldset className="fieldset">
                <legend>{t('web-grant-criterion-number', { count: i + 1 })}</legend>
                <div className="field-pair">
                  <TextField
                    label={t('web-field-name-en')}
                    lang="en"
                    required
                    value={criterion.nameEn}
                    onChange={(e) =>
                      setCriteria(
                        draft.criteria.map((c) =>
                          c.key === criterion.key ? { ...c, nameEn: e.target.value } : c,
                        ),
                      )
                    }
                    errors={itemErrors(fields, 'criteria', i, 'nameEn')}
                  />
                  <TextField
                    label={t('web-field-name-ja')}
                    lang="ja"
                    required
                    value={criterion.nameJa}
                    onChange={(e) =>
                      setCriteria(
                        draft.criteria.map((c) =>
                          c.key === criterion.key ? { ...c, nameJa: e.target.value } : c,
                        ),
                      )
                    }
                    errors={itemErrors(fields, 'criteria', i, 'nameJa')}
                  />
                </div>
                <TextField
                  label={t('web-grant-criterion-weight')}
                  inputMode="numeric"
                  className="input-short"
                  required
                  hint={t('web-grant-criterion-weight-hint')}
                  value={criterion.weight}
                  onChange={(e) =>
                    setCriteria(
                      draft.criteria.map((c) =>
                        c.key === criterion.key ? { ...c, weight: e.target.value } : c,
                      ),
                    )
                  }
                  errors={itemErrors(fields, 'criteria', i, 'weight')}
                />
                <RowButtons
                  index={i}
                  count={draft.criteria.length}
                  label={t('web-grant-criterion-number', { count: i + 1 })}
                  onMove={(by) => setCriteria(moveItem(draft.criteria, i, by))}
                  onRemove={() => setCriteria(draft.criteria.filter((c) => c.key !== criterion.key))}
                />
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setCriteria([...draft.criteria, emptyCriterion()])}
            data-testid="add-criterion"
          >
            {t('web-grant-criterion-add')}
          </button>
        </div>
      </section>

      <div className="button-row">
        <SubmitButton busy={form.busy}>
          {t(programme ? 'web-action-save' : 'web-grant-programme-create')}
        </SubmitButton>
        <Link
          className="button"
          to={programme ? `/grants/programmes/${encodeURIComponent(programme.id)}` : '/grants'}
        >
          {t('web-action-cancel')}
        </Link>
      </div>
    </Form>
  );
}

/** Moving an item of an ordered list up or down, and removing it. */
export function RowButtons({
  index,
  count,
  label,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  /** Names the item, for screen readers. */
  label: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-small"
        aria-disabled={index === 0 || undefined}
        aria-label={t('web-grant-row-up', { label })}
        onClick={() => {
          if (index > 0) onMove(-1);
        }}
      >
        {t('web-grant-row-up-short')}
      </button>
      <button
        type="button"
        className="button button-small"
        aria-disabled={index === count - 1 || undefined}
        aria-label={t('web-grant-row-down', { label })}
        onClick={() => {
          if (index < count - 1) onMove(1);
        }}
      >
        {t('web-grant-row-down-short')}
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={t('web-grant-row-remove', { label })}
        onClick={onRemove}
      >
        {t('web-grant-row-remove-short')}
      </button>
    </div>
  );
}

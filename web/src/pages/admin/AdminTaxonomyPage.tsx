import { useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/Dialog';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  requiredFields,
  useFormProblem,
  type FieldErrorList,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, toProblem } from '../../graphql/errors';
import {
  CREATE_TAXONOMY_TERM,
  DESK_OPTIONS,
  SET_DOMAIN_ROUTE,
  TAXONOMY,
  UPDATE_TAXONOMY_TERM,
} from '../../graphql/operations';
import { TAXONOMY_KINDS, type DeskRef, type TaxonomyKind, type TaxonomyTerm } from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { formatList, parseList } from '../../i18n/lists';

const TAXONOMY_CONTEXT = { additionalTypenames: ['TaxonomyTerm'] };

function kindFromParam(value: string | null): TaxonomyKind {
  const upper = (value ?? '').toUpperCase();
  return (TAXONOMY_KINDS as readonly string[]).includes(upper) ? (upper as TaxonomyKind) : 'DOMAIN';
}

export function AdminTaxonomyPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const kind = kindFromParam(params.get('kind'));
  const tabs = useRef<Partial<Record<TaxonomyKind, HTMLButtonElement | null>>>({});

  const select = (next: TaxonomyKind, focus: boolean) => {
    setParams({ kind: next.toLowerCase() }, { replace: true });
    if (focus) tabs.current[next]?.focus();
  };

  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TAXONOMY_KINDS.indexOf(kind);
    const last = TAXONOMY_KINDS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const next = TAXONOMY_KINDS[target];
    if (next) select(next, true);
  };

  return (
    <Page title={t('web-admin-taxonomy-title')} lead={<p>{t('web-admin-taxonomy-lead')}</p>}>
      <div
        role="tablist"
        aria-label={t('web-admin-taxonomy-tabs-label')}
        className="tabs"
        onKeyDown={onKeyDown}
      >
        {TAXONOMY_KINDS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`taxonomy-tab-${k}`}
            aria-selected={k === kind}
            aria-controls={`taxonomy-panel-${k}`}
            tabIndex={k === kind ? 0 : -1}
            className="tab"
            onClick={() => select(k, false)}
          >
            {t(enumMessageId('taxonomy-kind', k))}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`taxonomy-panel-${kind}`}
        aria-labelledby={`taxonomy-tab-${kind}`}
        tabIndex={0}
        className="tabpanel"
      >
        <TaxonomyPanel key={kind} kind={kind} />
      </div>
    </Page>
  );
}

function TaxonomyPanel({ kind }: { kind: TaxonomyKind }) {
  const t = useT();
  const [{ data, fetching, error }] = useQuery<{ taxonomy: TaxonomyTerm[] }>({
    query: TAXONOMY,
    variables: { kind },
    context: TAXONOMY_CONTEXT,
  });
  const [editing, setEditing] = useState<TaxonomyTerm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kindLabel = t(enumMessageId('taxonomy-kind', kind));
  const terms = data?.taxonomy.filter((term) => term.kind === kind) ?? [];

  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary problem={toProblem(error)} />
      {!data && fetching ? <Loading /> : null}
      {data ? (
        terms.length === 0 ? (
          <p>{t('web-taxonomy-empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid={`taxonomy-table-${kind.toLowerCase()}`}>
              <caption className="visually-hidden">{kindLabel}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('web-field-position')}</th>
                  <th scope="col">{t('web-field-code')}</th>
                  <th scope="col">{t('web-field-label-en')}</th>
                  <th scope="col">{t('web-field-label-ja')}</th>
                  <th scope="col">{t('web-field-synonyms')}</th>
                  {kind === 'DOMAIN' ? (
                    <th scope="col" className="th-wrap">
                      {t('web-taxonomy-routing-desk')}
                    </th>
                  ) : null}
                  <th scope="col">{t('web-users-col-status')}</th>
                  <th scope="col">{t('web-table-actions')}</th>
                </tr>
              </thead>
              <tbody>
                {terms.map((term) => (
                  <tr key={term.id} className={term.active ? undefined : 'row-inactive'}>
                    <td className="numeric">{term.position}</td>
                    <td>
                      <code>{term.code}</code>
                    </td>
                    <td lang="en">{term.labelEn}</td>
                    <td lang="ja">{term.labelJa}</td>
                    <td className="muted" data-testid="synonyms">
                      {formatList(term.synonyms)}
                    </td>
                    {kind === 'DOMAIN' ? (
                      <td data-testid="routing-desk">
                        {term.routingDesk ? (
                          term.routingDesk.name
                        ) : (
                          <span className="badge badge-warn">{t('web-taxonomy-not-routed')}</span>
                        )}
                      </td>
                    ) : null}
                    <td>
                      <span className={term.active ? 'badge badge-ok' : 'badge badge-muted'}>
                        {t(term.active ? 'web-status-active' : 'web-status-inactive')}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('web-taxonomy-edit-named', { label: term.label })}
                        onClick={() => setEditing(term)}
                      >
                        {t('web-action-edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}

      <section className="panel" aria-labelledby={`taxonomy-add-${kind}`}>
        <h2 id={`taxonomy-add-${kind}`}>{t('web-taxonomy-add-heading', { kind: kindLabel })}</h2>
        <CreateTermForm
          kind={kind}
          onDone={(term) => setNotice(t('web-taxonomy-added', { label: term.label }))}
        />
      </section>

      <Dialog
        open={editing !== null}
        title={t('web-taxonomy-edit-title', { code: editing?.code ?? '' })}
        onClose={() => setEditing(null)}
        testId="edit-term-dialog"
      >
        {editing ? (
          <EditTermForm
            term={editing}
            onDone={() => {
              setEditing(null);
              setNotice(t('web-notice-saved'));
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </>
  );
}

interface TermValues {
  labelEn: string;
  labelJa: string;
  position: string;
  /** As typed: separated by commas or line breaks. */
  synonyms: string;
}

const EMPTY_TERM: TermValues = { labelEn: '', labelJa: '', position: '', synonyms: '' };

function validateTerm(values: TermValues & { code?: string }, t: (id: string) => string): FieldErrorList {
  const required: Record<string, string> = { labelEn: values.labelEn, labelJa: values.labelJa };
  if (values.code !== undefined) required.code = values.code;
  const fields = requiredFields(required, t('web-validation-required'));
  if (values.position.trim() !== '') {
    const n = Number(values.position);
    if (!Number.isInteger(n) || n < 0) {
      fields.push({ field: 'position', code: 'NOT_AN_INTEGER', message: t('web-validation-position') });
    }
  }
  return fields;
}

function CreateTermForm({ kind, onDone }: { kind: TaxonomyKind; onDone: (term: TaxonomyTerm) => void }) {
  const t = useT();
  const [, createTerm] = useMutation(CREATE_TAXONOMY_TERM);
  const form = useFormProblem(['code', 'labelEn', 'labelJa', 'position', 'synonyms']);
  const [code, setCode] = useState('');
  const [values, setValues] = useState<TermValues>(EMPTY_TERM);

  const submit = async () => {
    const missing = clientValidationProblem(validateTerm({ ...values, code }, t));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      createTerm({
        input: {
          kind,
          code: code.trim(),
          labelEn: values.labelEn.trim(),
          labelJa: values.labelJa.trim(),
          position: values.position.trim() === '' ? undefined : Number(values.position),
          synonyms: parseList(values.synonyms),
        },
      }),
    );
    if (!data) return;
    setCode('');
    setValues(EMPTY_TERM);
    onDone(data.createTaxonomyTerm as TaxonomyTerm);
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="create-term-form"
    >
      <div className="field-pair">
        <TextField
          label={t('web-field-code')}
          name="code"
          required
          autoComplete="off"
          spellCheck={false}
          hint={t('web-field-code-hint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          errors={form.errorsFor('code')}
        />
        <TextField
          label={t('web-field-position')}
          name="position"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          hint={t('web-field-position-hint')}
          value={values.position}
          onChange={(e) => setValues({ ...values, position: e.target.value })}
          errors={form.errorsFor('position')}
        />
      </div>
      <div className="field-pair">
        <TextField
          label={t('web-field-label-en')}
          name="labelEn"
          lang="en"
          required
          value={values.labelEn}
          onChange={(e) => setValues({ ...values, labelEn: e.target.value })}
          errors={form.errorsFor('labelEn')}
        />
        <TextField
          label={t('web-field-label-ja')}
          name="labelJa"
          lang="ja"
          required
          value={values.labelJa}
          onChange={(e) => setValues({ ...values, labelJa: e.target.value })}
          errors={form.errorsFor('labelJa')}
        />
      </div>
      <SynonymsField
        value={values.synonyms}
        onChange={(synonyms) => setValues({ ...values, synonyms })}
        errors={form.errorsFor('synonyms')}
      />
      <div className="button-row">
        <SubmitButton busy={form.busy}>{t('web-taxonomy-add-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

function EditTermForm({
  term,
  onDone,
  onCancel,
}: {
  term: TaxonomyTerm;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [, updateTerm] = useMutation(UPDATE_TAXONOMY_TERM);
  const [, setDomainRoute] = useMutation(SET_DOMAIN_ROUTE);
  const isDomain = term.kind === 'DOMAIN';
  const [{ data: deskData }] = useQuery<{ desks: (DeskRef & { active: boolean })[] }>({
    query: DESK_OPTIONS,
    pause: !isDomain,
  });
  const form = useFormProblem(['labelEn', 'labelJa', 'position', 'synonyms', 'active', 'deskId']);
  const [deskId, setDeskId] = useState(term.routingDesk?.id ?? '');
  // Desks that accept consultations, and the current one whatever its state.
  const desks = (deskData?.desks ?? []).filter((desk) => desk.active || desk.id === term.routingDesk?.id);
  const [values, setValues] = useState<TermValues>({
    labelEn: term.labelEn,
    labelJa: term.labelJa,
    position: String(term.position),
    synonyms: formatList(term.synonyms),
  });
  const [active, setActive] = useState(term.active);

  const submit = async () => {
    const missing = clientValidationProblem(validateTerm(values, t));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      updateTerm({
        input: {
          id: term.id,
          labelEn: values.labelEn.trim(),
          labelJa: values.labelJa.trim(),
          position: values.position.trim() === '' ? undefined : Number(values.position),
          active,
          synonyms: parseList(values.synonyms),
        },
      }),
    );
    if (!data) return;
    if (isDomain && deskId && deskId !== term.routingDesk?.id) {
      const routed = await form.submit(() => setDomainRoute({ input: { domainId: term.id, deskId } }));
      if (!routed) return;
    }
    onDone();
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="edit-term-form"
    >
      <TextField
        label={t('web-field-label-en')}
        name="labelEn"
        lang="en"
        required
        value={values.labelEn}
        onChange={(e) => setValues({ ...values, labelEn: e.target.value })}
        errors={form.errorsFor('labelEn')}
        data-autofocus
      />
      <TextField
        label={t('web-field-label-ja')}
        name="labelJa"
        lang="ja"
        required
        value={values.labelJa}
        onChange={(e) => setValues({ ...values, labelJa: e.target.value })}
        errors={form.errorsFor('labelJa')}
      />
      <TextField
        label={t('web-field-position')}
        name="position"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={values.position}
        onChange={(e) => setValues({ ...values, position: e.target.value })}
        errors={form.errorsFor('position')}
      />
      <SynonymsField
        value={values.synonyms}
        onChange={(synonyms) => setValues({ ...values, synonyms })}
        errors={form.errorsFor('synonyms')}
      />
      <CheckboxField
        label={t('web-field-term-active')}
        name="active"
        hint={t('web-field-term-active-hint')}
        checked={active}
        onChange={(e) => setActive(e.target.checked)}
        errors={form.errorsFor('active')}
      />
      {isDomain ? (
        <SelectField
          label={t('web-taxonomy-routing-desk')}
          name="deskId"
          hint={t('web-taxonomy-routing-desk-hint')}
          value={deskId}
          onChange={(e) => setDeskId(e.target.value)}
          options={[
            ...(term.routingDesk ? [] : [{ value: '', label: t('web-select-placeholder') }]),
            ...desks.map((desk) => ({ value: desk.id, label: desk.name })),
          ]}
          errors={form.errorsFor('deskId')}
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

/** Synonyms as text, separated by commas (, or 、) or line breaks; `parseList` reads them. */
function SynonymsField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
}) {
  const t = useT();
  return (
    <TextAreaField
      label={t('web-field-synonyms')}
      name="synonyms"
      rows={2}
      autoComplete="off"
      hint={t('web-field-synonyms-hint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      errors={errors}
    />
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  SubmitButton,
  TextAreaField,
  TextField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, toProblem } from '../../graphql/errors';
import { ADMIN_DESKS, UPDATE_DESK } from '../../graphql/operations';
import type { Desk } from '../../graphql/types';
import { useT } from '../../i18n/LocaleProvider';

export function AdminDesksPage() {
  const t = useT();
  const [{ data, fetching, error }] = useQuery<{ desks: Desk[] }>({ query: ADMIN_DESKS });
  return (
    <Page title={t('web-admin-desks-title')} lead={<p>{t('web-admin-desks-lead')}</p>}>
      <ErrorSummary problem={toProblem(error)} />
      {!data && fetching ? <Loading /> : null}
      {data?.desks.map((desk) => (
        <DeskForm key={desk.id} desk={desk} />
      ))}
    </Page>
  );
}

const DESK_FIELDS = [
  'nameEn',
  'nameJa',
  'descriptionEn',
  'descriptionJa',
  'firstResponseBusinessDays',
  'contactEmail',
  'active',
];

function DeskForm({ desk }: { desk: Desk }) {
  const t = useT();
  const [, updateDesk] = useMutation(UPDATE_DESK);
  const form = useFormProblem(DESK_FIELDS);
  const [values, setValues] = useState({
    nameEn: desk.nameEn,
    nameJa: desk.nameJa,
    descriptionEn: desk.descriptionEn,
    descriptionJa: desk.descriptionJa,
    firstResponseBusinessDays: String(desk.firstResponseBusinessDays),
    contactEmail: desk.contactEmail,
  });
  const [active, setActive] = useState(desk.active);
  const [saved, setSaved] = useState(false);
  const headingId = `desk-${desk.id}-heading`;

  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [field]: e.target.value });

  const submit = async () => {
    setSaved(false);
    const fields = requiredFields(
      {
        nameEn: values.nameEn,
        nameJa: values.nameJa,
        firstResponseBusinessDays: values.firstResponseBusinessDays,
        contactEmail: values.contactEmail,
      },
      t('web-validation-required'),
    );
    const days = Number(values.firstResponseBusinessDays);
    if (values.firstResponseBusinessDays.trim() !== '' && (!Number.isInteger(days) || days < 1)) {
      fields.push({
        field: 'firstResponseBusinessDays',
        code: 'NOT_A_POSITIVE_INTEGER',
        message: t('web-validation-positive-integer'),
      });
    }
    const missing = clientValidationProblem(fields);
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      updateDesk({
        input: {
          id: desk.id,
          nameEn: values.nameEn.trim(),
          nameJa: values.nameJa.trim(),
          descriptionEn: values.descriptionEn,
          descriptionJa: values.descriptionJa,
          firstResponseBusinessDays: days,
          contactEmail: values.contactEmail.trim(),
          active,
        },
      }),
    );
    if (!data) return;
    setSaved(true);
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid={`desk-${desk.code}`}>
      <div className="panel-header">
        <h2 id={headingId}>{desk.name}</h2>
        <Link to={`/desks/${encodeURIComponent(desk.id)}`}>{t('web-admin-desks-open')}</Link>
      </div>
      <dl className="details details-inline">
        <dt>{t('web-desk-code')}</dt>
        <dd>{desk.code}</dd>
        <dt>{t('web-desk-reference-prefix')}</dt>
        <dd>{desk.referencePrefix}</dd>
      </dl>
      {saved ? <Notice>{t('web-notice-saved')}</Notice> : null}
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        labelledBy={headingId}
      >
        <div className="field-pair">
          <TextField
            label={t('web-field-name-en')}
            name="nameEn"
            lang="en"
            required
            value={values.nameEn}
            onChange={set('nameEn')}
            errors={form.errorsFor('nameEn')}
          />
          <TextField
            label={t('web-field-name-ja')}
            name="nameJa"
            lang="ja"
            required
            value={values.nameJa}
            onChange={set('nameJa')}
            errors={form.errorsFor('nameJa')}
          />
        </div>
        <div className="field-pair">
          <TextAreaField
            label={t('web-field-description-en')}
            name="descriptionEn"
            lang="en"
            value={values.descriptionEn}
            onChange={set('descriptionEn')}
            errors={form.errorsFor('descriptionEn')}
          />
          <TextAreaField
            label={t('web-field-description-ja')}
            name="descriptionJa"
            lang="ja"
            value={values.descriptionJa}
            onChange={set('descriptionJa')}
            errors={form.errorsFor('descriptionJa')}
          />
        </div>
        <div className="field-pair">
          <TextField
            label={t('web-field-first-response-days')}
            name="firstResponseBusinessDays"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            hint={t('web-field-first-response-days-hint')}
            value={values.firstResponseBusinessDays}
            onChange={set('firstResponseBusinessDays')}
            errors={form.errorsFor('firstResponseBusinessDays')}
          />
          <TextField
            label={t('web-field-contact-email')}
            name="contactEmail"
            type="email"
            required
            value={values.contactEmail}
            onChange={set('contactEmail')}
            errors={form.errorsFor('contactEmail')}
          />
        </div>
        <CheckboxField
          label={t('web-field-desk-active')}
          name="active"
          hint={t('web-field-desk-active-hint')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          errors={form.errorsFor('active')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t('web-admin-desks-save', { desk: desk.name })}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { clientValidationProblem, toProblem } from '../../graphql/errors';
import { FILE_CONSULTATION, TAXONOMY_CHOICES } from '../../graphql/operations';
import {
  CONFIDENTIALITIES,
  CONSULTATION_KINDS,
  SHARED_FIELDS,
  type Confidentiality,
  type ConsultationKind,
  type DeskRef,
  type SharedField,
  type TaxonomyKind,
} from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { parseList } from '../../i18n/lists';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { LOCALES, parseLocale, toGraphqlLocale, type AppLocale } from '../../i18n/locale';
import { useViewer } from '../../session/ViewerProvider';

/** A term offered in a form: active ones only, and each domain's desk. */
export interface TermChoice {
  id: string;
  kind: TaxonomyKind;
  label: string;
  active: boolean;
  routingDesk: DeskRef | null;
}

/** Where the consultation page shows the notice about a consultation just filed. */
export interface FiledNotice {
  filed: string;
}

const FILE_FIELDS = [
  'kind',
  'title',
  'description',
  'domainId',
  'stageId',
  'topicIds',
  'preferredLocale',
  'overseas',
  'confidentiality',
  'sharedFields',
  'corporateNumber',
  'competitors',
];

const KIND_HINTS: Record<ConsultationKind, string> = {
  CONSULTATION: 'web-intake-kind-consultation-hint',
  POLICY_REQUEST: 'web-intake-kind-policy-request-hint',
};

export function NewConsultationPage() {
  const t = useT();
  const { locale, languageName } = useLocale();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [, fileConsultation] = useMutation(FILE_CONSULTATION);
  const [{ data, fetching, error }] = useQuery<{ taxonomy: TermChoice[] }>({
    query: TAXONOMY_CHOICES,
    variables: { includeInactive: false },
  });
  const form = useFormProblem(FILE_FIELDS);

  const [kind, setKind] = useState<ConsultationKind>('CONSULTATION');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [domainId, setDomainId] = useState('');
  const [stageId, setStageId] = useState('');
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [answerLocale, setAnswerLocale] = useState<AppLocale>(locale);
  const [overseas, setOverseas] = useState(
    viewer?.organisation ? viewer.organisation.countryCode !== 'JP' : false,
  );
  const [confidentiality, setConfidentiality] = useState<Confidentiality>('STANDARD');
  const [sharedFields, setSharedFields] = useState<string[]>([]);
  const [corporateNumber, setCorporateNumber] = useState('');
  const [competitors, setCompetitors] = useState('');

  const terms = data?.taxonomy ?? [];
  const domains = terms.filter((term) => term.kind === 'DOMAIN');
  const stages = terms.filter((term) => term.kind === 'STAGE');
  const topics = terms.filter((term) => term.kind === 'TOPIC');
  const routedTo = domains.find((d) => d.id === domainId)?.routingDesk ?? null;

  const submit = async () => {
    const missing = clientValidationProblem(
      requiredFields({ title, description, domainId, stageId }, t('web-validation-required')),
    );
    form.setProblem(missing);
    if (missing) return;
    const result = await form.submit(() =>
      fileConsultation({
        input: {
          kind,
          title: title.trim(),
          description,
          domainId,
          stageId,
          topicIds,
          preferredLocale: toGraphqlLocale(answerLocale),
          overseas,
          confidentiality,
          sharedFields,
          corporateNumber: corporateNumber.trim() || null,
          competitors: parseList(competitors),
        },
      }),
    );
    if (!result) return;
    const filed = result.fileConsultation as { id: string; reference: string };
    const state: FiledNotice = { filed: filed.reference };
    navigate(`/consultations/${encodeURIComponent(filed.id)}`, { state });
  };

  return (
    <Page title={t('web-intake-title')} lead={<p>{t('web-intake-lead')}</p>}>
      <ErrorSummary problem={toProblem(error)} />
      {!data && fetching ? <Loading /> : null}
      {data ? (
        <Form
          onSubmit={submit}
          busy={form.busy}
          problem={form.problem}
          unmatched={form.unmatched}
          className="form form-wide"
          testId="intake-form"
        >
          <RadioGroup
            legend={t('web-intake-kind')}
            name="kind"
            value={kind}
            onChange={(value) => setKind(value as ConsultationKind)}
            options={CONSULTATION_KINDS.map((k) => ({
              value: k,
              label: t(enumMessageId('consultation-kind', k)),
              hint: t(KIND_HINTS[k]),
            }))}
            errors={form.errorsFor('kind')}
            stacked
          />
          <TextField
            label={t('web-consultation-title')}
            name="title"
            required
            hint={t('web-intake-title-hint')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            errors={form.errorsFor('title')}
          />
          <TextAreaField
            label={t('web-consultation-description')}
            name="description"
            required
            rows={10}
            hint={t('web-intake-description-hint')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            errors={form.errorsFor('description')}
          />
          <div className="field-pair">
            <SelectField
              label={t('web-consultation-domain')}
              name="domainId"
              required
              hint={
                routedTo
                  ? t('web-intake-domain-routed', { desk: routedTo.name })
                  : t('web-intake-domain-hint')
              }
              value={domainId}
              onChange={(e) => setDomainId(e.target.value)}
              options={[
                { value: '', label: t('web-select-placeholder') },
                ...domains.map((d) => ({ value: d.id, label: d.label })),
              ]}
              errors={form.errorsFor('domainId')}
            />
            <SelectField
              label={t('web-consultation-stage')}
              name="stageId"
              required
              hint={t('web-intake-stage-hint')}
              value={stageId}
              onChange={(e) => setStageId(e.target.value)}
              options={[
                { value: '', label: t('web-select-placeholder') },
                ...stages.map((s) => ({ value: s.id, label: s.label })),
              ]}
              errors={form.errorsFor('stageId')}
            />
          </div>
          <CheckboxGroup
            legend={t('web-consultation-topics')}
            hint={t('web-intake-topics-hint')}
            selected={topicIds}
            onChange={setTopicIds}
            options={topics.map((topic) => ({ value: topic.id, label: topic.label }))}
            errors={form.errorsFor('topicIds')}
            testId="intake-topics"
          />
          <SelectField
            label={t('web-consultation-answer-language')}
            name="preferredLocale"
            hint={t('web-intake-answer-language-hint')}
            value={answerLocale}
            onChange={(e) => setAnswerLocale(parseLocale(e.target.value) ?? locale)}
            options={LOCALES.map((l) => ({ value: l, label: languageName(l), lang: l }))}
            errors={form.errorsFor('preferredLocale')}
          />
          <CheckboxField
            label={t('web-intake-overseas')}
            name="overseas"
            hint={t('web-intake-overseas-hint')}
            checked={overseas}
            onChange={(e) => setOverseas(e.target.checked)}
            errors={form.errorsFor('overseas')}
          />
          <RadioGroup
            legend={t('web-consultation-confidentiality')}
            name="confidentiality"
            value={confidentiality}
            onChange={(value) => setConfidentiality(value as Confidentiality)}
            options={CONFIDENTIALITIES.map((c) => ({
              value: c,
              label: t(enumMessageId('confidentiality', c)),
            }))}
            errors={form.errorsFor('confidentiality')}
            stacked
          />
          <CheckboxGroup
            legend={t('web-consultation-shared-fields')}
            hint={t('web-intake-shared-fields-hint')}
            selected={sharedFields}
            onChange={setSharedFields}
            options={SHARED_FIELDS.map((field: SharedField) => ({
              value: field,
              label: t(enumMessageId('shared-field', field)),
            }))}
            errors={form.errorsFor('sharedFields')}
          />
          <TextField
            label={t('web-intake-corporate-number')}
            name="corporateNumber"
            inputMode="numeric"
            autoComplete="off"
            hint={t('web-intake-corporate-number-hint')}
            value={corporateNumber}
            onChange={(e) => setCorporateNumber(e.target.value)}
            errors={form.errorsFor('corporateNumber')}
          />
          <TextAreaField
            label={t('web-intake-competitors')}
            name="competitors"
            rows={3}
            autoComplete="off"
            hint={t('web-intake-competitors-hint')}
            value={competitors}
            onChange={(e) => setCompetitors(e.target.value)}
            errors={form.errorsFor('competitors')}
          />
          <div className="button-row">
            <SubmitButton busy={form.busy}>{t('web-intake-submit')}</SubmitButton>
            <Link to="/consultations">{t('web-action-cancel')}</Link>
          </div>
        </Form>
      ) : null}
    </Page>
  );
}

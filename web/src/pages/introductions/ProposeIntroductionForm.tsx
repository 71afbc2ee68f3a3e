import { useState } from 'react';
import { useMutation } from 'urql';
import {
  CheckboxGroup,
  Form,
  RadioGroup,
  SubmitButton,
  TextAreaField,
  useFormProblem,
} from '../../components/forms';
import { clientValidationProblem } from '../../graphql/errors';
import { PROPOSE_INTRODUCTION } from '../../graphql/operations';
import {
  INTRODUCTION_CHANNELS,
  SHARED_FIELDS,
  type Consultation,
  type IntroductionChannel,
  type SharedField,
} from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';

interface ProposeIntroductionFormProps {
  consultation: Consultation;
  entry: { id: string; name: string };
  onCancel: () => void;
  onDone: () => void;
}

/**
 * The desk proposes introducing the consultation to a suggested advisor, supporter organisation
 * or VC: how, why (to the requester), and which fields to share, starting from those the
 * requester allowed when filing. The requester decides what is shared when asked to consent.
 */
export function ProposeIntroductionForm({
  consultation: c,
  entry,
  onCancel,
  onDone,
}: ProposeIntroductionFormProps) {
  const t = useT();
  const [, propose] = useMutation(PROPOSE_INTRODUCTION);
  const form = useFormProblem(['channel', 'message', 'fields']);
  const [channel, setChannel] = useState<IntroductionChannel>('INDIVIDUAL');
  const [message, setMessage] = useState('');
  const [fields, setFields] = useState<string[]>(() => [...c.sharedFields]);

  const submit = async () => {
    const missing = clientValidationProblem(
      fields.length === 0
        ? [{ field: 'fields', code: 'REQUIRED', message: t('web-introduction-fields-required') }]
        : [],
    );
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      propose({
        input: {
          consultationId: c.id,
          entryId: entry.id,
          channel,
          message: message.trim(),
          // In the order the form lists them.
          fields: SHARED_FIELDS.filter((field) => fields.includes(field)),
        },
      }),
    );
    if (data) onDone();
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="propose-introduction-form"
    >
      <p>{t('web-introduction-propose-lead', { name: entry.name })}</p>
      <RadioGroup
        legend={t('web-introduction-channel')}
        name="channel"
        required
        value={channel}
        onChange={(value) => setChannel(value as IntroductionChannel)}
        options={INTRODUCTION_CHANNELS.map((value) => ({
          value,
          label: t(enumMessageId('introduction-channel', value)),
          hint: t(
            value === 'INDIVIDUAL'
              ? 'web-introduction-channel-individual-hint'
              : 'web-introduction-channel-newsletter-hint',
          ),
        }))}
        errors={form.errorsFor('channel')}
        stacked
      />
      <TextAreaField
        label={t('web-introduction-propose-message')}
        name="message"
        hint={t('web-introduction-propose-message-hint')}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        errors={form.errorsFor('message')}
      />
      <CheckboxGroup
        legend={t('web-introduction-propose-fields')}
        hint={t('web-introduction-propose-fields-hint')}
        required
        selected={fields}
        onChange={setFields}
        options={SHARED_FIELDS.map((field: SharedField) => ({
          value: field,
          label: t(enumMessageId('shared-field', field)),
        }))}
        errors={form.errorsFor('fields')}
        testId="propose-fields"
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-introduction-propose-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

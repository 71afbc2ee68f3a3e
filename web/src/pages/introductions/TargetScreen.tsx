import { useState } from 'react';
import { ErrorSummary, Notice, TextAreaField, useFormProblem } from '../../components/forms';
import { Page, focusPageHeading } from '../../components/Page';
import type { ErrorLike } from '../../graphql/errors';
import type { Introduction } from '../../graphql/types';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { formatDateTime } from '../../i18n/format';
import { IntroductionFacts, SharedDetails } from './IntroductionParts';

interface TargetScreenProps {
  introduction: Introduction;
  /** Sends the target's answer. */
  answer: (accept: boolean, note: string) => Promise<{ data?: unknown; error?: ErrorLike }>;
}

/**
 * What the person or organisation introduced reads: only what the requester consented to
 * share, never the consultation itself; and, while it awaits their answer, the answer.
 * The same for a signed-in target and for whoever opens the link emailed to them.
 */
export function TargetScreen({ introduction: i, answer }: TargetScreenProps) {
  const t = useT();
  const { locale } = useLocale();
  const form = useFormProblem(['note']);
  const [note, setNote] = useState('');
  const [answered, setAnswered] = useState<boolean | null>(null);
  const canAccept = i.steps.includes('ACCEPT');
  const canDecline = i.steps.includes('DECLINE');
  const answering = canAccept || canDecline;

  const send = async (accept: boolean) => {
    if (form.busy) return;
    const data = await form.submit(() => answer(accept, note.trim()));
    if (!data) return;
    setAnswered(accept);
    focusPageHeading();
  };

  return (
    <Page
      title={t(answering ? 'web-introduction-response-title' : 'web-introduction-received-title')}
      lead={<p>{t('web-introduction-response-lead', { name: i.targetName })}</p>}
    >
      {answered !== null ? (
        <Notice>
          <p data-testid="introduction-answered">
            {t(answered ? 'web-introduction-response-accepted' : 'web-introduction-response-declined')}
          </p>
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="introduction-overview">
        <h2 id="introduction-overview">{t('web-introduction-overview-heading')}</h2>
        <IntroductionFacts introduction={i} />
      </section>
      <section
        className="panel"
        aria-labelledby="introduction-shared"
        data-testid="introduction-shared-panel"
      >
        <h2 id="introduction-shared">{t('web-introduction-shared-heading')}</h2>
        <p className="field-hint">{t('web-introduction-shared-lead')}</p>
        <SharedDetails introduction={i} />
      </section>
      {answering ? (
        <section className="panel" aria-labelledby="introduction-answer" data-testid="introduction-response">
          <h2 id="introduction-answer">{t('web-introduction-answer-heading')}</h2>
          {i.answerDueAt ? (
            <p>{t('web-introduction-answer-by', { date: formatDateTime(i.answerDueAt, locale) })}</p>
          ) : null}
          <div className="form">
            <ErrorSummary problem={form.problem} unmatched={form.unmatched} />
            <TextAreaField
              label={t('web-introduction-answer-comment')}
              name="note"
              hint={t('web-introduction-answer-note-hint')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              errors={form.errorsFor('note')}
            />
            <div className="button-row">
              {canAccept ? (
                <button
                  type="button"
                  className="button button-primary"
                  aria-disabled={form.busy || undefined}
                  aria-busy={form.busy || undefined}
                  onClick={() => void send(true)}
                >
                  {t('introduction-step-accept')}
                </button>
              ) : null}
              {canDecline ? (
                <button
                  type="button"
                  className="button"
                  aria-disabled={form.busy || undefined}
                  onClick={() => void send(false)}
                >
                  {t('introduction-step-decline')}
                </button>
              ) : null}
            </div>
          </div>
        </section>
      ) : i.answerNote ? (
        <section className="panel" aria-labelledby="introduction-answer">
          <h2 id="introduction-answer">{t('web-introduction-answer-note')}</h2>
          <div className="text-block">{i.answerNote}</div>
        </section>
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import { useMutation } from 'urql';
import {
  Form,
  Notice,
  SubmitButton,
  TextAreaField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { clientValidationProblem, type Problem } from '../../graphql/errors';
import { POST_CONSULTATION_MESSAGE } from '../../graphql/operations';
import type { Consultation, ConsultationEvent, EventChange, Person } from '../../graphql/types';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT, type Translate } from '../../i18n/LocaleProvider';

/** What a panel of the consultation page may ask of the page. */
export interface PanelProps {
  consultation: Consultation;
  /** Fetches the consultation again, e.g. after an edit conflict. */
  reload: () => void;
  /** The notice of the panel's last success, if any. */
  notice: string | null;
  /** Reports a success, shown in the panel as a notice. */
  onDone: (text: string) => void;
  /**
   * While the consultation is being fetched again, its version is about to change:
   * changes wait, so that the viewer does not conflict with their own last change.
   */
  refreshing: boolean;
}

/** After `EDIT_CONFLICT`, a button that fetches the consultation as it now is. */
export function ConflictReload({ problem, onReload }: { problem: Problem | null; onReload: () => void }) {
  const t = useT();
  if (problem?.code !== 'EDIT_CONFLICT') return null;
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onReload} data-testid="reload-consultation">
        {t('web-consultation-reload')}
      </button>
    </div>
  );
}

/** The status in words, with how a closed consultation ended. */
export function statusText(c: Consultation, t: Translate): string {
  return c.resolutionLabel
    ? t('consultation-status-with-resolution', { status: c.statusLabel, resolution: c.resolutionLabel })
    : c.statusLabel;
}

/** Someone's name, or the service itself when nobody acted. */
export function PersonName({ person }: { person: Person | null }) {
  const t = useT();
  return <>{person ? person.displayName : t('web-timeline-system')}</>;
}

function When({ at }: { at: string }) {
  const { locale } = useLocale();
  return <time dateTime={at}>{formatDateTime(at, locale)}</time>;
}

/** The messages between the desk and the requester, oldest first. */
export function Thread({ messages, viewerId }: { messages: readonly ConsultationEvent[]; viewerId: string }) {
  const t = useT();
  if (messages.length === 0) return <p className="muted">{t('web-thread-empty')}</p>;
  return (
    <ol className="thread" data-testid="thread">
      {messages.map((message) => {
        const fromRequester = message.kind === 'REPLY';
        const mine = message.actor?.id === viewerId;
        return (
          <li
            key={message.id}
            className={fromRequester ? 'thread-item thread-item-requester' : 'thread-item thread-item-desk'}
          >
            <p className="thread-meta">
              <strong>
                <PersonName person={message.actor} />
              </strong>
              {mine ? <span className="badge badge-muted">{t('web-thread-you')}</span> : null}
              <span className="badge badge-info">{message.kindLabel}</span>
              <span className="muted">
                <When at={message.at} />
              </span>
            </p>
            {message.body ? <div className="text-block">{message.body}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}

const CHANGE_FIELDS: Record<string, string> = {
  status: 'web-consultation-status',
  assignee: 'web-consultation-assignee',
  priority: 'web-consultation-priority',
  domain: 'web-consultation-domain',
  stage: 'web-consultation-stage',
  topics: 'web-consultation-topics',
  desk: 'web-consultation-desk',
};

/** The changes a summary does not already spell out. */
function extraChanges(event: ConsultationEvent): EventChange[] {
  return event.changes.filter((c) => !(event.summary.includes(c.before) && event.summary.includes(c.after)));
}

/** Every event of the consultation the viewer may see, oldest first. */
export function Timeline({ events }: { events: readonly ConsultationEvent[] }) {
  const t = useT();
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => {
        const changes = extraChanges(event);
        return (
          <li
            key={event.id}
            className={event.internal ? 'timeline-item timeline-item-internal' : 'timeline-item'}
            data-kind={event.kind}
          >
            <p className="timeline-summary">
              <strong>{event.summary}</strong>
              {event.internal ? <span className="badge badge-warn">{t('web-timeline-internal')}</span> : null}
            </p>
            <p className="timeline-meta muted">
              {t('web-timeline-by', { name: event.actor?.displayName ?? t('web-timeline-system') })}
              {' · '}
              <When at={event.at} />
            </p>
            {changes.length ? (
              <ul className="timeline-changes">
                {changes.map((change) => {
                  const field = CHANGE_FIELDS[change.field];
                  return (
                    <li key={change.field}>
                      {t('web-timeline-change', {
                        field: field ? t(field) : change.field,
                        before: change.before,
                        after: change.after,
                      })}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {event.body ? <div className="text-block">{event.body}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}

type ComposerMode = 'message' | 'note' | 'reply';

const COMPOSER_TEXTS: Record<
  ComposerMode,
  { heading: string; label: string; hint: string; submit: string; done: string }
> = {
  message: {
    heading: 'web-composer-message-heading',
    label: 'web-composer-message-label',
    hint: 'web-composer-message-hint',
    submit: 'web-composer-message-submit',
    done: 'web-composer-message-done',
  },
  note: {
    heading: 'web-composer-note-heading',
    label: 'web-composer-note-label',
    hint: 'web-composer-note-hint',
    submit: 'web-composer-note-submit',
    done: 'web-composer-note-done',
  },
  reply: {
    heading: 'web-composer-reply-heading',
    label: 'web-composer-reply-label',
    hint: 'web-composer-reply-hint',
    submit: 'web-composer-reply-submit',
    done: 'web-composer-reply-done',
  },
};

/**
 * Writing on a consultation: a message to the requester, an internal note (never shown
 * to the requester; set apart by its colour, heading and badge) or the requester's reply.
 */
export function Composer({
  mode,
  consultation,
  notice,
  onDone,
}: Omit<PanelProps, 'reload'> & { mode: ComposerMode }) {
  const t = useT();
  const texts = COMPOSER_TEXTS[mode];
  const [, post] = useMutation(POST_CONSULTATION_MESSAGE);
  const form = useFormProblem(['body']);
  const [body, setBody] = useState('');
  const headingId = `composer-${mode}`;

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ body }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      post({ input: { consultationId: consultation.id, body, internal: mode === 'note' } }),
    );
    if (!data) return;
    setBody('');
    onDone(t(texts.done));
  };

  return (
    <section
      className={mode === 'note' ? 'panel panel-internal' : 'panel'}
      aria-labelledby={headingId}
      data-testid={`composer-${mode}`}
    >
      <div className="panel-header">
        <h2 id={headingId}>{t(texts.heading)}</h2>
        {mode === 'note' ? (
          <span className="badge badge-warn">{t('web-timeline-internal')}</span>
        ) : mode === 'message' ? (
          <span className="badge badge-info">{t('web-composer-message-badge')}</span>
        ) : null}
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <Form
        onSubmit={submit}
        busy={form.busy}
        problem={form.problem}
        unmatched={form.unmatched}
        labelledBy={headingId}
      >
        <TextAreaField
          label={t(texts.label)}
          name="body"
          required
          rows={5}
          hint={t(texts.hint)}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          errors={form.errorsFor('body')}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy}>{t(texts.submit)}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

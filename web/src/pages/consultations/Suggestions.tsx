import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/Dialog';
import {
  ErrorSummary,
  Form,
  Notice,
  SubmitButton,
  TextAreaField,
  requiredFields,
  useFormProblem,
} from '../../components/forms';
import { Loading } from '../../components/Page';
import { clientValidationProblem, toProblem } from '../../graphql/errors';
import { CONSULTATION_SUGGESTIONS, DISMISS_SUGGESTION } from '../../graphql/operations';
import {
  DIRECTORY_KINDS,
  type Consultation,
  type DirectoryKind,
  type MatchSuggestion,
} from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { intlLocale } from '../../i18n/locale';
import { entryDetail, OpenBadge } from '../directory/DirectoryParts';
import { ProposeIntroductionForm } from '../introductions/ProposeIntroductionForm';

/** How many candidates of a kind the panel lists. */
const SUGGESTION_COUNT = 10;

/** Formats shares from 0 to 1 in the reader's language. */
function useNumbers() {
  const { locale } = useLocale();
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
  const points = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    percent: (share: number) => percent.format(share),
    decimal: (value: number) => decimal.format(value),
    /** A share of the score as points out of 100. */
    points: (share: number) => points.format(share * 100),
  };
}

/**
 * For desk people: the directory entries that could help with the consultation, per kind of
 * candidate, best first, with why and how the score is made; a candidate that does not fit
 * can be dismissed, with a reason.
 */
export function SuggestionsPanel({ consultation: c }: { consultation: Consultation }) {
  const t = useT();
  const [kind, setKind] = useState<DirectoryKind>('ADVISOR');
  const [notice, setNotice] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<MatchSuggestion | null>(null);
  const [proposing, setProposing] = useState<MatchSuggestion | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery<{ consultationSuggestions: MatchSuggestion[] }>({
    query: CONSULTATION_SUGGESTIONS,
    variables: { consultationId: c.id, kind, first: SUGGESTION_COUNT },
    requestPolicy: 'cache-and-network',
  });

  // Triage may change the domain, stage or topics, and with them the candidates.
  const { version } = c;
  const [seenVersion, setSeenVersion] = useState(version);
  useEffect(() => {
    if (version === seenVersion) return;
    setSeenVersion(version);
    reexecute({ requestPolicy: 'network-only' });
  }, [version, seenVersion, reexecute]);

  // While another kind loads, the previous kind's candidates are not shown as this kind's.
  const suggestions = (data?.consultationSuggestions ?? []).filter((s) => s.entry.kind === kind);
  const loaded = data !== undefined && !(fetching && suggestions.length === 0);

  return (
    <section className="panel" aria-labelledby="case-suggestions" data-testid="suggestions-panel">
      <h2 id="case-suggestions">{t('web-suggestions-heading')}</h2>
      <p className="field-hint">{t('web-suggestions-lead')}</p>
      <div
        className="chips"
        role="group"
        aria-label={t('web-suggestions-kinds')}
        data-testid="suggestion-kinds"
      >
        {DIRECTORY_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={k === kind}
            data-kind={k}
            onClick={() => {
              setNotice(null);
              setKind(k);
            }}
          >
            {t(enumMessageId('directory-kind', k))}
          </button>
        ))}
      </div>
      {notice ? (
        <Notice>
          <p data-testid="suggestion-notice">{notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary problem={toProblem(error)} />
      <div aria-busy={fetching || undefined} data-testid="suggestion-results" data-kind={kind}>
        {!loaded ? (
          error ? null : (
            <Loading />
          )
        ) : suggestions.length === 0 ? (
          error ? null : (
            <div className="empty-state" role="status" data-testid="suggestions-empty">
              <p>{t('web-suggestions-empty')}</p>
            </div>
          )
        ) : (
          <ol className="directory-hits suggestions" data-testid="suggestions">
            {suggestions.map((suggestion) => (
              <SuggestionItem
                key={suggestion.entry.id}
                suggestion={suggestion}
                onDismiss={() => {
                  setNotice(null);
                  setDismissing(suggestion);
                }}
                onPropose={
                  // Support programmes are applied to, not introduced.
                  suggestion.entry.kind === 'PROGRAMME'
                    ? undefined
                    : () => {
                        setNotice(null);
                        setProposing(suggestion);
                      }
                }
              />
            ))}
          </ol>
        )}
      </div>
      <Dialog
        open={dismissing !== null}
        title={t('web-suggestions-dismiss-title', { name: dismissing?.entry.name ?? '' })}
        onClose={() => setDismissing(null)}
        testId="dismiss-dialog"
      >
        {dismissing ? (
          <DismissForm
            consultationId={c.id}
            suggestion={dismissing}
            onCancel={() => setDismissing(null)}
            onDone={() => {
              setNotice(t('web-suggestions-dismissed', { name: dismissing.entry.name }));
              setDismissing(null);
              reexecute({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
      </Dialog>
      <Dialog
        open={proposing !== null}
        title={t('web-introduction-propose-title', { name: proposing?.entry.name ?? '' })}
        onClose={() => setProposing(null)}
        wide
        testId="propose-introduction-dialog"
      >
        {proposing ? (
          <ProposeIntroductionForm
            consultation={c}
            entry={proposing.entry}
            onCancel={() => setProposing(null)}
            onDone={() => {
              setNotice(t('web-introduction-proposed', { name: proposing.entry.name }));
              setProposing(null);
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

/** One candidate: what it is, its score, why it is suggested and how the score is made. */
function SuggestionItem({
  suggestion,
  onDismiss,
  onPropose,
}: {
  suggestion: MatchSuggestion;
  onDismiss: () => void;
  /** Absent for candidates that are not introduced (support programmes). */
  onPropose?: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const numbers = useNumbers();
  const { entry, score, reasons, contributions } = suggestion;
  const detail = entryDetail(entry, t, locale);
  const percent = numbers.percent(score);
  return (
    <li
      className="directory-hit suggestion"
      data-testid="suggestion"
      data-kind={entry.kind}
      data-id={entry.id}
    >
      <div className="suggestion-head">
        <div>
          <p className="directory-hit-badges">
            {entry.vc?.certified ? (
              <span className="badge badge-ok">{t('web-directory-certified')}</span>
            ) : null}
            {entry.overseas ? <span className="badge badge-muted">{t('web-directory-overseas')}</span> : null}
            {entry.programme ? <OpenBadge openNow={entry.programme.openNow} /> : null}
          </p>
          <h3 className="directory-hit-name">
            <Link to={`/directory/${encodeURIComponent(entry.id)}`}>{entry.name}</Link>
          </h3>
          {detail ? <p className="directory-hit-detail muted">{detail}</p> : null}
        </div>
        <div className="suggestion-score" data-testid="suggestion-score">
          <span className="suggestion-score-text">{t('web-suggestions-score', { score: percent })}</span>
          <span className="score-bar" aria-hidden="true">
            <span
              className="score-bar-fill"
              style={{ width: `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%` }}
            />
          </span>
        </div>
      </div>
      {reasons.length ? (
        <ul
          className="suggestion-reasons"
          aria-label={t('web-suggestions-reasons')}
          data-testid="suggestion-reasons"
        >
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <details className="directory-explain" data-testid="suggestion-breakdown">
        <summary>{t('web-suggestions-breakdown')}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              {t('web-suggestions-breakdown-caption', { name: entry.name, score: percent })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('web-suggestions-feature')}</th>
                <th scope="col" className="numeric">
                  {t('web-suggestions-weight')}
                </th>
                <th scope="col" className="numeric">
                  {t('web-suggestions-value')}
                </th>
                <th scope="col" className="numeric">
                  {t('web-suggestions-points')}
                </th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((contribution) => (
                <tr key={contribution.feature} data-feature={contribution.feature}>
                  <th scope="row">{contribution.label}</th>
                  <td className="numeric">{numbers.decimal(contribution.weight)}</td>
                  <td className="numeric">{numbers.percent(contribution.value)}</td>
                  <td className="numeric">{numbers.points(contribution.points)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('web-suggestions-total')}</th>
                <td />
                <td />
                <td className="numeric">{numbers.points(score)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      <div className="button-row">
        {onPropose ? (
          <button
            type="button"
            className="button button-small button-primary"
            onClick={onPropose}
            aria-label={t('web-introduction-propose-named', { name: entry.name })}
            data-testid="propose-introduction"
          >
            {t('web-introduction-propose')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          onClick={onDismiss}
          aria-label={t('web-suggestions-dismiss-named', { name: entry.name })}
          data-testid="dismiss-suggestion"
        >
          {t('web-suggestions-dismiss')}
        </button>
      </div>
    </li>
  );
}

/** Why the candidate does not fit: required, kept with the dismissal. */
function DismissForm({
  consultationId,
  suggestion,
  onCancel,
  onDone,
}: {
  consultationId: string;
  suggestion: MatchSuggestion;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [, dismiss] = useMutation(DISMISS_SUGGESTION);
  const form = useFormProblem(['reason']);
  const [reason, setReason] = useState('');

  const submit = async () => {
    const missing = clientValidationProblem(requiredFields({ reason }, t('web-validation-required')));
    form.setProblem(missing);
    if (missing) return;
    const data = await form.submit(() =>
      dismiss({ consultationId, entryId: suggestion.entry.id, reason: reason.trim() }),
    );
    if (data) onDone();
  };

  return (
    <Form
      onSubmit={submit}
      busy={form.busy}
      problem={form.problem}
      unmatched={form.unmatched}
      testId="dismiss-form"
    >
      <p>{t('web-suggestions-dismiss-lead', { name: suggestion.entry.name })}</p>
      <TextAreaField
        label={t('web-suggestions-dismiss-reason')}
        name="reason"
        required
        hint={t('web-suggestions-dismiss-reason-hint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={form.errorsFor('reason')}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('web-action-cancel')}
        </button>
        <SubmitButton busy={form.busy}>{t('web-suggestions-dismiss-submit')}</SubmitButton>
      </div>
    </Form>
  );
}

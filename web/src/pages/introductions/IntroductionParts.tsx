import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Introduction, IntroductionStatus, SharedField } from '../../graphql/types';
import { enumMessageId, formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { sharedLines } from './introductionForms';

/** Lists of introductions refresh after any step on an introduction, even when they were empty. */
export const INTRODUCTIONS_CONTEXT = { additionalTypenames: ['Introduction'] };

const STATUS_BADGES: Record<IntroductionStatus, string> = {
  PROPOSED: 'badge badge-muted',
  CONSENT_REQUESTED: 'badge badge-warn',
  CONSENTED: 'badge badge-info',
  SENT: 'badge badge-warn',
  ACCEPTED: 'badge badge-info',
  DECLINED: 'badge badge-muted',
  MEETING_HELD: 'badge badge-info',
  MATCHED: 'badge badge-ok',
  NOT_MATCHED: 'badge badge-muted',
  EXPIRED: 'badge badge-muted',
  WITHDRAWN: 'badge badge-muted',
};

/** Where the introduction stands, in the reader's language. */
export function StatusBadge({ introduction: i }: { introduction: Introduction }) {
  return (
    <span className={STATUS_BADGES[i.status]} data-testid="introduction-status" data-status={i.status}>
      {i.statusLabel}
    </span>
  );
}

/** The names of shared fields, as the intake form calls them. */
export function FieldNames({ fields }: { fields: readonly SharedField[] }) {
  const t = useT();
  if (fields.length === 0) return <span className="muted">{t('web-consultation-none')}</span>;
  return <>{fields.map((field) => t(enumMessageId('shared-field', field))).join(t('web-list-separator'))}</>;
}

/**
 * Who is introduced, how, and when each step was taken: only the dates the reader may see
 * and that have happened.
 */
export function IntroductionFacts({
  introduction: i,
  compact = false,
  children,
}: {
  introduction: Introduction;
  /**
   * Only the dates, for a list on the consultation's page whose items name the target, the
   * channel and the status next to their heading.
   */
  compact?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const at = (label: string, value: string | null, testId?: string) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd data-testid={testId}>{formatDateTime(value, locale)}</dd>
      </div>
    ) : null;
  return (
    <dl className="details details-columns introduction-facts" data-testid="introduction-facts">
      {compact ? null : (
        <>
          <div>
            <dt>{t('web-introduction-target')}</dt>
            <dd>
              {i.target ? (
                <Link to={`/directory/${encodeURIComponent(i.target.id)}`}>{i.targetName}</Link>
              ) : (
                i.targetName
              )}{' '}
              <span className="muted">{t(enumMessageId('directory-kind', i.targetKind))}</span>
            </dd>
          </div>
          <div>
            <dt>{t('web-introduction-channel')}</dt>
            <dd data-testid="introduction-channel">{t(enumMessageId('introduction-channel', i.channel))}</dd>
          </div>
          <div>
            <dt>{t('web-introduction-status')}</dt>
            <dd>
              <StatusBadge introduction={i} />
            </dd>
          </div>
          {i.consultation !== null ? (
            <div>
              <dt>{t('web-introduction-consultation')}</dt>
              <dd>
                <Link to={`/consultations/${encodeURIComponent(i.consultation.id)}`} className="reference">
                  {i.consultation.reference}
                </Link>{' '}
                {i.consultation.title}
              </dd>
            </div>
          ) : null}
        </>
      )}
      {at(t('web-introduction-proposed-at'), i.proposedAt)}
      {at(t('web-introduction-consent-requested-at'), i.consentRequestedAt)}
      {at(t('web-introduction-consented-at'), i.consentedAt)}
      {at(t('web-introduction-sent-at'), i.sentAt)}
      {at(t('web-introduction-answered-at'), i.answeredAt)}
      {at(t('web-introduction-answer-due-at'), i.answerDueAt, 'introduction-due')}
      {i.meetingHeldOn ? (
        <div>
          <dt>{t('web-introduction-meeting-held-on')}</dt>
          <dd data-testid="introduction-meeting">{formatCalendarDate(i.meetingHeldOn, locale)}</dd>
        </div>
      ) : null}
      {at(t('web-introduction-closed-at'), i.closedAt)}
      {children}
    </dl>
  );
}

/** What the requester consented to share, as the target reads it: only the shared fields. */
export function SharedDetails({ introduction: i }: { introduction: Introduction }) {
  const t = useT();
  const lines = sharedLines(i.shared);
  if (lines.length === 0) return <p className="muted">{t('web-introduction-nothing-shared')}</p>;
  return (
    <dl className="details introduction-shared" data-testid="introduction-shared">
      {lines.map((line) => (
        <Fragment key={line.field}>
          <dt data-field={line.field}>{t(enumMessageId('shared-field', line.field))}</dt>
          <dd data-field={line.field}>
            {line.field === 'TOPICS' ? (
              line.items.length ? (
                <ul className="badges">
                  {line.items.map((topic) => (
                    <li key={topic} className="badge badge-muted">
                      {topic}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('web-consultation-none')}</span>
              )
            ) : line.field === 'CONTACT' ? (
              <>
                {line.name}
                {line.email ? (
                  <>
                    {' '}
                    <a href={`mailto:${line.email}`}>{line.email}</a>
                  </>
                ) : null}
              </>
            ) : line.field === 'DESCRIPTION' ? (
              <div className="text-block">{line.text}</div>
            ) : (
              line.text
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** What came of a match, and any note of the target's answer: for the desk and the requester. */
export function IntroductionOutcomeFacts({ introduction: i }: { introduction: Introduction }) {
  const t = useT();
  const { locale } = useLocale();
  if (!i.outcome && !i.answerNote) return null;
  return (
    <dl className="details introduction-outcome" data-testid="introduction-outcome">
      {i.outcome ? (
        <>
          <dt>{t('web-introduction-outcome')}</dt>
          <dd data-testid="introduction-outcome-type">
            {t(enumMessageId('outcome-type', i.outcome.type))}
            {i.outcome.adopter ? (
              <span className="muted">
                {' '}
                {t('web-introduction-outcome-adopter', {
                  label: t(enumMessageId('adopter', i.outcome.adopter)),
                })}
              </span>
            ) : null}
          </dd>
          {i.outcome.investment ? (
            <>
              <dt>{t('web-introduction-investment')}</dt>
              <dd data-testid="introduction-investment">
                {t('web-introduction-investment-value', {
                  label: i.outcome.investment.amount,
                  kind: t(enumMessageId('investment-round', i.outcome.investment.round)),
                  date: formatCalendarDate(i.outcome.investment.investedOn, locale),
                })}
              </dd>
            </>
          ) : null}
        </>
      ) : null}
      {i.outcome?.note ? (
        <>
          <dt>{t('web-introduction-outcome-note')}</dt>
          <dd className="text-block">{i.outcome.note}</dd>
        </>
      ) : null}
      {i.answerNote ? (
        <>
          <dt>{t('web-introduction-answer-note')}</dt>
          <dd className="text-block">{i.answerNote}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The desk's message to the requester, when there is one. */
export function DeskMessage({ introduction: i }: { introduction: Introduction }) {
  const t = useT();
  if (!i.message) return null;
  return (
    <div className="introduction-message">
      <h3>{t('web-introduction-message')}</h3>
      <div className="text-block quote" data-testid="introduction-message">
        {i.message}
      </div>
    </div>
  );
}

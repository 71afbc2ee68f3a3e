import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary, Notice } from '../../components/forms';
import { Loading } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { CONSULTATION_INTRODUCTIONS } from '../../graphql/operations';
import type { Consultation, Introduction } from '../../graphql/types';
import { enumMessageId } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { IntroductionActions } from './IntroductionActions';
import {
  DeskMessage,
  FieldNames,
  INTRODUCTIONS_CONTEXT,
  IntroductionFacts,
  IntroductionOutcomeFacts,
  StatusBadge,
} from './IntroductionParts';

/**
 * The introductions (紹介) of a consultation, oldest first: for desk people, each with the
 * steps they may take now; for the requester, from the moment they are asked to consent, with
 * a link to the consent screen while it awaits their answer.
 */
export function IntroductionsPanel({
  consultation: c,
  deskSide,
}: {
  consultation: Consultation;
  deskSide: boolean;
}) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, fetching, stale, error }, reexecute] = useQuery<{
    consultationIntroductions: Introduction[];
  }>({
    query: CONSULTATION_INTRODUCTIONS,
    variables: { consultationId: c.id },
    context: INTRODUCTIONS_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const introductions = data?.consultationIntroductions;
  const refreshing = fetching || stale;

  return (
    <section className="panel" aria-labelledby="case-introductions" data-testid="introductions-panel">
      <h2 id="case-introductions">{t('web-introductions-heading')}</h2>
      <p className="field-hint">
        {t(deskSide ? 'web-introductions-desk-lead' : 'web-introductions-requester-lead')}
      </p>
      {notice ? (
        <Notice>
          <p data-testid="introduction-notice">{notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary problem={toProblem(error)} />
      {introductions === undefined ? (
        error ? null : (
          <Loading />
        )
      ) : introductions.length === 0 ? (
        <p className="muted" data-testid="introductions-empty">
          {t(deskSide ? 'web-introductions-empty-desk' : 'web-introductions-empty')}
        </p>
      ) : (
        <ol className="introduction-list" data-testid="introductions" aria-busy={refreshing || undefined}>
          {introductions.map((introduction) => (
            <IntroductionItem
              key={introduction.id}
              introduction={introduction}
              reload={reload}
              refreshing={refreshing}
              onDone={setNotice}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function IntroductionItem({
  introduction: i,
  reload,
  refreshing,
  onDone,
}: {
  introduction: Introduction;
  reload: () => void;
  refreshing: boolean;
  onDone: (text: string) => void;
}) {
  const t = useT();
  const headingId = `introduction-${i.id}`;
  return (
    <li className="introduction" data-testid="introduction" data-id={i.id} aria-labelledby={headingId}>
      <div className="introduction-head">
        <h3 id={headingId}>
          {i.target ? (
            <Link to={`/directory/${encodeURIComponent(i.target.id)}`}>{i.targetName}</Link>
          ) : (
            i.targetName
          )}
        </h3>
        <p className="badges-inline">
          <span className="badge badge-muted">{t(enumMessageId('directory-kind', i.targetKind))}</span>
          <span className="badge badge-info" data-testid="introduction-channel">
            {t(enumMessageId('introduction-channel', i.channel))}
          </span>
          <StatusBadge introduction={i} />
        </p>
      </div>
      <IntroductionFacts introduction={i} compact>
        <div>
          <dt>
            {t(i.sharedFields.length ? 'web-introduction-shared-fields' : 'web-introduction-proposed-fields')}
          </dt>
          <dd data-testid="introduction-fields">
            <FieldNames fields={i.sharedFields.length ? i.sharedFields : i.proposedFields} />
          </dd>
        </div>
      </IntroductionFacts>
      <DeskMessage introduction={i} />
      <IntroductionOutcomeFacts introduction={i} />
      <IntroductionActions introduction={i} reload={reload} refreshing={refreshing} onDone={onDone} />
      {/* While it awaits the requester's consent, the consent screen is linked above. */}
      {i.steps.includes('CONSENT') ? null : (
        <p className="introduction-link">
          <Link to={`/introductions/${encodeURIComponent(i.id)}`}>
            {t('web-introduction-details-named', { name: i.targetName })}
          </Link>
        </p>
      )}
    </li>
  );
}

import { Fragment, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorSummary, Notice } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { hasErrorCode, toProblem } from '../../graphql/errors';
import { DIRECTORY_ENTRY } from '../../graphql/operations';
import type { DirectoryEntry, OrganisationRef } from '../../graphql/types';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { otherLocale } from '../../i18n/locale';
import { DIRECTORY_CONTEXT } from '../../session/useMyDirectoryEntries';
import { applicationWindow, ExternalLink, OpenBadge, TermBadges } from './DirectoryParts';

/** Where the profile shows what just happened to the entry. */
export interface EntryNotice {
  entryNotice: string;
}

const TAG_ROWS = [
  { list: 'domains', label: 'web-directory-domains' },
  { list: 'stages', label: 'web-directory-stages' },
  { list: 'topics', label: 'web-directory-topics' },
  { list: 'languages', label: 'web-directory-languages' },
  { list: 'regions', label: 'web-directory-regions' },
  { list: 'services', label: 'web-directory-services' },
] as const;

/** One entry of the directory, in the reader's language. */
export function DirectoryEntryPage() {
  const t = useT();
  const { locale } = useLocale();
  const location = useLocation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery<{ directoryEntry: DirectoryEntry }>({
    query: DIRECTORY_ENTRY,
    variables: { id },
    context: DIRECTORY_CONTEXT,
  });
  const entry = data?.directoryEntry ?? null;

  if (!entry) {
    if (fetching) {
      return (
        <Page title={t('web-directory-entry-loading-title')}>
          <Loading />
        </Page>
      );
    }
    return <EntryNotFound error={error} />;
  }

  const notice = (location.state as EntryNotice | null)?.entryNotice;
  const otherName = otherLocale(locale) === 'en' ? entry.nameEn : entry.nameJa;
  return (
    <Page
      title={entry.name}
      lead={
        <>
          {otherName !== entry.name ? (
            <p className="muted" lang={otherLocale(locale)}>
              {otherName}
            </p>
          ) : null}
          <p className="case-lead" data-testid="entry-badges">
            <span className="badge badge-info">{entry.kindLabel}</span>
            {entry.vc?.certified ? (
              <span className="badge badge-ok">{t('web-directory-certified')}</span>
            ) : null}
            {entry.overseas ? <span className="badge badge-muted">{t('web-directory-overseas')}</span> : null}
            {entry.programme ? <OpenBadge openNow={entry.programme.openNow} /> : null}
            {entry.active ? null : <span className="badge badge-warn">{t('web-directory-hidden')}</span>}
          </p>
        </>
      }
      actions={
        entry.canEdit ? (
          <Link className="button button-primary" to={`/directory/${encodeURIComponent(entry.id)}/edit`}>
            {t('web-action-edit')}
          </Link>
        ) : null
      }
    >
      {notice ? (
        <Notice>
          <p data-testid="entry-notice">{notice}</p>
        </Notice>
      ) : null}
      {entry.active ? null : (
        <Notice tone="info">
          <p>{t('web-directory-entry-inactive')}</p>
        </Notice>
      )}
      <ErrorSummary problem={data && error ? toProblem(error) : null} />
      <section className="panel" aria-labelledby="entry-summary">
        <h2 id="entry-summary">{t('web-directory-entry-summary')}</h2>
        <div className="text-block" data-testid="entry-summary">
          {entry.summary}
        </div>
      </section>
      <KindDetails entry={entry} />
      <section className="panel" aria-labelledby="entry-tags">
        <h2 id="entry-tags">{t('web-directory-entry-tags')}</h2>
        <dl className="details" data-testid="entry-tags">
          {TAG_ROWS.filter(({ list }) => entry[list].length > 0).map(({ list, label }) => (
            <Fragment key={list}>
              <dt>{t(label)}</dt>
              <dd>
                <TermBadges terms={entry[list]} testId={`entry-${list}`} />
              </dd>
            </Fragment>
          ))}
        </dl>
        {TAG_ROWS.every(({ list }) => entry[list].length === 0) ? (
          <p className="muted">{t('web-consultation-none')}</p>
        ) : null}
      </section>
      {entry.contactEmail || (entry.website && entry.kind !== 'PROGRAMME') ? (
        <section className="panel" aria-labelledby="entry-contact">
          <h2 id="entry-contact">{t('web-directory-entry-contact')}</h2>
          <dl className="details" data-testid="entry-contact">
            {entry.contactEmail ? (
              <>
                <dt>{t('web-directory-contact-email')}</dt>
                <dd>
                  <a href={`mailto:${entry.contactEmail}`}>{entry.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {entry.website && entry.kind !== 'PROGRAMME' ? (
              <>
                <dt>{t('web-directory-website')}</dt>
                <dd>
                  <ExternalLink href={entry.website} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <p className="muted">{t('web-directory-updated', { date: formatDate(entry.updatedAt, locale) })}</p>
      <p>
        <Link to="/directory">{t('web-directory-back')}</Link>
      </p>
    </Page>
  );
}

function EntryNotFound({ error }: { error: Parameters<typeof toProblem>[0] }) {
  const t = useT();
  return (
    <Page title={t('web-directory-entry-not-found-title')}>
      {hasErrorCode(error, 'NOT_FOUND') || !error ? (
        <p>{t('web-directory-entry-not-found-body')}</p>
      ) : (
        <ErrorSummary problem={toProblem(error)} />
      )}
      <p>
        <Link to="/directory">{t('web-directory-back')}</Link>
      </p>
    </Page>
  );
}

/** What only entries of this kind have. */
function KindDetails({ entry }: { entry: DirectoryEntry }) {
  const t = useT();
  const { locale } = useLocale();
  const rows: { label: string; value: ReactNode; testId?: string }[] = [];
  const { advisor, supporter, vc, programme } = entry;
  if (advisor) {
    if (advisor.affiliation) rows.push({ label: t('web-directory-affiliation'), value: advisor.affiliation });
    // Capacity and conflicts are null for readers who may not see them.
    if (advisor.capacity !== null) {
      rows.push({
        label: t('web-directory-capacity'),
        value: t('web-directory-capacity-value', { count: advisor.capacity }),
        testId: 'entry-capacity',
      });
    }
    if (advisor.conflicts !== null) {
      rows.push({
        label: t('web-directory-conflicts'),
        value: <Organisations organisations={advisor.conflicts} />,
        testId: 'entry-conflicts',
      });
    }
  }
  if (supporter) {
    if (supporter.supporterTypeLabel) {
      rows.push({ label: t('web-directory-supporter-type'), value: supporter.supporterTypeLabel });
    }
  }
  if (vc) {
    rows.push({
      label: t('web-directory-certification'),
      value: vc.certified ? (
        <span className="badge badge-ok">{t('web-directory-certified')}</span>
      ) : (
        t('web-directory-not-certified')
      ),
    });
    rows.push({
      label: t('web-directory-based'),
      value: t(entry.overseas ? 'web-directory-based-overseas' : 'web-directory-based-japan'),
    });
    if (vc.ticketRange)
      rows.push({ label: t('web-directory-ticket'), value: vc.ticketRange, testId: 'entry-ticket' });
    rows.push({
      label: t('web-directory-portfolio'),
      value: <Organisations organisations={vc.portfolio} />,
      testId: 'entry-portfolio',
    });
  }
  if (programme) {
    rows.push({
      label: t('web-directory-body'),
      value: programme.bodyLabel
        ? t('web-directory-body-value', { kind: programme.bodyLabel, name: programme.bodyName })
        : programme.bodyName,
    });
    if (programme.eligibility) {
      rows.push({
        label: t('web-directory-eligibility'),
        value: <div className="text-block">{programme.eligibility}</div>,
      });
    }
    rows.push({
      label: t('web-directory-window'),
      value: (
        <>
          {applicationWindow(programme, t, locale)} <OpenBadge openNow={programme.openNow} />
        </>
      ),
      testId: 'entry-window',
    });
    if (entry.website) {
      rows.push({ label: t('web-directory-programme-link'), value: <ExternalLink href={entry.website} /> });
    }
  }
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="entry-details">
      <h2 id="entry-details">{t('web-directory-entry-details')}</h2>
      <dl className="details" data-testid="entry-details">
        {rows.map((row) => (
          <Fragment key={row.label}>
            <dt>{row.label}</dt>
            <dd data-testid={row.testId}>{row.value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function Organisations({ organisations }: { organisations: readonly OrganisationRef[] }) {
  const t = useT();
  if (organisations.length === 0) return <span className="muted">{t('web-consultation-none')}</span>;
  return (
    <ul className="plain-list">
      {organisations.map((organisation) => (
        <li key={organisation.id}>{organisation.name}</li>
      ))}
    </ul>
  );
}

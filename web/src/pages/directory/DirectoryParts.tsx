import { Fragment } from 'react';
import type { DirectoryEntryRow, ProgrammeDetails, TermTag } from '../../graphql/types';
import { formatCalendarDate } from '../../i18n/format';
import { useLocale, useT, type Translate } from '../../i18n/LocaleProvider';
import type { AppLocale } from '../../i18n/locale';
import type { Snippet } from './highlights';

/**
 * Text with the words that matched a search in `<mark>`. The text is React text, never
 * HTML, whatever the engine sent.
 */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <span lang={snippet.locale === locale ? undefined : snippet.locale}>
      {snippet.leading ? t('web-directory-snippet-ellipsis') : null}
      {snippet.segments.map((segment, index) =>
        segment.highlighted ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
      {snippet.trailing ? t('web-directory-snippet-ellipsis') : null}
    </span>
  );
}

/** Taxonomy terms as a list of badges. */
export function TermBadges({ terms, testId }: { terms: readonly TermTag[]; testId?: string }) {
  if (terms.length === 0) return null;
  return (
    <ul className="badges" data-testid={testId}>
      {terms.map((term) => (
        <li key={term.id} className="badge badge-muted" data-code={term.code}>
          {term.label}
        </li>
      ))}
    </ul>
  );
}

/** When a programme takes applications, in Japan dates. */
export function applicationWindow(
  programme: Pick<ProgrammeDetails, 'opensOn' | 'closesOn'>,
  t: Translate,
  locale: AppLocale,
): string {
  const from = formatCalendarDate(programme.opensOn, locale);
  const to = formatCalendarDate(programme.closesOn, locale);
  if (from && to) return t('web-directory-window-range', { from, to });
  if (to) return t('web-directory-window-until', { date: to });
  if (from) return t('web-directory-window-from', { date: from });
  return t('web-directory-window-always');
}

/**
 * The short line under an entry's name in lists: an advisor's affiliation, a supporter
 * organisation's type, a VC's ticket size, or who runs a programme and when it takes applications.
 */
export function entryDetail(
  entry: Pick<DirectoryEntryRow, 'advisor' | 'supporter' | 'vc' | 'programme'>,
  t: Translate,
  locale: AppLocale,
): string | null {
  return (
    entry.advisor?.affiliation ??
    entry.supporter?.supporterTypeLabel ??
    entry.vc?.ticketRange ??
    (entry.programme
      ? t('web-directory-programme-line', {
          name: entry.programme.bodyName,
          date: applicationWindow(entry.programme, t, locale),
        })
      : null)
  );
}

/** Whether a programme takes applications today. */
export function OpenBadge({ openNow }: { openNow: boolean }) {
  const t = useT();
  return openNow ? (
    <span className="badge badge-ok">{t('web-directory-open-now')}</span>
  ) : (
    <span className="badge badge-muted">{t('web-directory-closed-now')}</span>
  );
}

/** A link to another site, opened in a new tab without giving it this page. */
export function ExternalLink({ href }: { href: string }) {
  const t = useT();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {href}
      <span className="visually-hidden"> {t('web-directory-new-tab')}</span>
    </a>
  );
}

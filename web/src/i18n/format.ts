import { intlLocale, type AppLocale } from './locale';

/** Formats an RFC 3339 timestamp for display; returns the input unchanged when it is not a date. */
export function formatDateTime(value: string | null | undefined, locale: AppLocale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Message id of an enum value's label defined in enums.ftl, e.g. `VC_MEMBER` → `role-vc-member`. */
export function enumMessageId(prefix: string, value: string): string {
  return `${prefix}-${value.toLowerCase().replace(/_/g, '-')}`;
}

/** Formats the day of an RFC 3339 timestamp, without the time. */
export function formatDate(value: string | null | undefined, locale: AppLocale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(date);
}

/**
 * Formats a calendar date (`YYYY-MM-DD`, such as a due date in Japan) as that same day,
 * whatever the reader's time zone; returns the input unchanged when it is not such a date.
 */
export function formatCalendarDate(value: string | null | undefined, locale: AppLocale): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

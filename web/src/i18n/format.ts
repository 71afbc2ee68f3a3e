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

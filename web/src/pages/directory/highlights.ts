/**
 * Choosing what a search hit shows of its name and summary: the engine's highlighted
 * extracts in the reader's language when there are some, else plain text.
 */

import type { DirectoryEntryRow, Highlight, TextSegment } from '../../graphql/types';
import { fromGraphqlLocale, otherLocale, type AppLocale } from '../../i18n/locale';

/** Length of the start of a summary shown when nothing in it matched. */
export const SUMMARY_START_LENGTH = 140;

/** Text to show, in pieces, marked where it matched. */
export interface Snippet {
  segments: TextSegment[];
  /** The language of the text; it may differ from the page's. */
  locale: AppLocale;
  /** The text starts after the beginning of the field. */
  leading: boolean;
  /** The text stops before the end of the field. */
  trailing: boolean;
}

function joined(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join('');
}

function highlightOf(
  highlights: readonly Highlight[],
  field: Highlight['field'],
  locale: AppLocale,
): Highlight | undefined {
  return highlights.find(
    (h) =>
      h.field === field && fromGraphqlLocale(h.locale) === locale && h.segments.some((s) => s.highlighted),
  );
}

function fieldText(entry: DirectoryEntryRow, field: Highlight['field'], locale: AppLocale): string {
  if (field === 'NAME') return locale === 'en' ? entry.nameEn : entry.nameJa;
  return locale === 'en' ? entry.summaryEn : entry.summaryJa;
}

function snippetOf(highlight: Highlight, full: string, locale: AppLocale): Snippet {
  const text = joined(highlight.segments);
  return {
    segments: highlight.segments,
    locale,
    leading: text.trim() !== '' && !full.startsWith(text.trimStart()),
    trailing: text.trim() !== '' && !full.endsWith(text.trimEnd()),
  };
}

/** The name in the reader's language, marked where it matched the search. */
export function nameSnippet(
  entry: DirectoryEntryRow,
  highlights: readonly Highlight[],
  locale: AppLocale,
): Snippet {
  const highlight = highlightOf(highlights, 'NAME', locale);
  // The marked name stands in for the name only when it is the whole of it.
  if (highlight && joined(highlight.segments) === entry.name) {
    return { segments: highlight.segments, locale, leading: false, trailing: false };
  }
  return { segments: [{ text: entry.name, highlighted: false }], locale, leading: false, trailing: false };
}

/**
 * What the summary says about the search: the extract that matched, in the reader's language
 * if it matched there, else in the other one; without a match, the start of the summary.
 */
export function summarySnippet(
  entry: DirectoryEntryRow,
  highlights: readonly Highlight[],
  locale: AppLocale,
): Snippet {
  for (const l of [locale, otherLocale(locale)]) {
    const highlight = highlightOf(highlights, 'SUMMARY', l);
    if (highlight) return snippetOf(highlight, fieldText(entry, 'SUMMARY', l), l);
  }
  const start = summaryStart(entry.summary);
  return {
    segments: [{ text: start, highlighted: false }],
    locale,
    leading: false,
    trailing: start.length < entry.summary.trim().length,
  };
}

/**
 * The first `length` characters of a summary, cut after the last space or Japanese
 * punctuation within them when there is one, so that no word is cut in two.
 */
export function summaryStart(summary: string, length = SUMMARY_START_LENGTH): string {
  const text = summary.trim();
  const chars = Array.from(text);
  if (chars.length <= length) return text;
  const head = chars.slice(0, length).join('');
  const breakAt = Math.max(head.lastIndexOf(' '), head.lastIndexOf('、') + 1, head.lastIndexOf('。') + 1);
  return (breakAt > length / 2 ? head.slice(0, breakAt) : head).trimEnd();
}

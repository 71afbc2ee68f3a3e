/** The locales the service speaks, and how the one in use is chosen. */

export const LOCALES = ['en', 'ja'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Used when neither a stored choice nor the browser says otherwise. */
export const DEFAULT_LOCALE: AppLocale = 'ja';

/** localStorage key holding the reader's explicit choice. */
export const LOCALE_STORAGE_KEY = 'banso.locale';

/** The `Locale` enum of the GraphQL API. */
export type GraphqlLocale = 'EN' | 'JA';

/**
 * Each language's name in that language. Used only when the `locale-*`
 * message of the language's own bundle is not available.
 */
export const ENDONYMS: Record<AppLocale, string> = { en: 'English', ja: '日本語' };

/** Reads a BCP 47 tag ("en-GB", "ja_JP", "EN") as one of our locales, if it is one. */
export function parseLocale(tag: unknown): AppLocale | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
  return primary === 'en' || primary === 'ja' ? primary : null;
}

/**
 * The stored choice when there is a valid one, else the first of the
 * browser's preferred languages that we speak, else Japanese.
 */
export function chooseLocale(
  stored: string | null | undefined,
  browserLanguages: readonly string[] | null | undefined,
): AppLocale {
  const fromStorage = parseLocale(stored);
  if (fromStorage) return fromStorage;
  for (const tag of browserLanguages ?? []) {
    const locale = parseLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export function otherLocale(locale: AppLocale): AppLocale {
  return locale === 'en' ? 'ja' : 'en';
}

export function toGraphqlLocale(locale: AppLocale): GraphqlLocale {
  return locale === 'en' ? 'EN' : 'JA';
}

export function fromGraphqlLocale(locale: string | null | undefined): AppLocale | null {
  return parseLocale(locale);
}

/** The tag handed to `Intl` formatters for dates, numbers and region names. */
export function intlLocale(locale: AppLocale): string {
  return locale === 'en' ? 'en-GB' : 'ja-JP';
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export function readStoredLocale(storage: StorageLike | null | undefined): AppLocale | null {
  try {
    return parseLocale(storage?.getItem(LOCALE_STORAGE_KEY));
  } catch {
    // Storage can be disabled (private mode, policies); the choice is then per page load.
    return null;
  }
}

export function storeLocale(storage: StorageLike | null | undefined, locale: AppLocale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See readStoredLocale.
  }
}

/** The locale to start with in a browser. */
export function initialLocale(): AppLocale {
  const storage = typeof window === 'undefined' ? null : safeLocalStorage();
  const languages =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return chooseLocale(readStoredLocale(storage), languages);
}

export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

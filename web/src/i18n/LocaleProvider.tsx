import type { FluentBundle, FluentVariable } from '@fluent/bundle';
import { LocalizationProvider, ReactLocalization, useLocalization } from '@fluent/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatFrom, loadBundle } from './bundles';
import {
  ENDONYMS,
  LOCALES,
  initialLocale,
  otherLocale,
  safeLocalStorage,
  storeLocale,
  type AppLocale,
} from './locale';

interface LocaleContextValue {
  locale: AppLocale;
  /** Switches the interface language and remembers the choice in this browser. */
  setLocale: (locale: AppLocale) => void;
  /** A language's name in that language ("English", "日本語"). */
  languageName: (locale: AppLocale) => string;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

type Bundles = Partial<Record<AppLocale, FluentBundle>>;

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(initialLocale);
  const [bundles, setBundles] = useState<Bundles>({});
  const [failed, setFailed] = useState<Partial<Record<AppLocale, boolean>>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    for (const l of LOCALES) {
      loadBundle(l, controller.signal).then(
        (bundle) => setBundles((current) => ({ ...current, [l]: bundle })),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          console.error(error);
          setFailed((current) => ({ ...current, [l]: true }));
        },
      );
    }
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: AppLocale) => {
    storeLocale(safeLocalStorage(), next);
    setLocaleState(next);
  }, []);

  const languageName = useCallback(
    (l: AppLocale) => formatFrom(bundles[l], `locale-${l}`) ?? ENDONYMS[l],
    [bundles],
  );

  const l10n = useMemo(() => {
    const chain = [bundles[locale], bundles[otherLocale(locale)]].filter(
      (b): b is FluentBundle => b !== undefined,
    );
    return new ReactLocalization(chain);
  }, [bundles, locale]);

  const value = useMemo(() => ({ locale, setLocale, languageName }), [locale, setLocale, languageName]);

  const retry = useCallback(() => {
    setFailed({});
    setAttempt((a) => a + 1);
  }, []);

  // Wait for the current locale's messages; if they cannot be had, show the other locale's.
  const current = bundles[locale];
  const fallback = bundles[otherLocale(locale)];
  if (!current) {
    const waiting = !failed[locale] || (!fallback && !failed[otherLocale(locale)]);
    if (waiting) return <div className="app-loading" aria-busy="true" />;
    if (!fallback) return <LoadFailure onRetry={retry} />;
  }

  return (
    <LocaleContext.Provider value={value}>
      <LocalizationProvider l10n={l10n}>{children}</LocalizationProvider>
    </LocaleContext.Provider>
  );
}

/**
 * Shown only when no message file could be loaded at all, so its text cannot
 * come from one; it says the same in both languages.
 */
function LoadFailure({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="load-failure">
      <p lang="ja">画面の文言を読み込めませんでした。通信環境をご確認のうえ、再度お試しください。</p>
      <p lang="en">The page texts could not be loaded. Please check your connection and try again.</p>
      <button type="button" className="button" onClick={onRetry}>
        <span lang="ja">再読み込み</span> / <span lang="en">Retry</span>
      </button>
    </main>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

/** `t(id, args)`: a message of the current locale as plain text. */
export function useT(): Translate {
  const { l10n } = useLocalization();
  return useCallback((id, args) => l10n.getString(id, args ?? null), [l10n]);
}

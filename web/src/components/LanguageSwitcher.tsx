import { useLocale, useT } from '../i18n/LocaleProvider';
import { LOCALES } from '../i18n/locale';
import { useSwitchLocale } from '../session/useSwitchLocale';

/** Two buttons named in their own language ("English", "日本語"); the current one is pressed. */
export function LanguageSwitcher() {
  const t = useT();
  const { locale, languageName } = useLocale();
  const switchLocale = useSwitchLocale();
  return (
    // Named by `title`, not aria-label, so that "Language" stays unique among the labels of a page's form fields.
    <div className="language-switcher" role="group" title={t('web-language-switcher-label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          data-testid={`language-${l}`}
          onClick={() => void switchLocale(l)}
        >
          {languageName(l)}
        </button>
      ))}
    </div>
  );
}

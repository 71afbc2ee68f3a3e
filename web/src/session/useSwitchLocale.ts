import { useCallback } from 'react';
import { useMutation } from 'urql';
import { UPDATE_MY_PROFILE } from '../graphql/operations';
import { useLocale } from '../i18n/LocaleProvider';
import { toGraphqlLocale, type AppLocale } from '../i18n/locale';
import { useViewer } from './ViewerProvider';

/**
 * Switches the interface language. For a signed-in viewer the choice is
 * saved to their profile first, so emails and server messages follow it.
 */
export function useSwitchLocale(): (next: AppLocale) => Promise<void> {
  const viewer = useViewer();
  const { locale, setLocale } = useLocale();
  const [, updateMyProfile] = useMutation(UPDATE_MY_PROFILE);
  return useCallback(
    async (next: AppLocale) => {
      if (next === locale) return;
      if (viewer) {
        // A failure to save does not keep the reader in a language they did not choose.
        await updateMyProfile({ input: { locale: toGraphqlLocale(next) } });
      }
      setLocale(next);
    },
    [locale, setLocale, updateMyProfile, viewer],
  );
}

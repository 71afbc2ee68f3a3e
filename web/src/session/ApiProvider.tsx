import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createApiClient } from '../graphql/client';
import { useLocale } from '../i18n/LocaleProvider';

interface SessionControl {
  /** Forget everything cached for the current session, e.g. after logging in or out. */
  resetSession: () => void;
}

const SessionControlContext = createContext<SessionControl | null>(null);

/**
 * Provides the GraphQL client. A new client is made for every locale and
 * every session; pages that need a signed-in viewer then redirect to the
 * login page by themselves when the session has ended.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const [generation, setGeneration] = useState(0);
  const resetSession = useCallback(() => setGeneration((g) => g + 1), []);

  const client = useMemo(
    () => createApiClient({ locale, onUnauthenticated: resetSession }),
    // `generation` is a dependency on purpose: a new session starts from an empty cache.
    [locale, generation, resetSession],
  );
  const control = useMemo(() => ({ resetSession }), [resetSession]);

  return (
    <SessionControlContext.Provider value={control}>
      <Provider value={client}>{children}</Provider>
    </SessionControlContext.Provider>
  );
}

export function useSessionControl(): SessionControl {
  const value = useContext(SessionControlContext);
  if (!value) throw new Error('useSessionControl outside ApiProvider');
  return value;
}

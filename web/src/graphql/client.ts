import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import type { AppLocale } from '../i18n/locale';
import { GRAPHQL_URL } from './endpoint';
import { hasErrorCode } from './errors';

/** Marks the viewer query: its "not signed in" is an answer, not a reason to reset the session. */
export const VIEWER_QUERY_CONTEXT = { viewerQuery: true } as const;

interface ClientOptions {
  locale: AppLocale;
  /** Called once per client when the server says the session is gone. */
  onUnauthenticated: () => void;
}

/**
 * A client for one locale and one session. Changing either creates a new
 * client, so nothing cached in one language or for one user leaks into the next.
 */
export function createApiClient({ locale, onUnauthenticated }: ClientOptions): Client {
  let reported = false;
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'Accept-Language': locale },
    }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error, operation) {
          if (reported || operation.context.viewerQuery) return;
          if (hasErrorCode(error, 'UNAUTHENTICATED')) {
            reported = true;
            onUnauthenticated();
          }
        },
      }),
      fetchExchange,
    ],
  });
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { VIEWER_QUERY_CONTEXT } from '../graphql/client';
import { hasErrorCode, toProblem, type Problem } from '../graphql/errors';
import { ME_QUERY } from '../graphql/operations';
import type { Role, Viewer } from '../graphql/types';
import { useLocale } from '../i18n/LocaleProvider';
import { fromGraphqlLocale } from '../i18n/locale';

export type ViewerState =
  | { status: 'loading'; viewer: null; problem: null }
  | { status: 'ready'; viewer: Viewer | null; problem: null }
  | { status: 'error'; viewer: null; problem: Problem };

interface ViewerContextValue {
  state: ViewerState;
  refresh: () => void;
}

const ViewerContext = createContext<ViewerContextValue | null>(null);

/**
 * Loads `me`. When a viewer appears (page load with a session, or a login),
 * the interface takes on the language saved in their profile.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useLocale();
  const [{ data, fetching, error }, reexecute] = useQuery<{ me: Viewer | null }>({
    query: ME_QUERY,
    context: VIEWER_QUERY_CONTEXT,
  });

  const state: ViewerState = useMemo(() => {
    if (data !== undefined && !fetching) return { status: 'ready', viewer: data.me ?? null, problem: null };
    if (error && !fetching) {
      if (hasErrorCode(error, 'UNAUTHENTICATED')) return { status: 'ready', viewer: null, problem: null };
      const problem = toProblem(error);
      if (problem) return { status: 'error', viewer: null, problem };
    }
    if (data !== undefined) return { status: 'ready', viewer: data.me ?? null, problem: null };
    return { status: 'loading', viewer: null, problem: null };
  }, [data, fetching, error]);

  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (state.status !== 'ready') return;
    const viewer = state.viewer;
    if (!viewer) {
      adoptedFor.current = null;
      return;
    }
    if (adoptedFor.current === viewer.id) return;
    adoptedFor.current = viewer.id;
    const saved = fromGraphqlLocale(viewer.locale);
    if (saved && saved !== locale) setLocale(saved);
  }, [state, locale, setLocale]);

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewerState(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewerState outside ViewerProvider');
  return value;
}

/** The signed-in user, or null (also while loading). */
export function useViewer(): Viewer | null {
  return useViewerState().state.viewer;
}

export function hasRole(viewer: Viewer | null, roles: readonly Role[]): boolean {
  return viewer !== null && roles.includes(viewer.role);
}

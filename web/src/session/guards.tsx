import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorSummary } from '../components/forms';
import { Loading, Page } from '../components/Page';
import type { Role } from '../graphql/types';
import { useT } from '../i18n/LocaleProvider';
import { loginPathFor } from './paths';
import { useViewerState } from './ViewerProvider';

/** Renders its children for a signed-in viewer (with one of `roles`, when given); else sends to login. */
export function RequireViewer({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const { state } = useViewerState();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <Page title={t('web-error-page-title')}>
        <ErrorSummary problem={state.problem} />
      </Page>
    );
  }
  if (!state.viewer) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  if (roles && !roles.includes(state.viewer.role)) {
    return (
      <Page title={t('web-forbidden-title')}>
        <p>{t('web-forbidden-body')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}

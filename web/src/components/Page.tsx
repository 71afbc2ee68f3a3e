import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/LocaleProvider';

/** Sets the document title to "<title> | <app name>". */
export function useDocumentTitle(title: string) {
  const t = useT();
  const appName = t('web-app-name');
  useEffect(() => {
    document.title = title ? t('web-document-title', { page: title, app: appName }) : appName;
  }, [title, appName, t]);
}

interface PageProps {
  title: string;
  /** Shown under the heading. */
  lead?: ReactNode;
  /** Buttons or links next to the heading. */
  actions?: ReactNode;
  narrow?: boolean;
  children?: ReactNode;
}

/**
 * One screen: the document title and the page's only `<h1>`, which receives
 * focus after client-side navigation.
 */
export function Page({ title, lead, actions, narrow, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <div className={narrow ? 'page page-narrow' : 'page'}>
      <div className="page-header">
        <h1 tabIndex={-1}>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {lead ? <div className="page-lead">{lead}</div> : null}
      {children}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('web-loading')}
    </p>
  );
}

/** Moves focus to the page heading, e.g. when a form is replaced by its result. */
export function focusPageHeading() {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useT } from '../i18n/LocaleProvider';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('web-not-found-title')}>
      <p>{t('web-not-found-body')}</p>
      <p>
        <Link to="/">{t('web-not-found-home')}</Link>
      </p>
    </Page>
  );
}

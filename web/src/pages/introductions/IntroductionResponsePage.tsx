import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary } from '../../components/forms';
import { Loading, Page } from '../../components/Page';
import { toProblem } from '../../graphql/errors';
import { ANSWER_INTRODUCTION_BY_TOKEN, INTRODUCTION_BY_TOKEN } from '../../graphql/operations';
import type { Introduction } from '../../graphql/types';
import { useT } from '../../i18n/LocaleProvider';
import { INTRODUCTIONS_CONTEXT } from './IntroductionParts';
import { TargetScreen } from './TargetScreen';

/**
 * The link emailed to the target of an introduction (`/introductions/respond?token=…`): what the
 * requester consented to share, and the answer, without signing in.
 */
export function IntroductionResponsePage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [{ data, fetching, error }] = useQuery<{ introductionByToken: Introduction }>({
    query: INTRODUCTION_BY_TOKEN,
    variables: { token },
    context: INTRODUCTIONS_CONTEXT,
    pause: token === '',
    requestPolicy: 'cache-and-network',
  });
  const [, answer] = useMutation(ANSWER_INTRODUCTION_BY_TOKEN);
  const introduction = data?.introductionByToken ?? null;

  if (introduction) {
    return (
      <TargetScreen introduction={introduction} answer={(accept, note) => answer({ token, accept, note })} />
    );
  }
  if (fetching) {
    return (
      <Page title={t('web-introduction-response-title')} narrow>
        <Loading />
      </Page>
    );
  }
  return (
    <Page title={t('web-introduction-link-invalid-title')} narrow>
      {token === '' || !error ? (
        <p>{t('web-introduction-link-invalid-body')}</p>
      ) : (
        <ErrorSummary problem={toProblem(error)} />
      )}
      <p className="field-hint">{t('web-introduction-link-invalid-hint')}</p>
    </Page>
  );
}

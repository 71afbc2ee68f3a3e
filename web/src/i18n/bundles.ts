import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { AppLocale } from './locale';

/** Fetches `/locales/{locale}.ftl` (every .ftl of the locale, served by the API) and builds a bundle. */
export async function loadBundle(locale: AppLocale, signal?: AbortSignal): Promise<FluentBundle> {
  const response = await fetch(`/locales/${locale}.ftl`, {
    credentials: 'same-origin',
    headers: { Accept: 'text/plain' },
    signal,
  });
  if (!response.ok) {
    throw new Error(`GET /locales/${locale}.ftl: ${response.status}`);
  }
  const source = await response.text();
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source));
  for (const error of errors) {
    console.warn(`locales/${locale}: ${error.message}`);
  }
  return bundle;
}

/** Formats a message of one bundle, or returns null when the bundle does not have it. */
export function formatFrom(bundle: FluentBundle | undefined, id: string): string | null {
  const message = bundle?.getMessage(id);
  if (!bundle || !message?.value) return null;
  return bundle.formatPattern(message.value);
}

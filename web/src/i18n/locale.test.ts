import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  fromGraphqlLocale,
  LOCALE_STORAGE_KEY,
  parseLocale,
  readStoredLocale,
  storeLocale,
  toGraphqlLocale,
} from './locale';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('parseLocale', () => {
  it.each([
    ['en', 'en'],
    ['ja', 'ja'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['EN', 'en'],
    [' en ', 'en'],
  ])('reads %j as %s', (tag, expected) => {
    expect(parseLocale(tag)).toBe(expected);
  });

  it.each(['fr', 'de-DE', 'zh-Hans', '', 'english', 'jp', null, undefined, 42])('rejects %j', (tag) => {
    expect(parseLocale(tag)).toBeNull();
  });
});

describe('chooseLocale', () => {
  it('prefers the stored choice over the browser', () => {
    expect(chooseLocale('en', ['ja-JP', 'ja'])).toBe('en');
    expect(chooseLocale('ja', ['en-US', 'en'])).toBe('ja');
  });

  it('ignores a stored value that is not a locale', () => {
    expect(chooseLocale('fr', ['en-US'])).toBe('en');
    expect(chooseLocale('', ['en-US'])).toBe('en');
  });

  it('takes the first browser language that is English or Japanese', () => {
    expect(chooseLocale(null, ['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(chooseLocale(null, ['de', 'ja-JP', 'en'])).toBe('ja');
    expect(chooseLocale(undefined, ['en-US'])).toBe('en');
  });

  it('falls back to Japanese', () => {
    expect(chooseLocale(null, [])).toBe('ja');
    expect(chooseLocale(null, ['fr', 'ko-KR'])).toBe('ja');
    expect(chooseLocale(null, undefined)).toBe('ja');
  });
});

describe('GraphQL locale enum', () => {
  it('round-trips', () => {
    expect(toGraphqlLocale('en')).toBe('EN');
    expect(toGraphqlLocale('ja')).toBe('JA');
    expect(fromGraphqlLocale('EN')).toBe('en');
    expect(fromGraphqlLocale('JA')).toBe('ja');
    expect(fromGraphqlLocale(null)).toBeNull();
  });
});

describe('stored choice', () => {
  it('is written and read under banso.locale', () => {
    const storage = memoryStorage();
    storeLocale(storage, 'en');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(readStoredLocale(storage)).toBe('en');
  });

  it('reads nothing from a missing, invalid or failing storage', () => {
    expect(readStoredLocale(null)).toBeNull();
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'xx' }))).toBeNull();
    const failing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(failing)).toBeNull();
    expect(() => storeLocale(failing, 'ja')).not.toThrow();
  });
});

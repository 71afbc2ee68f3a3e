import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryOptions, DEFAULT_COUNTRY_CODE } from './countries';

describe('countryOptions', () => {
  it('starts with Japan and lists every code once', () => {
    for (const locale of ['en', 'ja'] as const) {
      const options = countryOptions(locale);
      expect(options[0]?.code).toBe(DEFAULT_COUNTRY_CODE);
      expect(new Set(options.map((o) => o.code)).size).toBe(COUNTRY_CODES.length);
    }
  });

  it('names countries in the reader language', () => {
    expect(countryOptions('en')[0]?.name).toBe('Japan');
    expect(countryOptions('ja')[0]?.name).toBe('日本');
  });

  it('uses two-letter upper-case codes', () => {
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});

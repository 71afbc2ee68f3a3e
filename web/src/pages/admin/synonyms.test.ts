import { describe, expect, it } from 'vitest';
import { formatSynonyms, parseSynonyms } from './synonyms';

describe('parseSynonyms', () => {
  it('splits at commas, Japanese commas and line breaks, and trims each word', () => {
    expect(parseSynonyms(' 薬事 , regulatory affairs、PMDA\nRA\r\n承認申請，許認可')).toEqual([
      '薬事',
      'regulatory affairs',
      'PMDA',
      'RA',
      '承認申請',
      '許認可',
    ]);
  });

  it('drops empty words, including ideographic spaces', () => {
    expect(parseSynonyms('薬事,, ,\n\n、　、PMDA,')).toEqual(['薬事', 'PMDA']);
    expect(parseSynonyms('')).toEqual([]);
    expect(parseSynonyms(' ,、\n ')).toEqual([]);
  });

  it('keeps spaces inside a word', () => {
    expect(parseSynonyms('software as a medical device, 医療機器 プログラム')).toEqual([
      'software as a medical device',
      '医療機器 プログラム',
    ]);
  });

  it('keeps the first of words that differ only in case', () => {
    expect(parseSynonyms('PMDA, pmda, Pmda, 薬事, 薬事')).toEqual(['PMDA', '薬事']);
  });

  it('reads back what formatSynonyms writes', () => {
    const synonyms = ['薬事', 'regulatory affairs', 'PMDA'];
    expect(formatSynonyms(synonyms)).toBe('薬事, regulatory affairs, PMDA');
    expect(parseSynonyms(formatSynonyms(synonyms))).toEqual(synonyms);
    expect(formatSynonyms([])).toBe('');
  });
});

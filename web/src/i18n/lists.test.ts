import { describe, expect, it } from 'vitest';
import { formatList, parseList } from './lists';

describe('parseList', () => {
  it('splits at commas, Japanese commas and line breaks, and trims each item', () => {
    expect(parseList(' 薬事 , regulatory affairs、PMDA\nRA\r\n承認申請，許認可')).toEqual([
      '薬事',
      'regulatory affairs',
      'PMDA',
      'RA',
      '承認申請',
      '許認可',
    ]);
  });

  it('drops empty items, including ideographic spaces', () => {
    expect(parseList('薬事,, ,\n\n、　、PMDA,')).toEqual(['薬事', 'PMDA']);
    expect(parseList('')).toEqual([]);
    expect(parseList(' ,、\n ')).toEqual([]);
  });

  it('keeps spaces inside an item', () => {
    expect(parseList('software as a medical device, 医療機器 プログラム')).toEqual([
      'software as a medical device',
      '医療機器 プログラム',
    ]);
  });

  it('keeps the first of items that differ only in case', () => {
    expect(parseList('PMDA, pmda, Pmda, 薬事, 薬事')).toEqual(['PMDA', '薬事']);
  });

  it('reads competitor names written one a line or after commas', () => {
    expect(
      parseList('株式会社ハートリズム\nCardioLens Inc.、 メドテック東京，\n\n Vital Signals, Ltd.'),
    ).toEqual(['株式会社ハートリズム', 'CardioLens Inc.', 'メドテック東京', 'Vital Signals', 'Ltd.']);
  });

  it('reads back what formatList writes', () => {
    const items = ['薬事', 'regulatory affairs', 'PMDA'];
    expect(formatList(items)).toBe('薬事, regulatory affairs, PMDA');
    expect(parseList(formatList(items))).toEqual(items);
    expect(formatList([])).toBe('');
  });
});

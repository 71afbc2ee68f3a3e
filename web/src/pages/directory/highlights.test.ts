import { describe, expect, it } from 'vitest';
import type { DirectoryEntryRow, Highlight } from '../../graphql/types';
import { nameSnippet, summarySnippet, summaryStart } from './highlights';

const entry: DirectoryEntryRow = {
  id: 'e1',
  kind: 'SUPPORTER',
  kindLabel: 'サポーター団体',
  name: '株式会社しるべ薬事コンサルティング',
  nameEn: 'Shirube Regulatory Consulting',
  nameJa: '株式会社しるべ薬事コンサルティング',
  summary: '再生医療・医薬品の薬事を専門とする大阪のコンサルティング会社です。RS戦略相談を支援しています。',
  summaryEn:
    'An Osaka regulatory consultancy for regenerative medicine. It supports RS strategy consultations.',
  summaryJa: '再生医療・医薬品の薬事を専門とする大阪のコンサルティング会社です。RS戦略相談を支援しています。',
  overseas: false,
  active: true,
  domains: [],
  topics: [],
  services: [],
  advisor: null,
  supporter: { supporterTypeLabel: 'コンサルティング' },
  vc: null,
  programme: null,
};

const seg = (text: string, highlighted = false) => ({ text, highlighted });

const nameJa: Highlight = {
  field: 'NAME',
  locale: 'JA',
  segments: [seg('株式会社しるべ'), seg('薬事', true), seg('コンサルティング')],
};
const summaryJa: Highlight = {
  field: 'SUMMARY',
  locale: 'JA',
  segments: [
    seg('再生医療・医薬品の'),
    seg('薬事', true),
    seg('を専門とする大阪のコンサルティング会社です。'),
  ],
};
const summaryEn: Highlight = {
  field: 'SUMMARY',
  locale: 'EN',
  segments: [seg('Osaka '), seg('regulatory', true), seg(' consultancy')],
};

describe('nameSnippet', () => {
  it('marks the name in the reader language', () => {
    expect(nameSnippet(entry, [nameJa, summaryEn], 'ja').segments).toEqual(nameJa.segments);
  });

  it('shows the plain name without a highlight of the whole name in that language', () => {
    expect(nameSnippet(entry, [summaryJa], 'ja').segments).toEqual([seg(entry.name)]);
    const partial: Highlight = { ...nameJa, segments: [seg('薬事', true)] };
    expect(nameSnippet(entry, [partial], 'ja').segments).toEqual([seg(entry.name)]);
    expect(nameSnippet(entry, [nameJa], 'en').segments).toEqual([seg(entry.name)]);
  });

  it('ignores highlights that mark nothing', () => {
    const unmarked: Highlight = { ...nameJa, segments: [seg(entry.name)] };
    expect(nameSnippet(entry, [unmarked], 'ja').segments).toEqual([seg(entry.name)]);
  });
});

describe('summarySnippet', () => {
  it('prefers the extract in the reader language and says it is cut', () => {
    expect(summarySnippet(entry, [summaryEn, summaryJa], 'ja')).toEqual({
      segments: summaryJa.segments,
      locale: 'ja',
      leading: false,
      trailing: true,
    });
  });

  it('falls back to the other language', () => {
    expect(summarySnippet(entry, [summaryEn], 'ja')).toEqual({
      segments: summaryEn.segments,
      locale: 'en',
      leading: true,
      trailing: true,
    });
  });

  it('shows the start of the summary without a highlight', () => {
    expect(summarySnippet(entry, [], 'ja')).toEqual({
      segments: [seg(entry.summary)],
      locale: 'ja',
      leading: false,
      trailing: false,
    });
  });

  it('says when the start is only part of the summary', () => {
    const long = { ...entry, summary: 'あ'.repeat(200) };
    const snippet = summarySnippet(long, [], 'ja');
    expect(snippet.segments[0]?.text).toHaveLength(140);
    expect(snippet.trailing).toBe(true);
  });
});

describe('summaryStart', () => {
  it('keeps a short summary whole', () => {
    expect(summaryStart('  Short.  ')).toBe('Short.');
  });

  it('cuts English after a word', () => {
    expect(summaryStart('one two three four', 12)).toBe('one two');
  });

  it('cuts Japanese after punctuation', () => {
    expect(summaryStart('創薬スタートアップの開発戦略、RS戦略相談の準備を支援します。', 20)).toBe(
      '創薬スタートアップの開発戦略、',
    );
  });

  it('cuts text without breaks at the length', () => {
    expect(summaryStart('あいうえおかきくけこ', 4)).toBe('あいうえ');
  });
});
